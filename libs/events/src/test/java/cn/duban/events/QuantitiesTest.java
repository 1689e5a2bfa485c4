package cn.duban.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "6000", "0.85", "60000.0000", "999999999999999.9999", "6E+4", "0.0001", "-5",
            "1200.50"})
    void ordinaryFiguresAreQuantities(String value) {
        assertThat(Quantities.problem(new BigDecimal(value))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "1E+999999999", "1000000000000000", "1E+15", "-1E+16"})
    void numbersPastFifteenIntegerDigitsAreTooLarge(String value) {
        assertThat(Quantities.problem(new BigDecimal(value))).contains(Quantities.Problem.TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00001", "1E-999999999", "6000.12345"})
    void moreThanFourDecimalsAreTooPrecise(String value) {
        assertThat(Quantities.problem(new BigDecimal(value))).contains(Quantities.Problem.TOO_PRECISE);
    }

    @Test
    void theLargestQuantityIsFifteenNinesAndFourDecimals() {
        assertThat(Quantities.MAX).isEqualByComparingTo(
                BigDecimal.TEN.pow(Quantities.INTEGER_DIGITS).subtract(BigDecimal.ONE.movePointLeft(Quantities.DECIMALS)));
        assertThat(Quantities.isValid(Quantities.MAX)).isTrue();
        assertThat(Quantities.isValid(Quantities.MAX.add(new BigDecimal("0.0001")))).isFalse();
    }

    @Test
    void textIsReadAsOneValueWithoutTrailingZerosOrExponent() {
        assertThat(Quantities.read("6E+4").value()).isEqualTo(new BigDecimal("60000"));
        assertThat(Quantities.read(" 60000.0 ").value()).isEqualTo(new BigDecimal("60000"));
        assertThat(Quantities.read("0.850").value()).isEqualTo(new BigDecimal("0.85"));
        assertThat(Quantities.read("六万").problem()).isEqualTo(Quantities.Problem.NOT_A_NUMBER);
        assertThat(Quantities.read("").problem()).isEqualTo(Quantities.Problem.NOT_A_NUMBER);
        assertThat(Quantities.read("1".repeat(100)).problem()).isEqualTo(Quantities.Problem.TOO_LARGE);
    }

    @Test
    @Timeout(10) // a guard against a hung build, not a speed assertion: expanding the exponent would take minutes
    void aHugeExponentIsRefusedWithoutBeingExpanded() {
        assertThat(Quantities.read("1E+999999999").problem()).isEqualTo(Quantities.Problem.TOO_LARGE);
        assertThat(Quantities.read("-1e999999999").problem()).isEqualTo(Quantities.Problem.TOO_LARGE);
        assertThat(Quantities.read("1E-999999999").problem()).isEqualTo(Quantities.Problem.TOO_PRECISE);
    }

    @Test
    void everyProblemSaysWhyInBothLanguages() {
        for (Quantities.Problem p : Quantities.Problem.values()) {
            assertThat(p.zh()).isNotBlank().doesNotContain("number");
            assertThat(p.en()).isNotBlank();
        }
        assertThat(Quantities.Problem.TOO_LARGE.zh()).contains("15");
    }
}
