package lab.core.claims;

import java.util.function.DoubleFunction;
import lab.core.compare.Comparer;

/**
 * The verdict rules, stated once. Every judge turns its measurement into an interval (a factor,
 * a value) and hands it here; the words of each rule are the ones the page and {@code ./lab
 * claims} print.
 *
 * <ul>
 * <li><b>Effect</b> (speed-ups, spreads, scaling): holds only when the test is significant
 * (p ≤ α) in the log's direction <i>and</i> the whole interval lies inside the log's band;
 * contradicted when the whole interval lies outside the band — "holds in direction, not in size"
 * when it is still significantly on the log's side of 1×, contradicted outright otherwise; an
 * interval that crosses a band edge, or lies inside without significance, is inconclusive, and so
 * is any interval from samples too few to reach α at all (it is not a 95% interval).</li>
 * <li><b>Value</b> (B/op, counts, converted figures): holds when the interval lies inside the
 * band, contradicted when it lies wholly outside (in direction only when it is still beyond the
 * claim's qualitative bound), inconclusive across an edge.</li>
 * <li><b>Zero</b>: a value claim whose band is [0, tolerance], the tolerance measured in the same
 * run ({@link ZeroTolerance}).</li>
 * <li><b>Equivalence</b> ("no change", "at most"): holds when the interval lies inside the band
 * stated in the claims data, contradicted when wholly outside, inconclusive across an edge.</li>
 * </ul>
 * Missing data (no samples, NaN, no agent) never reaches these rules: the judges return "not
 * testable here" with the reason.
 */
final class Rules {

    /** Default width of the "holds" band around the log's figure(s): a factor either way. */
    static final double TOLERANCE = 1.2;
    static final double ALPHA = Comparer.ALPHA;
    static final double LEVEL = Comparer.LEVEL;

    static final String RATIO_METHOD = "ratio from the comparison engine — paired by round when both stores' forks carry"
            + " their rounds (median of the per-round ratios, Walsh-average interval, Wilcoxon signed-rank), otherwise"
            + " the ratio of medians with Moses' interval and Mann-Whitney U.";
    static final String EFFECT_RULE = "Holds: significant (p ≤ 0.05) in the log's direction and the whole 95% interval"
            + " inside the band; holds in direction only: significant in the log's direction with the whole interval outside"
            + " the band; contradicted: the whole interval outside the band otherwise (or significant the other way);"
            + " an interval across a band edge, or inside it without significance, is inconclusive; so is every interval"
            + " from samples too few to reach p ≤ 0.05 at all.";
    static final String VALUE_RULE = "Holds: the whole interval inside the band; contradicted: the whole interval outside"
            + " it (in direction only when it still lies beyond the claim's bound); across an edge, or from samples too few"
            + " for a 95% interval (n ≤ 5), inconclusive.";
    static final String ZERO_RULE = "Holds: the whole interval inside [0, tolerance], the tolerance measured in the same run"
            + " (what a benchmark that does nothing shows) and never tighter than the log's own resolution (Go prints B/op as an"
            + " integer: 0 B/op is below 1 B/op); contradicted: the whole interval above it; otherwise inconclusive.";
    static final String EQUIVALENCE_RULE = "Equivalence: holds when the whole interval lies inside the band of the claims"
            + " data; contradicted when it lies wholly outside; across an edge: inconclusive.";

    record Decision(Verdict verdict, String why) {
    }

    private Rules() {
    }

    /**
     * A value verdict from an interval below the 95% level (n ≤ 5 samples: even the widest
     * interval, [min, max], covers less) cannot decide: inconclusive, saying what it would have
     * said. Two quiet quick runs split 3 of 4 such verdicts between them (the 3 iterations of one
     * profiled fork); a load run of 3 rounds is the same case.
     */
    static Decision atLevel(Decision d, double confidence, int n, String ours) {
        if (confidence >= LEVEL || d.verdict() == Verdict.INCONCLUSIVE) {
            return d;
        }
        return new Decision(Verdict.INCONCLUSIVE, String.format(java.util.Locale.ROOT, "%s — but with n = %d the widest"
                + " interval is a %.1f%% one, not 95%%: more samples are needed to decide (it would have said: %s)",
                ours, n, confidence * 100, d.verdict().label()));
    }

    static String band(double[] band, DoubleFunction<String> fmt) {
        return "[" + fmt.apply(band[0]) + ", " + fmt.apply(band[1]) + "]";
    }

    static String interval(double lo, double hi, DoubleFunction<String> fmt) {
        return "[" + fmt.apply(lo) + ", " + fmt.apply(hi) + "]";
    }

