package lab.core.claims;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One quantitative claim of the decision log, as data (see {@code claims.json} beside this
 * class's resources): the log's words, its figure, and the measurement that tests it.
 *
 * @param quote     the log's words, verbatim
 * @param logFigure the log's figure as a reader would say it
 * @param kind      how the measurement is turned into a verdict
 * @param threads   a thread count, or "max" (the run's highest for the workload)
 * @param requiresCores the claim only makes sense with this many cores (else: not testable here)
 * @param metric    "primary" (default) or a secondary metric name
 * @param subject   the store the claim is about; more than one = alternative readings, each judged
 * @param baseline  the store it is compared with (speedup, spread)
 * @param stores    the claimed order, cheapest first (order)
 * @param figures   the log's figure(s): one value, or the ends of a range, or the different values
 *                  the log gives in different places
 * @param band      where "holds" lies; default: the figures widened by {@link ClaimEvaluator#TOLERANCE}
 * @param direction "above"/"below" {@code directionBound}: the qualitative claim behind a value
 * @param convert   "nsPerOp": turn a throughput into wall nanoseconds per operation (Go's RunParallel)
 * @param measure   for layout claims: "ratio" or "saving32"
 * @param mapping   which of our stores and measurements stand for the log's, and why
 * @param caveat    what makes our figure differ from the log's setting
 * @param reason    for untestable claims: why
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Claim(String id, String section, String quote, String logFigure, Kind kind,
                    String workload, String threads, Integer requiresCores, String metric,
                    List<String> subject, String baseline, List<String> stores, List<Double> figures,
                    List<Double> band, String direction, Double directionBound, String convert,
                    String measure, String mapping, String caveat, String reason) {

    public enum Kind {
        /** subject is N× better than baseline on a metric (ratio of medians, Mann-Whitney U). */
        @JsonProperty("speedup") SPEEDUP,
        /** subject's metric lies in a range (median with its interval). */
        @JsonProperty("value") VALUE,
        /** subject's spread is N× narrower than baseline's (range ratio; U test on deviations). */
        @JsonProperty("spread") SPREAD,
        /** stores are ordered by a metric (each neighbouring pair tested). */
        @JsonProperty("order") ORDER,
        /** a JOL size from layouts.json. */
        @JsonProperty("layout") LAYOUT,
        /** nothing here can measure it; {@code reason} says why. */
        @JsonProperty("untestable") UNTESTABLE
    }

    public Claim {
        metric = metric == null || metric.isBlank() ? "primary" : metric;
        subject = subject == null ? List.of() : List.copyOf(subject);
        stores = stores == null ? List.of() : List.copyOf(stores);
        figures = figures == null ? List.of() : List.copyOf(figures);
        band = band == null ? null : List.copyOf(band);
    }

    /** The interval in which our figure counts as the log's: explicit, or the figures ± the tolerance factor. */
    public double[] holdsBand() {
        if (band != null && band.size() == 2) {
            return new double[] {band.get(0), band.get(1)};
        }
        double lo = figures.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = figures.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new double[] {lo / ClaimEvaluator.TOLERANCE, hi * ClaimEvaluator.TOLERANCE};
    }

    /** How the verdict is computed, in words, for the page and the terminal. */
    public String method() {
        double[] b = holdsBand();
        String band = "[" + ClaimsText.num(b[0]) + ", " + ClaimsText.num(b[1]) + "]";
        String m = "primary".equals(metric) ? "the score" : metric;
        return switch (kind) {
            case SPEEDUP -> "Factor = how many times better " + String.join("/", subject) + " is than " + baseline + " on " + m
                    + " (" + workload + ", " + threadsText() + " threads): ratio of medians, 95% interval from the pairwise ratios"
                    + " (Moses), two-sided Mann-Whitney U. Holds: p ≤ 0.05 in the log's direction and the interval reaches "
                    + band + "; in direction only: significant but outside it; contradicted: significant the other way, or no"
                    + " difference with an interval that excludes the band; otherwise inconclusive.";
            case VALUE -> "Median of " + m + ("nsPerOp".equals(convert) ? " as wall ns/op (1e9 / total ops/s)" : "")
                    + " for " + String.join("/", subject) + " (" + workload + ", " + threadsText()
                    + " threads) with its order-statistic 95% interval. Holds: the interval reaches " + band
                    + (direction != null ? "; in direction only: the whole interval " + direction + " " + ClaimsText.num(directionBound) : "")
                    + "; otherwise contradicted.";
            case SPREAD -> "Spread factor = range of " + baseline + "'s samples / range of " + String.join("/", subject)
                    + "'s (" + workload + ", " + threadsText() + " threads), the log's 'range'. Significance: Mann-Whitney U on the"
                    + " absolute deviations from each side's median (a rank-based Brown–Forsythe test); interval: pairwise ratios"
                    + " of those deviations. Verdict rules as for speed-ups, band " + band + ".";
            case ORDER -> "Medians of " + m + " (" + workload + ", " + threadsText() + " threads) for " + String.join(" < ", stores)
                    + "; each neighbouring pair tested with Mann-Whitney U. Holds: every pair significant (p ≤ 0.05) in the claimed"
                    + " order; contradicted: a pair reversed with p ≤ 0.05 / (number of pairs) (Bonferroni, as any one"
                    + " reversal suffices); otherwise inconclusive.";
            case LAYOUT -> ("saving32".equals(measure)
                    ? "32 × (deep size of the empty MemoryStore shard − deep size of the empty ShardUnit)"
                    : "Deep size of the empty MemoryStore shard / deep size of the empty ShardUnit")
                    + ", from the run's layouts.json (JOL, exact), for the first JVM configuration that ran; the others are listed."
                    + " Holds: within " + band + "; in direction only: the ShardUnit is smaller; otherwise contradicted.";
            case UNTESTABLE -> "Not measurable here: " + reason;
        };
    }

    String threadsText() {
        return threads == null ? "max" : threads;
    }
}
