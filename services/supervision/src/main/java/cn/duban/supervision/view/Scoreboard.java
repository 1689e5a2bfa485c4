package cn.duban.supervision.view;

import cn.duban.supervision.engine.ScoreTerm;
import cn.duban.supervision.engine.UnitFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The units' and sectors' scores as of a day (考核排名), best first; the bulletin and the export show the same. */
public record Scoreboard(LocalDate asOf, List<Card> units, List<Card> sectors) {

    /** One unit's or sector's score, with the facts it was computed from and each term's share. */
    public record Card(int rank, String name, String sector, UnitFacts facts, BigDecimal score, List<ScoreTerm> terms) {
    }
}
