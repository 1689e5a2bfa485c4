package cn.duban.supervision.draft;

import java.util.List;

/** A report's draft ledger: the year its dates belong to (and whether the report said so) and the drafted tasks. */
public record ReportDraft(int year, boolean yearFound, List<DraftTask> tasks) {
    public ReportDraft {
        tasks = List.copyOf(tasks);
    }
}
