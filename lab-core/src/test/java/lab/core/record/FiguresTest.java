package lab.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Figures keep two significant digits of their uncertainty and the value to the same place. */
class FiguresTest {

    @Test
    void twoSignificantDigitsOfTheErrorAndTheValueToTheSamePlace() {
        // The example: a count of ~1 with an error of about a millionth.
        assertThat(Figures.withError(1.000005, 0.0000012)).isEqualTo("1.0000050 ± 0.0000012");
        assertThat(Figures.withError(10.0, 0.2)).isEqualTo("10.00 ± 0.20");
        assertThat(Figures.withError(1234.5678, 3.21)).isEqualTo("1,234.6 ± 3.2");
        assertThat(Figures.withError(0.012345, 0.00067)).isEqualTo("0.01235 ± 0.00067");
    }

    @Test
    void largeErrorsRoundTheValueLeftOfThePoint() {
        assertThat(Figures.withError(45_623, 1_234)).isEqualTo("45,600 ± 1,200");
        assertThat(Figures.withError(187_956, 2_142_758)).isEqualTo("200,000 ± 2,100,000");
        assertThat(Figures.withError(145.2, 13.7)).isEqualTo("145 ± 14");
    }

    @Test
    void anErrorThatRoundsUpADecadeKeepsTwoDigits() {
        assertThat(Figures.error(0.0996)).isEqualTo("0.10");
        assertThat(Figures.withError(3.14159, 0.0996)).isEqualTo("3.14 ± 0.10");
        assertThat(Figures.error(99.7)).isEqualTo("100");
    }

    @Test
    void withoutAnErrorFourSignificantDigits() {
        assertThat(Figures.withError(3.14159, Double.NaN)).isEqualTo("3.142");
        assertThat(Figures.withError(0.000123456, 0)).isEqualTo("0.0001235");
        assertThat(Figures.value(123_456.7, Double.POSITIVE_INFINITY)).isEqualTo("123,457");
        assertThat(Figures.error(Double.NaN)).isEmpty();
    }

    @Test
    void specialValuesAndSigns() {
        assertThat(Figures.value(Double.NaN, 1)).isEqualTo("NaN");
        assertThat(Figures.value(Double.POSITIVE_INFINITY, 1)).isEqualTo("+∞");
        assertThat(Figures.withError(-12.345, 0.5)).isEqualTo("-12.35 ± 0.50");
        assertThat(Figures.value(-0.0001, 0.5)).isEqualTo("0.00");
        assertThat(Figures.fixed(-1_234_567.891, 2)).isEqualTo("-1,234,567.89");
    }

    @Test
    void aSpreadIsTheRangeAndHowManyTimesTheLargestIsTheSmallest() {
        assertThat(Figures.spread(new double[] {8_172.1, 4_311.8, 27_343.3, 3_211.4})).isEqualTo("3,211–27,343, 8.51×");
        assertThat(Figures.spread(new double[] {2.1, 1.9})).isEqualTo("1.900–2.100, 1.11×");
        assertThat(Figures.spread(new double[] {5.0})).isEmpty();
        assertThat(Figures.spread(new double[] {5.0, Double.NaN, 0})).isEmpty();
    }
}
