package cn.duban.supervision.draft;

import cn.duban.events.task.Target;
import cn.duban.supervision.ledger.LedgerFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a draft compares with a ledger made by hand from the same report (docs/drafts.md, "How matching is decided").
 * A ledger task is found when a draft task covers at least half of the ledger task's words in the report, each draft
 * task standing for one ledger task at most (a maximum one-to-one matching). Fields are judged on the found pairs;
 * a task not found counts as wrong for every field.
 */
final class LedgerComparison {
    final int ledgerTasks;
    final int draftTasks;
    final int found;
    final int foundStrict;
    final int ledgerTargets;
    final int targetsRight;
    final int targetMetricsRight;
    final int deadlinesRight;
    final int sectorsRight;
    final int leadUnitsRight;
    final int ledgerMilestones;
    final int milestonesRight;
    final int unmatchedDrafts;
    final List<String> missed = new ArrayList<>();
    final List<String> wrongTargets = new ArrayList<>();
    final List<String> wrongDeadlines = new ArrayList<>();

    LedgerComparison(String report, LedgerFile ledger, ReportDraft draft) {
        List<LedgerFile.Entry> tasks = ledger.tasks();
        List<DraftTask> drafts = draft.tasks();
        int from = Math.max(0, report.indexOf("工作安排"));
        int[][] spans = new int[tasks.size()][];
        for (int i = 0; i < tasks.size(); i++) {
            int at = report.indexOf(tasks.get(i).text(), from);
            if (at < 0) {
                throw new IllegalStateException(tasks.get(i).id() + " is not verbatim in the report");
            }
            spans[i] = new int[] {at, at + tasks.get(i).text().length()};
        }
        boolean[][] candidate = new boolean[tasks.size()][drafts.size()];
        int strict = 0;
        for (int i = 0; i < tasks.size(); i++) {
            boolean any = false;
            for (int j = 0; j < drafts.size(); j++) {
                DraftTask d = drafts.get(j);
                int overlap = Math.max(0, Math.min(spans[i][1], d.end()) - Math.max(spans[i][0], d.start()));
                int ledgerLength = spans[i][1] - spans[i][0];
                candidate[i][j] = 2 * overlap >= ledgerLength;
                any |= candidate[i][j] && 2 * overlap >= d.end() - d.start();
            }
            strict += any ? 1 : 0;
        }
        int[] draftOf = match(candidate, tasks.size(), drafts.size());
        int foundCount = 0;
        int targetCount = 0;
        int targetRight = 0;
        int metricRight = 0;
        int deadlineRight = 0;
        int sectorRight = 0;
        int leadRight = 0;
        int milestoneCount = 0;
        int milestoneRight = 0;
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            LedgerFile.Entry t = tasks.get(i);
            targetCount += t.targets().size();
            milestoneCount += t.milestones().size();
            if (draftOf[i] < 0) {
                missed.add(t.id() + " " + t.text());
                continue;
            }
            used.add(draftOf[i]);
            foundCount++;
            DraftTask d = drafts.get(draftOf[i]);
            List<DraftTarget> left = new ArrayList<>(d.targets());
            for (Target target : t.targets()) {
                DraftTarget same = left.stream().filter(x -> x.unit().equals(target.unit())
                        && x.value().compareTo(target.value()) == 0).findFirst().orElse(null);
                if (same != null) {
                    left.remove(same);
                    targetRight++;
                    metricRight += same.metric().equals(target.metric()) ? 1 : 0;
                } else {
                    wrongTargets.add(t.id() + " " + target.metric() + " " + target.value().toPlainString()
                            + target.unit() + " ← " + d.targets().stream()
                            .map(x -> x.metric() + " " + x.value().toPlainString() + x.unit()).toList());
                }
            }
            if (d.deadline().value().equals(t.deadline())) {
                deadlineRight++;
            } else {
                wrongDeadlines.add(t.id() + " " + t.deadline() + " ← " + d.deadline().value());
            }
            sectorRight += d.sector().value().equals(t.sector()) ? 1 : 0;
            leadRight += t.leadUnit().equals(d.leadUnit().value()) ? 1 : 0;
            for (var m : t.milestones()) {
                milestoneRight += d.milestones().stream()
                        .anyMatch(x -> x.name().equals(m.name()) && x.due().equals(m.due())) ? 1 : 0;
            }
        }
        ledgerTasks = tasks.size();
        draftTasks = drafts.size();
        found = foundCount;
        foundStrict = strict;
        ledgerTargets = targetCount;
        targetsRight = targetRight;
        targetMetricsRight = metricRight;
        deadlinesRight = deadlineRight;
        sectorsRight = sectorRight;
        leadUnitsRight = leadRight;
        ledgerMilestones = milestoneCount;
        milestonesRight = milestoneRight;
        unmatchedDrafts = drafts.size() - used.size();
    }

    /** Maximum bipartite matching (Kuhn): ledger task i → draft task, or -1. */
    private static int[] match(boolean[][] candidate, int ledger, int drafts) {
        int[] ledgerOf = new int[drafts];
        Arrays.fill(ledgerOf, -1);
        for (int i = 0; i < ledger; i++) {
            augment(i, candidate, ledgerOf, new boolean[drafts]);
        }
        int[] draftOf = new int[ledger];
        Arrays.fill(draftOf, -1);
        for (int j = 0; j < drafts; j++) {
            if (ledgerOf[j] >= 0) {
                draftOf[ledgerOf[j]] = j;
            }
        }
        return draftOf;
    }

    private static boolean augment(int i, boolean[][] candidate, int[] ledgerOf, boolean[] seen) {
        for (int j = 0; j < ledgerOf.length; j++) {
            if (candidate[i][j] && !seen[j]) {
                seen[j] = true;
                if (ledgerOf[j] < 0 || augment(ledgerOf[j], candidate, ledgerOf, seen)) {
                    ledgerOf[j] = i;
                    return true;
                }
            }
        }
        return false;
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "—" : "%.1f %% (%d/%d)".formatted(100.0 * part / whole, part, whole);
    }

    String figures() {
        return String.join("\n",
                "tasks found (recall):      " + percent(found, ledgerTasks),
                "  found, strict (both ways ≥ half): " + percent(foundStrict, ledgerTasks),
                "draft tasks matching a ledger task (precision): " + percent(draftTasks - unmatchedDrafts, draftTasks),
                "targets exactly right:     " + percent(targetsRight, ledgerTargets),
                "  with the same metric name: " + percent(targetMetricsRight, ledgerTargets),
                "deadlines right:           " + percent(deadlinesRight, ledgerTasks),
                "sectors right:             " + percent(sectorsRight, ledgerTasks),
                "lead units as the ledger:  " + percent(leadUnitsRight, ledgerTasks),
                "milestones right:          " + percent(milestonesRight, ledgerMilestones));
    }
}
