package cn.duban.supervision.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScoreFormulaTest {

    private final ScoreFormula formula = ScoreFormula.withDefaults();

    private static UnitFacts unit(TaskCounts led, TaskCounts coLed, int reportsDue, int reportsOnTime, int escalations) {
        return new UnitFacts("县农业农村局", led, coLed, reportsDue, reportsOnTime, escalations);
    }

    private static BigDecimal sumOf(Score score) {
        return score.terms().stream().map(ScoreTerm::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void a_score_is_traced_term_by_term_to_its_inputs() {
        UnitFacts facts = unit(new TaskCounts(10, 6, 1, 1), new TaskCounts(4, 2, 0, 0), 9, 8, 2);

        Score score = formula.score(facts);

        // load = 10 + ½ × 4 = 12; on time (6 + ½ × 2)/12, late 1/12, overdue 1/12; reports 8/9
        assertThat(score.terms())
                .extracting(ScoreTerm::name, term -> term.input().toPlainString(), term -> term.contribution().toPlainString())
                .containsExactly(
                        tuple("base", "1", "60.0"),
                        tuple("completedOnTime", "0.5833", "14.6"),
                        tuple("completedLate", "0.0833", "0.8"),
                        tuple("reportsOnTime", "0.8889", "13.3"),
                        tuple("openOverdue", "0.0833", "-2.5"),
                        tuple("escalations", "2", "-4.0"));
        assertThat(score.value()).isEqualByComparingTo("82.2");
    }

    @Test
    void the_terms_always_add_up_to_the_value_even_when_clamped() {
        List<UnitFacts> units = List.of(
                unit(new TaskCounts(3, 3, 0, 0), null, 6, 6, 0),
                unit(new TaskCounts(7, 2, 2, 3), new TaskCounts(5, 1, 1, 2), 12, 7, 5),
                unit(new TaskCounts(2, 0, 0, 2), new TaskCounts(1, 0, 0, 1), 10, 0, 40),
                unit(null, null, 0, 0, 0));

        assertThat(units).map(formula::score).allSatisfy(score -> {
            assertThat(sumOf(score)).isEqualByComparingTo(score.value());
            assertThat(score.value().scale()).isEqualTo(1);
            assertThat(score.value()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        });
    }

    @Test
    void a_clamp_shows_as_its_own_term() {
        Score hopeless = formula.score(unit(new TaskCounts(2, 0, 0, 2), null, 10, 0, 40));

        assertThat(hopeless.value()).isEqualByComparingTo("0");
        assertThat(hopeless.terms()).last().satisfies(term -> {
            assertThat(term.name()).isEqualTo("clamp");
            assertThat(term.contribution()).as("60 − 30 − 2 × 40 = −50").isEqualByComparingTo("50");
        });
    }

    @Test
    void everything_on_time_scores_one_hundred_and_nothing_done_yet_scores_seventy_five() {
        assertThat(formula.score(unit(new TaskCounts(4, 4, 0, 0), new TaskCounts(2, 2, 0, 0), 12, 12, 0)).value())
                .isEqualByComparingTo("100");
        assertThat(formula.score(unit(new TaskCounts(4, 0, 0, 0), null, 3, 3, 0)).value()).isEqualByComparingTo("75");
    }

    @Test
    void a_co_led_task_counts_half() {
        Score score = formula.score(unit(new TaskCounts(1, 1, 0, 0), new TaskCounts(2, 0, 0, 0), 0, 0, 0));

        // load = 1 + ½ × 2 = 2
        assertThat(score.terms()).filteredOn(term -> term.name().equals("completedOnTime"))
                .singleElement()
                .satisfies(term -> assertThat(term.input()).isEqualByComparingTo("0.5"));
    }

    @Test
    void more_of_a_good_thing_never_lowers_the_score_and_more_of_a_bad_thing_never_raises_it() {
        UnitFacts base = unit(new TaskCounts(10, 3, 1, 2), new TaskCounts(4, 1, 0, 1), 10, 6, 3);
        BigDecimal baseScore = formula.score(base).value();

        Stream.of(
                unit(new TaskCounts(10, 4, 1, 2), base.coLed(), 10, 6, 3),
                unit(base.led(), new TaskCounts(4, 2, 0, 1), 10, 6, 3),
                unit(base.led(), base.coLed(), 10, 7, 3),
                unit(new TaskCounts(10, 3, 2, 1), base.coLed(), 10, 6, 3))
                .forEach(better -> assertThat(formula.score(better).value()).isGreaterThan(baseScore));
        Stream.of(
                unit(new TaskCounts(10, 3, 1, 3), base.coLed(), 10, 6, 3),
                unit(base.led(), base.coLed(), 10, 6, 4))
                .forEach(worse -> assertThat(formula.score(worse).value()).isLessThan(baseScore));
    }

    @Test
    void weights_that_would_reward_failure_are_refused() {
        ScoreWeights d = ScoreWeights.defaults();

        assertThatThrownBy(() -> new ScoreWeights(d.base(), d.completedOnTime(), d.completedLate(), d.reportsOnTime(),
                new BigDecimal("5"), d.escalation(), d.coLedShare()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openOverdue");
        assertThatThrownBy(() -> new ScoreWeights(d.base(), d.completedOnTime(), d.completedLate(), d.reportsOnTime(),
                d.openOverdue(), d.escalation(), new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coLedShare");
    }

    @Test
    void a_missed_strive_task_costs_half_of_a_missed_must() {
        // four led tasks, one overdue: 确保 costs 30 × 1/4, 力争 (e.g. 力争6月底前投产) 30 × ½/4
        Score must = formula.score(unit(new TaskCounts(4, 0, 0, 1, 0), null, 3, 3, 0));
        Score strive = formula.score(unit(new TaskCounts(4, 0, 0, 1, 1), null, 3, 3, 0));

        assertThat(must.terms()).filteredOn(t -> t.name().equals("openOverdue")).singleElement()
                .satisfies(t -> assertThat(t.contribution()).isEqualByComparingTo("-7.5"));
        assertThat(strive.terms()).filteredOn(t -> t.name().equals("openOverdue")).singleElement()
                .satisfies(t -> assertThat(t.contribution()).isEqualByComparingTo("-3.8"));
        assertThat(strive.value()).isGreaterThan(must.value());
    }

    @Test
    void impossible_facts_are_refused() {
        assertThatThrownBy(() -> new TaskCounts(2, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskCounts(2, 0, 0, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> unit(null, null, 3, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
