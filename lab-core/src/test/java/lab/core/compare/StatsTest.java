package lab.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The statistics against values published or computable by hand, so that a wrong rank, tail or
 * index shows up as a wrong number rather than a plausible one.
 */
class StatsTest {

    // Hollander & Wolfe (1973), p. 69 — the example of R's ?wilcox.test: permeability constants
    // of the human chorioamnion. Published: W = 35, one-sided p = 0.1272, so two-sided 0.2544.
    static final double[] HW_X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    static final double[] HW_Y = {1.15, 0.88, 0.90, 0.74, 1.21};

    @Test
    void exactMannWhitneyMatchesHollanderWolfe() {
        MannWhitney.Result r = MannWhitney.test(HW_X, HW_Y);
        assertThat(r.exact()).isTrue();
        assertThat(r.u()).isEqualTo(35.0);
        assertThat(r.p()).isCloseTo(0.2544, within(5e-5));
    }

    @Test
    void normalApproximationHasTheContinuityCorrection() {
        // z = (35 - 25 - 0.5) / sqrt(50 * 16 / 12) = 1.1635; 2 * (1 - Phi(z)) = 0.2446 (R: exact = FALSE, correct = TRUE);
        // without the correction it would be 0.2207
        assertThat(MannWhitney.normalP(HW_X, HW_Y)).isCloseTo(0.24462, within(5e-5));
    }

    /** B/op: 5 forks x 5 iterations at 0 B/op against 20 at 0 and 5 at 16 B/op. */
    static double[] bytes(int sixteens) {
        double[] v = new double[25];
        for (int i = 0; i < sixteens; i++) {
            v[i] = 16;
        }
        return v;
    }

    @Test
    void tiedBytesPerOpAreCountedExactly() {
        // commons-math3's plain normal approximation (no tie correction) says 0.225 here
        assertThat(new org.apache.commons.math3.stat.inference.MannWhitneyUTest().mannWhitneyUTest(bytes(0), bytes(5)))
                .isCloseTo(0.2253, within(5e-4));
        MannWhitney.Result r = MannWhitney.test(bytes(0), bytes(5));
        assertThat(r.exact()).isTrue();
        assertThat(r.ties()).isTrue();
        // exact: C(45,20) of C(50,25) arrangements put all five 16s on one side... p = 0.0502
        assertThat(r.p()).isCloseTo(0.05015, within(5e-5));
    }

    @Test
    void aboveTheExactBudgetTheNormalApproximationCorrectsForTies() {
        // 60 + 60 (too many to count): ranks 55.5 (110 zeros) and 115.5 (10 ones); U = 1500,
        // sigma^2 = 3600/12 * (121 - (110^3 - 110 + 10^3 - 10) / (120 * 119)) -> p = 0.00102
        double[] a = new double[60];
        double[] b = new double[60];
        for (int i = 0; i < 10; i++) {
            b[i] = 1;
        }
        MannWhitney.Result r = MannWhitney.test(a, b);
        assertThat(r.exact()).isFalse();
        assertThat(r.p()).isCloseTo(0.0010248, within(1e-6));
    }

