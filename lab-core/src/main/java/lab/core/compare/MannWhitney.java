package lab.core.compare;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The two-sided Mann-Whitney U test (Wilcoxon rank-sum), benchstat's test: does one sample tend
 * to be larger than the other, with no assumption on the shape of the distributions.
 *
 * <p>Two ways to the p-value, and why both:
 * <ul>
 * <li><b>Exact</b>, when each side has at most {@value #EXACT_MAX_PER_SIDE} samples — always the
 * case for per-fork means and for the quick profile's iterations. The permutation distribution of
 * the rank sum is counted by dynamic programming over the pooled mid-ranks (kept as doubled
 * integers), so ties are handled exactly too: this is the conditional exact test given the tie
 * pattern. p = 2·min(P(W ≤ w), P(W ≥ w)), capped at 1 (R's {@code wilcox.test} convention).</li>
 * <li><b>Asymptotic</b>, above that: commons-math3's {@link MannWhitneyUTest}. Its p-value is the
 * plain normal approximation z = (U<sub>min</sub> − n₁n₂/2)/√(n₁n₂(n₁+n₂+1)/12): no continuity
 * correction and no tie correction of the variance. With 20+ samples a side and continuous
 * timings both omissions are small; for small samples it is badly off (n = 5 + 5, complete
 * separation: 0.0090 against the exact 0.0079), which is why small samples never go through it.</li>
 * </ul>
 *
 * <p>A consequence worth printing next to every table: with few samples no difference can be
 * significant. With 3 against 3 the smallest attainable two-sided p is 2/C(6,3) = 0.10 &gt; 0.05
 * ({@link #minimumP}), so 3 forks a side can never show a significant change.
 */
public final class MannWhitney {

    /** Largest sample per side for which the exact permutation distribution is used. */
    public static final int EXACT_MAX_PER_SIDE = 20;

    /**
     * @param u     U of the first sample: pairs (a, b) with a &gt; b, ties counting one half
     * @param p     two-sided p-value
     * @param exact whether p is the exact permutation p-value or commons-math3's normal approximation
     * @param ties  whether the pooled sample had ties
     */
    public record Result(double u, double p, boolean exact, int n1, int n2, boolean ties) {
    }

    private MannWhitney() {
    }

    /** The two-sided test of a against b; NaN p when either side is empty. */
    public static Result test(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        if (n1 == 0 || n2 == 0) {
            return new Result(Double.NaN, Double.NaN, false, n1, n2, false);
        }
        Ranks r = ranks(a, b);
        double u1 = r.doubledSumA / 2.0 - n1 * (n1 + 1) / 2.0;
        if (n1 <= EXACT_MAX_PER_SIDE && n2 <= EXACT_MAX_PER_SIDE) {
            return new Result(u1, exactP(r.doubled, n1, r.doubledSumA), true, n1, n2, r.ties);
        }
        return new Result(u1, asymptoticP(a, b), false, n1, n2, r.ties);
    }

    /** commons-math3's normal approximation (see the class comment for what it leaves out). */
    public static double asymptoticP(double[] a, double[] b) {
        return new MannWhitneyUTest().mannWhitneyUTest(a, b);
    }

    /** The exact two-sided p-value over the permutation distribution of the rank sum of a. */
    public static double exactP(double[] a, double[] b) {
        Ranks r = ranks(a, b);
        return exactP(r.doubled, a.length, r.doubledSumA);
    }

    /**
     * The smallest two-sided p-value an exact test can reach with these sample sizes (no ties):
     * 2 / C(n1+n2, n1). When it exceeds α, no difference can be called significant.
     */
    public static double minimumP(int n1, int n2) {
        if (n1 == 0 || n2 == 0) {
            return 1;
        }
        return Math.min(1, 2 / binomial(n1 + n2, n1));
    }

    /**
     * P(U ≤ u) under the null hypothesis without ties: the exact lower tail of U for sizes n1, n2.
     * Used for the confidence interval of a ratio (Moses' interval).
     */
    public static double lowerTail(int n1, int n2, int u) {
        double[] counts = uCounts(n1, n2);
        double total = binomial(n1 + n2, n1);
        double s = 0;
        for (int i = 0; i <= Math.min(u, counts.length - 1); i++) {
            s += counts[i];
        }
        return s / total;
    }

    static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return Math.rint(c);
    }

    /** counts[u] = number of arrangements with U = u (no ties), by the recurrence over the largest element. */
    private static double[] uCounts(int n1, int n2) {
        // f(m, n, u) = f(m-1, n, u-n) + f(m, n-1, u): the largest pooled value comes from a or from b.
        double[][] prev = new double[n2 + 1][];
        for (int n = 0; n <= n2; n++) {
            prev[n] = new double[] {1};
        }
        for (int m = 1; m <= n1; m++) {
            double[][] cur = new double[n2 + 1][];
            cur[0] = new double[] {1};
            for (int n = 1; n <= n2; n++) {
                double[] fromA = prev[n];
                double[] fromB = cur[n - 1];
                double[] f = new double[m * n + 1];
                for (int u = 0; u < fromA.length; u++) {
                    f[u + n] += fromA[u];
                }
                for (int u = 0; u < fromB.length; u++) {
                    f[u] += fromB[u];
                }
                cur[n] = f;
            }
            prev = cur;
        }
        return prev[n2];
    }

    private static double exactP(int[] doubledRanks, int n1, int doubledSumA) {
        int maxSum = Arrays.stream(doubledRanks).sum();
        // ways[k][s]: subsets of k pooled items whose doubled ranks sum to s. Counts stay below
        // C(40, 20) < 2^53, so doubles hold them exactly.
        double[][] ways = new double[n1 + 1][maxSum + 1];
        ways[0][0] = 1;
        for (int r : doubledRanks) {
            for (int k = n1; k >= 1; k--) {
                double[] to = ways[k];
                double[] from = ways[k - 1];
                for (int s = maxSum; s >= r; s--) {
                    if (from[s - r] != 0) {
                        to[s] += from[s - r];
                    }
                }
            }
        }
        double total = 0;
        double le = 0;
        double ge = 0;
        for (int s = 0; s <= maxSum; s++) {
            double w = ways[n1][s];
            total += w;
            if (s <= doubledSumA) {
                le += w;
            }
            if (s >= doubledSumA) {
                ge += w;
            }
        }
        return Math.min(1, 2 * Math.min(le, ge) / total);
    }

    private record Ranks(int[] doubled, int doubledSumA, boolean ties) {
    }

    /** Pooled mid-ranks, doubled so that they are integers; the first a.length belong to a. */
    private static Ranks ranks(double[] a, double[] b) {
        int n = a.length + b.length;
        double[] v = new double[n];
        System.arraycopy(a, 0, v, 0, a.length);
        System.arraycopy(b, 0, v, a.length, b.length);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        int[] doubled = new int[n];
        boolean ties = false;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(v[order[j + 1]], v[order[i]]) == 0) {
                j++;
            }
            ties |= j > i;
            // ranks i+1 .. j+1 share their mean (i+1 + j+1)/2; doubled: i + j + 2
            for (int k = i; k <= j; k++) {
                doubled[order[k]] = i + j + 2;
            }
            i = j + 1;
        }
        int sumA = 0;
        for (int k = 0; k < a.length; k++) {
            sumA += doubled[k];
        }
        return new Ranks(doubled, sumA, ties);
    }
}
