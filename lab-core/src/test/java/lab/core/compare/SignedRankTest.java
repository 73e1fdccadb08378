package lab.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

/** The paired test and its interval, against published values and an independent implementation. */
class SignedRankTest {

    // Hollander & Wolfe (1973), p. 29 — the paired example of R's ?wilcox.test (Hamilton depression
    // scale before and after): V = 40, one-sided p = 0.01953, so two-sided 0.0390625 (= 20/512).
    static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    @Test
    void matchesHollanderWolfe() {
        SignedRank.Result r = SignedRank.test(diff(X, Y));
        assertThat(r.exact()).isTrue();
        assertThat(r.wPlus()).isEqualTo(40.0);
        assertThat(r.p()).isCloseTo(20.0 / 512, within(1e-12));
    }

    @Test
    void withoutTiesItAgreesWithCommonsMathsExactTest() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 6 + trial % 8;
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextGaussian() + 0.5;
                b[i] = rnd.nextGaussian();
            }
            double ours = SignedRank.test(diff(a, b)).p();
            double theirs = Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, true));
            assertThat(ours).as("n=" + n).isCloseTo(theirs, within(1e-12));
        }
    }

    @Test
    void fiveRoundsCanNeverBeSignificantSixCan() {
        double[] allUp5 = {0.1, 0.2, 0.3, 0.4, 0.5};
        assertThat(SignedRank.test(allUp5).p()).isCloseTo(0.0625, within(1e-12));
        assertThat(SignedRank.minimumP(5)).isCloseTo(0.0625, within(1e-12));
        double[] allUp6 = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        assertThat(SignedRank.test(allUp6).p()).isCloseTo(0.03125, within(1e-12));
    }

    @Test
    void zerosAreDroppedAndTiesShareTheirRank() {
        // zeros leave n = 4; |d| = 1, 1, 2, 3 -> ranks 1.5, 1.5, 3, 4; W+ = 1.5 + 3 + 4 = 8.5.
        // Of the 16 sign patterns, P(W+ >= 8.5) counts sums 8.5, 8.5 (1.5+3+4 twice), 10 -> 3/16; p = 6/16
        SignedRank.Result r = SignedRank.test(new double[] {0, 1, -1, 2, 3, -0.0});
        assertThat(r.n()).isEqualTo(4);
        assertThat(r.zeros()).isEqualTo(2);
        assertThat(r.ties()).isTrue();
        assertThat(r.wPlus()).isEqualTo(8.5);
        assertThat(r.p()).isCloseTo(6.0 / 16, within(1e-12));
        assertThat(SignedRank.test(new double[] {0, 0}).p()).isEqualTo(1.0);
    }

    @Test
    void walshIntervalCutsAtTheExactQuantiles() {
        // n = 10: P(T <= 8) = 25/1024 <= 0.025 < P(T <= 9) = 33/1024, so [W(9), W(47)] of the 55
        // Walsh averages, coverage 1 - 50/1024. With d = 1..10 the Walsh averages are (i + j)/2.
        double[] d = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Stats.Interval i = SignedRank.walshInterval(d, 0.95);
        double[] w = new double[55];
        int k = 0;
        for (int a = 1; a <= 10; a++) {
            for (int b = a; b <= 10; b++) {
                w[k++] = (a + b) / 2.0;
            }
        }
        java.util.Arrays.sort(w);
        assertThat(i.lo()).isEqualTo(w[8]);
        assertThat(i.hi()).isEqualTo(w[46]);
        assertThat(i.centre()).isEqualTo(5.5);
        assertThat(i.confidence()).isCloseTo(1 - 50.0 / 1024, within(1e-12));
        // n = 5: no 95% interval exists; [min, max] covers 1 - 2/32
        Stats.Interval five = SignedRank.walshInterval(new double[] {3, 1, 2, 5, 4}, 0.95);
        assertThat(five.lo()).isEqualTo(1);
        assertThat(five.hi()).isEqualTo(5);
        assertThat(five.confidence()).isCloseTo(0.9375, within(1e-12));
        // one pair: no interval
        assertThat(SignedRank.walshInterval(new double[] {0.3}, 0.95).hi()).isInfinite();
    }
}
