package lab.core.compare;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The two-sided Wilcoxon signed-rank test and its matching interval (Tukey's Walsh averages),
 * for paired samples: here the per-round log ratios of two benchmarks of one run.
 *
 * <p>Why this test. Forks of two benchmarks that ran in the same round shared the machine's
 * state of that round, so the per-round ratio cancels the drift between rounds (a blocked
 * design). Of the two distribution-free tests of paired data, the sign test uses only the sign of
 * each log ratio; the signed-rank test also uses their sizes, which gives it more power with 6 to
 * 20 rounds (asymptotic efficiency 1.5 against the sign test for normal data), at the price of
 * assuming the log ratios are symmetric around their centre — a log ratio of two timings that
 * share their round's drift is close to that. Both have the same floor: with n pairs the smallest
 * two-sided p is 2/2ⁿ, so <b>5 rounds can never give p &lt; 0.05</b> (0.0625); 6 give 0.031.
 *
 * <p>Why not commons-math3's {@code WilcoxonSignedRankTest}: its exact p ranks zero differences
 * and ignores ties (ranks 1..n), is limited to 30 pairs, and its normal approximation has no tie
 * or continuity correction. Here: zero differences are dropped (Wilcoxon's own rule, R's
 * {@code wilcox.test}); ties get mid-ranks and the exact distribution is counted over them (doubled
 * ranks, dynamic programming), as {@link MannWhitney} does for two samples; large n uses the normal
 * approximation with tie and continuity correction.
 *
 * <p>The interval: the centre of the differences (Hodges–Lehmann) lies in
 * [W<sub>(k)</sub>, W<sub>(M+1−k)</sub>] of the M = n(n+1)/2 sorted Walsh averages (dᵢ + dⱼ)/2,
 * i ≤ j, with k cut where the exact null distribution of the statistic puts α/2 in each tail: the
 * interval that excludes 0 about when the test rejects. Its coverage is discrete and reported; for
 * n = 5 no 95% interval exists and [min, max] covers 93.8%.
 */
public final class SignedRank {

    /** Steps of the exact count (pairs × largest doubled rank sum) that stay cheap. */
    static final double EXACT_BUDGET = 5e7;

    /**
     * @param wPlus the sum of the ranks of the positive differences
     * @param p     two-sided p-value; 1 when every difference is zero
     * @param n     pairs with a non-zero difference (the test's n)
     * @param zeros pairs dropped because their difference is zero
     */
    public record Result(double wPlus, double p, boolean exact, int n, int zeros, boolean ties) {
    }

    private SignedRank() {
    }

    /** The smallest two-sided p an exact test of n non-zero pairs can reach: 2/2ⁿ. */
    public static double minimumP(int n) {
        return n <= 0 ? 1 : Math.min(1, 2 / Math.pow(2, n));
    }

    /** The test of whether the differences d are centred on 0. */
    public static Result test(double[] d) {
        double[] nz = Arrays.stream(d).map(SignedRank::checked).filter(v -> v != 0).toArray();
        int zeros = d.length - nz.length;
        int n = nz.length;
        if (n == 0) {
            return new Result(0, d.length == 0 ? Double.NaN : 1, true, 0, zeros, false);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(Math.abs(nz[x]), Math.abs(nz[y])));
        int[] doubled = new int[n];
        boolean ties = false;
        double tieSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Math.abs(nz[order[j + 1]]) == Math.abs(nz[order[i]])) {
                j++;
            }
            ties |= j > i;
            double t = j - i + 1;
            tieSum += t * t * t - t;
            for (int k = i; k <= j; k++) {
                doubled[order[k]] = i + j + 2;
            }
            i = j + 1;
        }
        int plus = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += doubled[i];
            if (nz[i] > 0) {
                plus += doubled[i];
            }
        }
        double wPlus = plus / 2.0;
        if (n * (double) total <= EXACT_BUDGET) {
            // ways[s]: sign assignments whose positive items' doubled ranks sum to s (2^n in all)
            double[] ways = new double[total + 1];
            ways[0] = 1;
            for (int r : doubled) {
                for (int s = total; s >= r; s--) {
                    ways[s] += ways[s - r];
                }
            }
            double all = 0;
            double le = 0;
            double ge = 0;
            for (int s = 0; s <= total; s++) {
                all += ways[s];
                if (s <= plus) {
                    le += ways[s];
                }
                if (s >= plus) {
                    ge += ways[s];
                }
            }
            return new Result(wPlus, Math.min(1, 2 * Math.min(le, ge) / all), true, n, zeros, ties);
        }
        double mean = n * (n + 1) / 4.0;
        double sigma = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - tieSum / 48);
        double numer = wPlus - mean;
        numer -= Math.signum(numer) * 0.5;
        double z = numer / sigma;
        NormalDistribution phi = new NormalDistribution(null, 0, 1);
        double p = 2 * Math.min(phi.cumulativeProbability(z), 1 - phi.cumulativeProbability(z));
        return new Result(wPlus, Math.min(1, p), false, n, zeros, ties);
    }

    /**
     * The Hodges–Lehmann centre of d with its Walsh-average interval (see the class comment). With
     * one value there is no interval: (−∞, +∞), coverage 0.
     */
    public static Stats.Interval walshInterval(double[] d, double level) {
        int n = d.length;
        for (double v : d) {
            checked(v);
        }
        if (n == 0) {
            return new Stats.Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int m = n * (n + 1) / 2;
        double[] w = new double[m];
        int i = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                w[i++] = (d[a] + d[b]) / 2;
            }
        }
        Arrays.sort(w);
        double centre = Stats.median(w);
        double[] cdf = nullCdf(n);
        double alphaHalf = (1 - level) / 2;
        int k = 1;
        while (k + 1 <= (m + 1) / 2 && cdf[k] <= alphaHalf) {
            k++;
        }
        double coverage = 1 - 2 * (k - 1 < cdf.length ? cdf[k - 1] : 0);
        if (!(coverage > 0)) {
            return new Stats.Interval(centre, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, n);
        }
        return new Stats.Interval(centre, w[k - 1], w[m - k], coverage, n);
    }

    /** cdf[t] = P(T⁺ ≤ t) for n untied pairs under the null hypothesis. */
    private static double[] nullCdf(int n) {
        int max = n * (n + 1) / 2;
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int s = max; s >= r; s--) {
                ways[s] += ways[s - r];
            }
        }
        double all = Math.pow(2, n);
        double[] cdf = new double[max + 1];
        double acc = 0;
        for (int s = 0; s <= max; s++) {
            acc += ways[s];
            cdf[s] = acc / all;
        }
        return cdf;
    }

    private static double checked(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("a paired difference is NaN");
        }
        return v + 0.0;
    }
}