    /**
     * @param p        the test's two-sided p
     * @param minP     the smallest p the sample sizes allow
     * @param observedUp whether our factor is above 1 (the subject measured better)
     * @param claimUp  whether the log claims a factor above 1
     */
    static Decision effect(double p, double minP, boolean observedUp, double lo, double hi, double[] band, boolean claimUp,
                           DoubleFunction<String> fmt) {
        String bandText = band(band, fmt);
        String ours = interval(lo, hi, fmt);
        boolean sig = p <= ALPHA;
        boolean inside = lo >= band[0] && hi <= band[1];
        boolean disjoint = hi < band[0] || lo > band[1];
        boolean beyondOne = claimUp ? lo > 1 : hi < 1;
        boolean farSideOfOne = claimUp ? hi < 1 : lo > 1;
        String pText = "p = " + ClaimsText.p(p);
        if (sig && observedUp != claimUp && farSideOfOne) {
            return new Decision(Verdict.CONTRADICTED, "significant (" + pText + ") in the opposite direction to the log's:"
                    + " our interval " + ours + " lies wholly on the other side of 1×");
        }
        if (minP > ALPHA) {
            // Samples this few (e.g. 3 iterations of one profiled fork a side) cannot give a 95% interval: what
            // the engine returns is its widest order-statistic interval, at a lower level. Lying outside the band
            // at that level contradicted a claim in one quick run and not in the next.
            return new Decision(Verdict.INCONCLUSIVE, "our interval " + ours + " against the log's band " + bandText
                    + " is not a 95% interval: with these samples the smallest attainable p is " + ClaimsText.p(minP)
                    + " (" + pText + "); more forks are needed to decide");
        }
        if (inside) {
            if (sig && observedUp == claimUp) {
                return new Decision(Verdict.HOLDS, "significant (" + pText + ") and our interval " + ours
                        + " lies inside the log's band " + bandText);
            }
            return new Decision(Verdict.INCONCLUSIVE, "our interval " + ours + " lies inside the log's band " + bandText
                    + ", but the difference is not significant (" + pText + few(minP) + ")");
        }
        if (disjoint) {
            String side = hi < band[0] ? "below" : "above";
            if (sig && observedUp == claimUp && beyondOne) {
                return new Decision(Verdict.DIRECTION_ONLY, "significant (" + pText + ") in the log's direction, but our"
                        + " whole interval " + ours + " lies " + side + " the log's band " + bandText);
            }
            return new Decision(Verdict.CONTRADICTED, "our whole interval " + ours + " lies " + side + " the log's band "
                    + bandText + (sig ? "" : " (" + pText + few(minP) + ")"));
        }
        String edge = lo < band[0] ? "lower edge " + fmt.apply(band[0]) : "upper edge " + fmt.apply(band[1]);
        return new Decision(Verdict.INCONCLUSIVE, "our interval " + ours + " crosses the log's band's " + edge
                + " (" + pText + few(minP) + ")");
    }

    private static String few(double minP) {
        return minP > ALPHA ? "; with these samples the smallest attainable p is " + ClaimsText.p(minP) : "";
    }

    /** A value with its interval against a band; {@code direction} "above"/"below" {@code bound}, or null. */
    static Decision value(double lo, double hi, double[] band, String direction, Double bound, DoubleFunction<String> fmt) {
        String bandText = band(band, fmt);
        String ours = interval(lo, hi, fmt);
        if (lo >= band[0] && hi <= band[1]) {
            return new Decision(Verdict.HOLDS, "our interval " + ours + " lies inside the log's band " + bandText);
        }
        if (hi < band[0] || lo > band[1]) {
            String side = hi < band[0] ? "below" : "above";
            if (direction != null && bound != null && (direction.equals("above") ? lo > bound : hi < bound)) {
                return new Decision(Verdict.DIRECTION_ONLY, "our whole interval " + ours + " lies " + side + " the log's band "
                        + bandText + ", but " + direction + " " + fmt.apply(bound) + " as the claim's sense requires");
            }
            return new Decision(Verdict.CONTRADICTED, "our whole interval " + ours + " lies " + side + " the log's band " + bandText);
        }
        String edge = lo < band[0] ? "lower edge " + fmt.apply(band[0]) : "upper edge " + fmt.apply(band[1]);
        return new Decision(Verdict.INCONCLUSIVE, "our interval " + ours + " crosses the band's " + edge);
    }

    /** An equivalence ("no change", "at most") claim: the interval against the band of the claims data. */
    static Decision equivalence(double lo, double hi, double[] band, DoubleFunction<String> fmt) {
        String bandText = band(band, fmt);
        String ours = interval(lo, hi, fmt);
        if (lo >= band[0] && hi <= band[1]) {
            return new Decision(Verdict.HOLDS, "our interval " + ours + " lies inside the equivalence band " + bandText);
        }
        if (hi < band[0] || lo > band[1]) {
            return new Decision(Verdict.CONTRADICTED, "our whole interval " + ours + " lies " + (hi < band[0] ? "below" : "above")
                    + " the equivalence band " + bandText);
        }
        String edge = lo < band[0] ? "lower edge " + fmt.apply(band[0]) : "upper edge " + fmt.apply(band[1]);
        return new Decision(Verdict.INCONCLUSIVE, "our interval " + ours + " crosses the equivalence band's " + edge);
    }

    /** A zero claim: the value's interval against [0, tolerance]. */
    static Decision zero(double lo, double hi, double tolerance, DoubleFunction<String> fmt) {
        String ours = interval(lo, hi, fmt);
        if (hi <= tolerance && lo >= 0) {
            return new Decision(Verdict.HOLDS, "our interval " + ours + " lies within the zero tolerance " + fmt.apply(tolerance));
        }
        if (lo > tolerance) {
            return new Decision(Verdict.CONTRADICTED, "our whole interval " + ours + " lies above the zero tolerance "
                    + fmt.apply(tolerance) + ": it allocates (or counts) measurably");
        }
        return new Decision(Verdict.INCONCLUSIVE, "our interval " + ours + " crosses the zero tolerance " + fmt.apply(tolerance));
    }
}
