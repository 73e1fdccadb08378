package lab.core.compare;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The two-sided Mann-Whitney U test (Wilcoxon rank-sum), benchstat's test: does one sample tend
 * to be larger than the other, with no assumption on the shape of the distributions.
 *
 * <p>Two ways to the p-value, and why both:
 * <ul>
 * <li><b>Exact</b> whenever counting is cheap ({@link #exactIsCheap}: about 50 million steps, so
 * 5 forks × 5 iterations a side is exact, and so is anything up to about 45 samples a side). The
 * permutation distribution of the rank sum is counted by dynamic programming over the pooled
 * mid-ranks (kept as doubled integers), so ties are handled exactly too: this is the conditional
 * exact test given the tie pattern. p = 2·min(P(W ≤ w), P(W ≥ w)), capped at 1 (R's
 * {@code wilcox.test} convention). Ties matter: B/op samples are often equal (25 iterations at
 * 0 B/op against 20 at 0 and 5 at 16) and the plain normal approximation commons-math3's
 * {@code MannWhitneyUTest} uses gives p = 0.225 there, where the exact p is 0.050.</li>
 * <li><b>Normal approximation</b> above that, with the tie correction of the variance and the
 * continuity correction, as benchstat ({@code golang.org/x/perf}) does:
 * σ² = n₁n₂/12 · ((N+1) − Σ(t³−t)/(N(N−1))), z = (U − n₁n₂/2 ∓ ½)/σ. commons-math3's test has
 * neither correction, which is why it is not used; its normal distribution is.</li>
 * </ul>
 *
 * <p>-0.0 and 0.0 are the same value (a tie); NaN is refused: a sample that is not a number has
 * no rank, and dropping it silently would test other data than the run measured.
 *
 * <p>A consequence worth printing next to every table: with few samples no difference can be
 * significant. With 3 against 3 the smallest attainable two-sided p is 2/C(6,3) = 0.10 &gt; 0.05
 * ({@link #minimumP}), so 3 forks a side can never show a significant change.
 */
public final class MannWhitney {

    /** Steps of the exact count (pooled size × smaller side × largest doubled rank sum) that stay cheap. */
    static final double EXACT_BUDGET = 5e7;

    /**
     * @param u     U of the first sample: pairs (a, b) with a &gt; b, ties counting one half
     * @param p     two-sided p-value
     * @param exact whether p is the exact permutation p-value or the normal approximation
     * @param ties  whether the pooled sample had ties
     */
    public record Result(double u, double p, boolean exact, int n1, int n2, boolean ties) {
    }

    private MannWhitney() {
    }

    /** Whether the exact distribution of samples of these sizes is cheap to count. */
    public static boolean exactIsCheap(int n1, int n2) {
        double n = n1 + n2;
        return n * Math.min(n1, n2) * n * (n + 1) <= EXACT_BUDGET;
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
        if (exactIsCheap(n1, n2)) {
            return new Result(u1, exactP(a, b), true, n1, n2, r.ties);
        }
        return new Result(u1, normalP(a, b), false, n1, n2, r.ties);
    }

    /**
     * The normal approximation with tie and continuity correction (benchstat's; see the class
     * comment). 1 when every value is the same (no variance: nothing to test).
     */
    public static double normalP(double[] a, double[] b) {
        Ranks r = ranks(a, b);
        int n1 = a.length;
        int n2 = b.length;
        double n = n1 + n2;
        double u1 = r.doubledSumA / 2.0 - n1 * (n1 + 1) / 2.0;
        double sigma = Math.sqrt(n1 * (double) n2 * ((n + 1) - r.tieSum / (n * (n - 1))) / 12);
        if (!(sigma > 0)) {
            return 1;
        }
        double numer = u1 - n1 * (double) n2 / 2;
        numer -= Math.signum(numer) * 0.5;
        double z = numer / sigma;
        NormalDistribution phi = new NormalDistribution(null, 0, 1);
        return Math.min(1, 2 * Math.min(phi.cumulativeProbability(z), 1 - phi.cumulativeProbability(z)));
    }

    /** The exact two-sided p-value over the permutation distribution of the rank sum of a. */
    public static double exactP(double[] a, double[] b) {
        if (a.length > b.length) {
            // count subsets of the smaller side: the two-sided p is the same, the count cheaper
            return exactP(b, a);
        }
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
        // ways[k][s]: subsets of k pooled items whose doubled ranks sum to s. Counts stay exact in
        // doubles up to C(40, 20) < 2^53; beyond, they carry 16 significant digits, plenty for a p.
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

    /** @param tieSum Σ(t³ − t) over groups of t tied values, for the normal approximation's variance */
    private record Ranks(int[] doubled, int doubledSumA, boolean ties, double tieSum) {
    }

    /** Pooled mid-ranks, doubled so that they are integers; the first a.length belong to a. */
    private static Ranks ranks(double[] a, double[] b) {
        int n = a.length + b.length;
        double[] v = new double[n];
        System.arraycopy(a, 0, v, 0, a.length);
        System.arraycopy(b, 0, v, a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                throw new IllegalArgumentException("a sample is NaN: it has no rank");
            }
            v[i] += 0.0; // -0.0 becomes 0.0: the same value, so a tie
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        int[] doubled = new int[n];
        boolean ties = false;
        double tieSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(v[order[j + 1]], v[order[i]]) == 0) {
                j++;
            }
            ties |= j > i;
            double t = j - i + 1;
            tieSum += t * t * t - t;
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
        return new Ranks(doubled, sumA, ties, tieSum);
    }
}
