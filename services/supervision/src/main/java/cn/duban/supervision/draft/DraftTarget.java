package cn.duban.supervision.draft;

import cn.duban.supervision.engine.TargetType;
import cn.duban.supervision.engine.Strength;
import java.math.BigDecimal;

/** A drafted target: metric, normalised unit and value, how it is judged, how hard it is meant, and its baseline. */
public record DraftTarget(String metric, String unit, BigDecimal value, TargetType type, Strength strength,
        Baseline baseline, boolean proposed, Provenance provenance) {

    /** 基数: last year's value, read from the report's review of that year. */
    public record Baseline(String unit, BigDecimal value, Provenance provenance) {
    }

    public DraftTarget withBaseline(Baseline b) {
        return new DraftTarget(metric, unit, value, type, strength, b, proposed, provenance);
    }

    public DraftTarget confirmed() {
        return new DraftTarget(metric, unit, value, type, strength, baseline, false,
                provenance == null ? Provenance.confirmedByOffice() : provenance.confirmed());
    }
}