    @Test
    void minusZeroTiesWithZeroAndNaNIsRefused() {
        assertThat(MannWhitney.test(new double[] {-0.0, -0.0, -0.0}, new double[] {0.0, 0.0, 0.0}).p()).isEqualTo(1.0);
        assertThat(Double.compare(Stats.median(new double[] {-0.0}), 0.0)).isZero();
        assertThat(Stats.ratio(-0.0, 5)).isEqualTo(0.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MannWhitney.test(new double[] {1, Double.NaN}, new double[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Stats.medianInterval(new double[] {1, Double.NaN}, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSampleHasNoIntervalNotAZeroWideOne() {
        Stats.Interval i = Stats.medianInterval(new double[] {7}, 0.95);
        assertThat(i.lo()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(i.hi()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ComparisonText.pm(i)).isEqualTo("± ∞");
        Stats.Interval r = Stats.ratioInterval(new double[] {2}, new double[] {4}, 0.95);
        assertThat(r.centre()).isEqualTo(2.0);
        assertThat(r.lo()).isZero();
        assertThat(r.hi()).isInfinite();
    }

    @Test
    void exactTailsMatchTheMannWhitneyTable() {
        // n1 = n2 = 5: P(U <= 0) = 1/252, P(U <= 2) = 4/252 (the table's critical value at 0.05 two-sided)
        double[] low = {1, 2, 3, 4, 5};
        assertThat(MannWhitney.test(low, new double[] {6, 7, 8, 9, 10}).p()).isCloseTo(2.0 / 252, within(1e-12));
        assertThat(MannWhitney.test(new double[] {1, 2, 3, 4, 7}, new double[] {5, 6, 8, 9, 10}).p())
                .isCloseTo(8.0 / 252, within(1e-12));
        // the normal approximation is visibly off at this size: why small samples are counted exactly
        assertThat(MannWhitney.normalP(low, new double[] {6, 7, 8, 9, 10})).isCloseTo(0.012186, within(1e-5));
    }

    @Test
    void exactTestCountsTiesOverMidRanks() {
        // pooled 1,2,2,3 -> ranks 1, 2.5, 2.5, 4; W(a) = 3.5. Of the 6 equally likely subsets two
        // have W <= 3.5 and all six W >= 3.5: p = 2 * 2/6.
        MannWhitney.Result r = MannWhitney.test(new double[] {1, 2}, new double[] {2, 3});
        assertThat(r.ties()).isTrue();
        assertThat(r.u()).isEqualTo(0.5);
        assertThat(r.p()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void twentyFiveASideIsStillExact() {
        double[] a = new double[25];
        double[] b = new double[25];
        for (int i = 0; i < 25; i++) {
            a[i] = i + 1;
            b[i] = i + 26;
        }
        MannWhitney.Result r = MannWhitney.test(a, b);
        assertThat(r.exact()).isTrue();
        // complete separation: 2 / C(50, 25)
        assertThat(r.p()).isCloseTo(2 / 1.2641060643775e14, within(1e-20));
    }

    @Test
    void identicalSamplesAreNotSignificant() {
        double[] a = {3, 3, 3};
        assertThat(MannWhitney.test(a, a.clone()).p()).isEqualTo(1.0);
    }

    @Test
    void threeAgainstThreeCanNeverBeSignificant() {
        assertThat(MannWhitney.minimumP(3, 3)).isCloseTo(0.1, within(1e-12));
        assertThat(MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6}).p()).isCloseTo(0.1, within(1e-12));
        assertThat(MannWhitney.minimumP(4, 4)).isCloseTo(2.0 / 70, within(1e-12));
    }

    @Test
    void medianIntervalUsesBinomialOrderStatistics() {
        double[] ten = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        Stats.Interval i = Stats.medianInterval(ten, 0.95);
        assertThat(i.centre()).isEqualTo(5.5);
        // n = 10: [x(2), x(9)], coverage 1 - 2 * 11/1024
        assertThat(i.lo()).isEqualTo(2);
        assertThat(i.hi()).isEqualTo(9);
        assertThat(i.confidence()).isCloseTo(1 - 22.0 / 1024, within(1e-12));

        double[] twenty = new double[20];
        for (int k = 0; k < 20; k++) {
            twenty[k] = 20 - k;
        }
        Stats.Interval t = Stats.medianInterval(twenty, 0.95);
        // n = 20: [x(6), x(15)], coverage 0.9586
        assertThat(t.lo()).isEqualTo(6);
        assertThat(t.hi()).isEqualTo(15);
        assertThat(t.confidence()).isCloseTo(0.9586, within(1e-4));
    }

    @Test
    void tooFewSamplesGiveTheWidestIntervalWithItsRealCoverage() {
        Stats.Interval i = Stats.medianInterval(new double[] {4, 1, 3, 2, 5}, 0.95);
        assertThat(i.lo()).isEqualTo(1);
        assertThat(i.hi()).isEqualTo(5);
        assertThat(i.confidence()).isCloseTo(1 - 2.0 / 32, within(1e-12));
    }

    @Test
    void ratioIntervalCutsPairwiseRatiosAtTheExactUQuantiles() {
        // 5 + 5: [D(3), D(23)] of the 25 sorted ratios, coverage 1 - 2 * 4/252
        Stats.Interval r = Stats.ratioInterval(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 10}, 0.95);
        assertThat(r.centre()).isEqualTo(2.0);
        assertThat(r.lo()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.hi()).isCloseTo(6.0, within(1e-12));
        assertThat(r.confidence()).isCloseTo(1 - 8.0 / 252, within(1e-12));
    }

    @Test
    void ratiosOfZeroAreOpenEnded() {
        Stats.Interval r = Stats.ratioInterval(new double[] {0, 0, 0}, new double[] {5, 6, 7}, 0.95);
        assertThat(r.centre()).isInfinite();
        assertThat(Stats.ratio(0, 0)).isEqualTo(1.0);
        assertThat(Stats.ratio(0, 4)).isEqualTo(0.0);
    }

    @Test
    void geomeanOfRatios() {
        assertThat(Stats.geomean(new double[] {1, 2, 4})).isCloseTo(2.0, within(1e-12));
        assertThat(Stats.geomean(new double[] {0.5, 2})).isCloseTo(1.0, within(1e-12));
        assertThat(Stats.geomeanProblem(new double[] {1, 2, 4})).isNull();
    }

    @Test
    void geomeanIsUnknownWithTheReasonRatherThanDroppingRows() {
        double[] bad = {2, 8, 0, Double.POSITIVE_INFINITY, Double.NaN};
        assertThat(Stats.geomean(bad)).isNaN();
        assertThat(Stats.geomeanProblem(bad)).contains("1 missing").contains("1 zero or negative").contains("1 infinite")
                .contains("of 5");
        assertThat(Stats.geomean(new double[] {})).isNaN();
    }
}
