package cn.duban.supervision.engine;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Units ordered by score, highest first; equal scores share a rank and the next rank skips (1, 1, 3) and
 * are listed by unit name in Chinese collation order, then by code point so the order is total.
 */
public record Ranking(List<RankedUnit> entries) {

    public Ranking {
        entries = List.copyOf(entries);
    }

    public static Ranking of(List<UnitFacts> units, ScoreFormula formula) {
        var scores = new LinkedHashMap<String, Score>();
        for (UnitFacts unit : units) {
            if (scores.put(unit.unit(), formula.score(unit)) != null) {
                throw new IllegalArgumentException("unit " + unit.unit() + " appears twice");
            }
        }
        return of(scores);
    }

    public static Ranking of(Map<String, Score> scoresByUnit) {
        Collator chinese = Collator.getInstance(Locale.CHINA);
        Comparator<Map.Entry<String, Score>> order = Comparator
                .comparing((Map.Entry<String, Score> entry) -> entry.getValue().value(), Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey, chinese)
                .thenComparing(Map.Entry::getKey);
        List<Map.Entry<String, Score>> sorted = scoresByUnit.entrySet().stream().sorted(order).toList();
        var entries = new ArrayList<RankedUnit>();
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<String, Score> entry = sorted.get(i);
            boolean tiesPrevious = i > 0
                    && sorted.get(i - 1).getValue().value().compareTo(entry.getValue().value()) == 0;
            int rank = tiesPrevious ? entries.get(i - 1).rank() : i + 1;
            entries.add(new RankedUnit(rank, entry.getKey(), entry.getValue()));
        }
        return new Ranking(entries);
    }
}
