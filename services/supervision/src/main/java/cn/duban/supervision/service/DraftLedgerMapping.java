package cn.duban.supervision.service;

import cn.duban.events.EventCodec;
import cn.duban.events.Sector;
import cn.duban.supervision.draft.DraftMilestone;
import cn.duban.supervision.draft.DraftTarget;
import cn.duban.supervision.draft.DraftTask;
import cn.duban.supervision.engine.Strength;
import cn.duban.supervision.engine.TargetType;
import cn.duban.supervision.ledger.UnitDirectory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where a draft's own model becomes the ledger data file (ledger.schema.json), which then goes through
 * the ordinary import. Kind, target type, strength and baseline go along (docs/commitments.md); a target's strength
 * the draft did not settle is the task's. What the schema does not (yet) hold is left out here and only here: the
 * provenance of fields; and the 民生实事 flag is kept only where the schema's section for it fits.
 */
final class DraftLedgerMapping {
    static final List<String> MATTERS_SECTION = List.of("民生实事", "八件民生实事");

    private DraftLedgerMapping() {
    }

    /** The ledger ids the tasks get: per sector, in draft order, after the highest id the year already has. */
    static Map<String, String> ids(List<DraftTask> tasks, int year, Map<Sector, Integer> highestTaken) {
        Map<Sector, Integer> next = new LinkedHashMap<>(highestTaken);
        Map<String, String> ids = new LinkedHashMap<>();
        for (DraftTask t : tasks) {
            Sector sector = Sector.fromId(t.sector().value()).orElseThrow();
            int n = next.merge(sector, 1, Integer::sum);
            ids.put(t.key(), "%d-%s-%03d".formatted(year, sector.code(), n));
        }
        return ids;
    }

    static ObjectNode ledger(int year, String source, List<DraftTask> tasks, Map<String, String> ids,
            UnitDirectory directory) {
        ObjectNode ledger = EventCodec.json().createObjectNode();
        ledger.put("year", year);
        ledger.put("county", "未注明");
        ledger.put("source", source);
        ledger.put("plannedStart", year + "-01-01");
        ArrayNode out = ledger.putArray("tasks");
        for (DraftTask t : tasks) {
            out.add(task(t, ids.get(t.key()), directory));
        }
        return ledger;
    }

    private static ObjectNode task(DraftTask t, String id, UnitDirectory directory) {
        ObjectNode task = EventCodec.json().createObjectNode();
        task.put("id", id);
        task.put("sector", t.sector().value());
        if (t.kind() != null) {
            task.put("kind", t.kind().value().name());
        }
        task.put("title", t.title().value());
        task.put("text", t.text());
        List<String> section = t.section().isEmpty() ? List.of(t.title().value()) : t.section();
        ArrayNode sections = task.putArray("section");
        section.stream().limit(2).forEach(sections::add);
        task.put("leadUnit", t.leadUnit().value());
        task.putArray("coUnits");
        task.put("leader", directory.units().stream().filter(u -> u.name().equals(t.leadUnit().value()))
                .map(UnitDirectory.Entry::leader).findFirst().orElse(""));
        ArrayNode targets = task.putArray("targets");
        Strength taskStrength = t.strength() == null ? null : t.strength().value();
        for (DraftTarget target : t.targets()) {
            ObjectNode node = targets.addObject();
            node.put("metric", target.metric());
            node.put("unit", target.unit());
            node.put("value", target.value());
            node.put("type", (target.type() == null ? TargetType.AMOUNT : target.type()).name());
            Strength strength = target.strength() != null ? target.strength() : taskStrength;
            if (strength != null) {
                node.put("strength", strength.name());
            }
            if (target.baseline() != null) {
                node.put("baseline", target.baseline().value());
            }
        }
        ArrayNode milestones = task.putArray("milestones");
        Set<String> names = new HashSet<>();
        for (DraftMilestone m : t.milestones()) {
            if (names.add(m.name())) {
                milestones.addObject().put("name", m.name()).put("due", m.due().toString());
            }
        }
        task.put("deadline", t.deadline().value().toString());
        task.put("reportingCycle", "MONTHLY");
        ArrayNode flags = task.putArray("flags");
        for (String flag : new java.util.LinkedHashSet<>(t.flags())) {
            boolean matterFits = !flag.equals("民生实事")
                    || t.sector().value().equals(Sector.LIVELIHOOD.id()) && section.equals(MATTERS_SECTION);
            boolean indicatorFits = !flag.equals("经济指标")
                    || section.equals(List.of("主要经济指标")) && !t.targets().isEmpty();
            if (matterFits && indicatorFits) {
                flags.add(flag);
            }
        }
        return task;
    }
}
