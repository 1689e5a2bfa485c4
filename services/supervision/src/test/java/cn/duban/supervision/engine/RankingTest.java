package cn.duban.supervision.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static Score score(String value) {
        return new Score(new BigDecimal(value), List.of(new ScoreTerm("base", BigDecimal.ONE, new BigDecimal(value), new BigDecimal(value))));
    }

    @Test
    void a_unit_with_more_overdue_ranks_below_an_otherwise_equal_one() {
        UnitFacts punctual = new UnitFacts("县住建局", new TaskCounts(6, 2, 0, 1), new TaskCounts(2, 0, 0, 0), 10, 9, 1);
        UnitFacts slipping = new UnitFacts("县交通运输局", new TaskCounts(6, 2, 0, 2), new TaskCounts(2, 0, 0, 0), 10, 9, 1);

        Ranking ranking = Ranking.of(List.of(slipping, punctual), ScoreFormula.withDefaults());

        assertThat(ranking.entries()).extracting(RankedUnit::rank, RankedUnit::unit)
                .containsExactly(tuple(1, "县住建局"), tuple(2, "县交通运输局"));
    }

    @Test
    void equal_scores_share_a_rank_and_the_next_rank_skips() {
        Ranking ranking = Ranking.of(Map.of("县文旅局", score("80.0"), "县农业农村局", score("92.5"),
                "县工信局", score("80"), "县发改局", score("71.3")));

        assertThat(ranking.entries()).extracting(RankedUnit::rank).containsExactly(1, 2, 2, 4);
        assertThat(ranking.entries()).extracting(RankedUnit::unit).first().isEqualTo("县农业农村局");
    }

    @Test
    void units_with_equal_scores_are_listed_by_name_in_pinyin_order() {
        Ranking ranking = Ranking.of(Map.of("乙单位", score("80"), "甲单位", score("80"), "丙单位", score("80")));

        // bǐng, jiǎ, yǐ
        assertThat(ranking.entries()).extracting(RankedUnit::rank, RankedUnit::unit)
                .containsExactly(tuple(1, "丙单位"), tuple(1, "甲单位"), tuple(1, "乙单位"));
    }
}
