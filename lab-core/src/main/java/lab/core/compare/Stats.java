package lab.core.compare;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The statistics of a comparison, distribution-free throughout: benchmark timings are skewed and
 * often bimodal (JIT, GC, OS noise), so nothing here assumes a normal distribution.
 *
 * <ul>
 * <li>The centre is the <b>median</b>; its interval is the <b>order-statistic interval</b>
 * [x<sub>(k)</sub>, x<sub>(n−k+1)</sub>], with k the largest index for which
 * 2·P(Binomial(n, ½) ≤ k−1) ≤ 1 − level. It holds for any continuous distribution and needs no
 * resampling, so the same samples always give the same interval (a bootstrap would not). Its true
 * coverage is discrete and is reported: 97.9% for n = 10 at a 95% request. Below n = 6 a 95%
 * interval does not exist; the widest one, [min, max], is returned with its real coverage
 * (93.8% for n = 5) — the caller shows it rather than pretending.</li>
 * <li>A <b>ratio</b> between two samples gets Moses' interval: the order statistics of all n₁n₂
 * pairwise ratios, cut where the exact distribution of U puts α/2 in each tail. It is the interval
 * that matches the Mann-Whitney test (it excludes 1 about when the test rejects).</li>
 * <li>The <b>geomean</b> of ratios summarises a table (benchstat's last row): ratios compose by
 * multiplication, so an arithmetic mean of them would be biased upward.</li>
 * </ul>
 */
public final class Stats {

    private Stats() {
    }

    /**
     * A centre with its interval.
     *
     * @param confidence the interval's actual coverage (discrete: at least the level asked for when
     *                   n allows, otherwise the best there is)
     */
    public record Interval(double centre, double lo, double hi, double confidence, int n) {

        /** Half the interval's width relative to the centre, as benchstat's "± x%" (the larger side). */
        public double relativeHalfWidth() {
            if (!(centre != 0) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                return Double.NaN;
            }
            return Math.max(centre - lo, hi - centre) / Math.abs(centre);
        }

        public boolean contains(double x) {
            return x >= lo && x <= hi;
        }

        /** Whether [lo, hi] and [a, b] share a point. */
        public boolean overlaps(double a, double b) {
            return lo <= b && a <= hi;
        }
    }

    public static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The median with its distribution-free order-statistic interval (see the class comment). */
    public static Interval medianInterval(double[] x, double level) {
        int n = x.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double m = median(s);
        if (n == 1) {
            return new Interval(m, s[0], s[0], 0, 1);
        }
        BinomialDistribution b = new BinomialDistribution(null, n, 0.5);
        int k = 1;
        while (k + 1 <= n / 2 && 2 * b.cumulativeProbability(k) <= 1 - level) {
            k++;
        }
        double coverage = 1 - 2 * b.cumulativeProbability(k - 1);
        return new Interval(m, s[k - 1], s[n - k], coverage, n);
    }

    /**
     * The ratio head/base of medians, with Moses' interval from the pairwise ratios head_j/base_i.
     * Zeros are allowed (B/op, contended/op): x/0 is +∞, 0/x is 0 and 0/0 counts as 1 (no
     * difference), so an interval can be open-ended.
     */
    public static Interval ratioInterval(double[] base, double[] head, double level) {
        int n1 = base.length;
        int n2 = head.length;
        double centre = ratio(median(head), median(base));
        if (n1 == 0 || n2 == 0) {
            return new Interval(centre, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] d = new double[n1 * n2];
        int i = 0;
        for (double h : head) {
            for (double bb : base) {
                d[i++] = ratio(h, bb);
            }
        }
        Arrays.sort(d);
        int mn = n1 * n2;
        // Moses: [D(k), D(mn+1-k)] covers with probability 1 - 2 P(U <= k-1); k is the largest
        // such that this is at least the level, and at least 1 (then the interval is [min, max]).
        double alphaHalf = (1 - level) / 2;
        boolean exact = n1 <= MannWhitney.EXACT_MAX_PER_SIDE && n2 <= MannWhitney.EXACT_MAX_PER_SIDE;
        int k = 1;
        double coverage;
        if (exact) {
            while (k + 1 <= (mn + 1) / 2 && MannWhitney.lowerTail(n1, n2, k) <= alphaHalf) {
                k++;
            }
            coverage = 1 - 2 * MannWhitney.lowerTail(n1, n2, k - 1);
        } else {
            double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability(1 - alphaHalf);
            k = (int) Math.floor(mn / 2.0 - z * Math.sqrt(n1 * (double) n2 * (n1 + n2 + 1) / 12.0));
            k = Math.max(1, Math.min(k, (mn + 1) / 2));
            coverage = level;
        }
        return new Interval(centre, d[k - 1], d[mn - k], coverage, Math.min(n1, n2));
    }

    /** a / b with the zero conventions of {@link #ratioInterval}. */
    public static double ratio(double a, double b) {
        if (b == 0) {
            return a == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return a / b;
    }

    /** The geometric mean of the positive finite values; NaN when there are none. */
    public static double geomean(double[] x) {
        double logSum = 0;
        int n = 0;
        for (double v : x) {
            if (v > 0 && Double.isFinite(v)) {
                logSum += Math.log(v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }
}
