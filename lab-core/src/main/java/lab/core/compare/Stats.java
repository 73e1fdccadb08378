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
 * (93.8% for n = 5) — the caller shows it rather than pretending. One sample has no interval at
 * all: (−∞, +∞) with coverage 0, shown as "± ∞", never "± 0%".</li>
 * <li>A <b>ratio</b> between two samples gets Moses' interval: the order statistics of all n₁n₂
 * pairwise ratios, cut where the exact distribution of U puts α/2 in each tail. It is the interval
 * that matches the Mann-Whitney test (it excludes 1 about when the test rejects).</li>
 * <li>The <b>geomean</b> of ratios summarises a table (benchstat's last row): ratios compose by
 * multiplication, so an arithmetic mean of them would be biased upward. A ratio that is missing,
 * zero, negative or infinite has no logarithm: the geomean is then "?" with that reason
 * ({@link #geomeanProblem}), never the mean of the rows that happen to be left.</li>
 * </ul>
 *
 * <p>-0.0 counts as 0.0 everywhere; NaN is refused (IllegalArgumentException): the caller says
 * which sample was not a number.
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
        requireNumbers(x);
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) + 0.0;
    }

    /** Refuses NaN: a sample that is not a number has no place in an order statistic. */
    static void requireNumbers(double[] x) {
        for (double v : x) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("a sample is NaN");
            }
        }
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
            return new Interval(m, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 1);
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
        requireNumbers(base);
        requireNumbers(head);
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
        boolean exact = MannWhitney.exactIsCheap(n1, n2);
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
        if (!(coverage > 0)) {
            // one sample a side: a single ratio, no interval
            return new Interval(centre, 0, Double.POSITIVE_INFINITY, 0, 1);
        }
        return new Interval(centre, d[k - 1], d[mn - k], coverage, Math.min(n1, n2));
    }

    /** a / b with the zero conventions of {@link #ratioInterval}. */
    public static double ratio(double a, double b) {
        if (b == 0) {
            return a == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return a / b + 0.0;
    }

    /** The geometric mean; NaN when {@link #geomeanProblem} has a reason. */
    public static double geomean(double[] x) {
        if (geomeanProblem(x) != null) {
            return Double.NaN;
        }
        double logSum = 0;
        for (double v : x) {
            logSum += Math.log(v);
        }
        return Math.exp(logSum / x.length);
    }

    /** Why these values have no geometric mean (none, missing, ≤ 0, infinite), or null. */
    public static String geomeanProblem(double[] x) {
        if (x.length == 0) {
            return "no values";
        }
        int missing = 0;
        int notPositive = 0;
        int infinite = 0;
        for (double v : x) {
            if (Double.isNaN(v)) {
                missing++;
            } else if (v <= 0) {
                notPositive++;
            } else if (Double.isInfinite(v)) {
                infinite++;
            }
        }
        java.util.List<String> why = new java.util.ArrayList<>();
        if (missing > 0) {
            why.add(missing + " missing");
        }
        if (notPositive > 0) {
            why.add(notPositive + " zero or negative");
        }
        if (infinite > 0) {
            why.add(infinite + " infinite (a zero on the base side)");
        }
        return why.isEmpty() ? null : String.join(", ", why) + " of " + x.length + " — a geometric mean needs every value positive and finite";
    }
}
