package lab.web.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.core.record.Metric;
import org.junit.jupiter.api.Test;

/** The ratio column: direction by unit, errors propagated in quadrature, "~" when intervals overlap. */
class DecisionTablesTest {

    static Metric m(double score, double error, String unit) {
        return new Metric(score, error, new double[] {score - error, score + error}, unit, Map.of(), List.of());
    }

    @Test
    void throughputRatioIsStoreOverBaselineWithRelativeErrorsAddedInQuadrature() {
        DecisionTables.Ratio r = DecisionTables.ratio(m(20, 0.4, "ops/us"), m(10, 0.2, "ops/us"));
        // 2× faster; relative errors 2% and 2% → √(0.02² + 0.02²) = 2.83% of 2 = 0.057
        assertThat(r.text()).isEqualTo("2.000× faster");
        assertThat(r.error()).isEqualTo("± 0.057"); // two significant digits of the error, the ratio to the same place
        assertThat(r.cls()).isEqualTo("faster");
        assertThat(r.title()).contains("relative error 2.8%");
    }

    @Test
    void timePerOperationRatioIsBaselineOverStore() {
        DecisionTables.Ratio slower = DecisionTables.ratio(m(41, 1, "ns/op"), m(10, 0.1, "ns/op"));
        assertThat(slower.text()).isEqualTo("4.10× slower");
        assertThat(slower.cls()).isEqualTo("slower");
        DecisionTables.Ratio faster = DecisionTables.ratio(m(1, 0.01, "ns/op"), m(12.3, 0.1, "ns/op"));
        assertThat(faster.text()).isEqualTo("12.30× faster");
    }

    @Test
    void overlappingIntervalsSayWithinError() {
        DecisionTables.Ratio r = DecisionTables.ratio(m(10.3, 0.2, "ops/us"), m(10, 0.2, "ops/us"));
        assertThat(r.text()).isEqualTo("~ within error");
        assertThat(r.cls()).isEqualTo("same");
        DecisionTables.Ratio apart = DecisionTables.ratio(m(10.5, 0.2, "ops/us"), m(10, 0.2, "ops/us"));
        assertThat(apart.text()).isEqualTo("1.050× faster");
    }

    @Test
    void withoutAnErrorTheRatioIsShownButClaimsNoSignificance() {
        DecisionTables.Ratio r = DecisionTables.ratio(m(30, Double.NaN, "ops/us"), m(10, 0.2, "ops/us"));
        assertThat(r.text()).isEqualTo("3.000× faster");
        assertThat(r.error()).isEmpty();
        assertThat(r.cls()).isEqualTo("noerr");
        assertThat(r.title()).contains("no significance");
    }

    @Test
    void differentUnitsOrMissingScoresGiveNoRatio() {
        assertThat(DecisionTables.ratio(m(3, 0.1, "ops/ms"), m(10, 0.2, "ops/us")).text()).isEqualTo("—");
        assertThat(DecisionTables.ratio(m(Double.NaN, 0.1, "ops/us"), m(10, 0.2, "ops/us")).text()).isEqualTo("—");
    }
}
