package lab.core.claims;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One quantitative claim of the decision log, as data (see {@code claims.json} beside this
 * class's resources): the log's words, its figure, and the measurement that tests it.
 *
 * @param section   the log's section, or "Beyond the log" for what the lab adds
 * @param quote     the log's words, verbatim: fragments joined by " … ", each found in the shipped
 *                  decision log (whitespace and markdown emphasis aside); checked when the book loads
 * @param logFigure the log's figure as a reader would say it
 * @param kind      how the measurement is turned into a verdict
 * @param threads   a thread count, or "max" (the run's highest for the workload)
 * @param requiresCores the claim only makes sense with this many cores (else: not testable here)
 * @param metric    "primary" (default) or a secondary metric name
 * @param subject   the store the claim is about; more than one = alternative readings, each judged.
 *                  Besides {@link lab.core.store.StoreType} names: {@value Locator#BEST} (the fastest
 *                  of {@code candidates}) and the reference rows {@value Locator#READ_FLOOR},
 *                  {@value Locator#WAKEUP_FLOOR}
 * @param baseline  the store it is compared with (speedup, spread)
 * @param stores    the claimed order, cheapest first (order)
 * @param candidates the stores {@value Locator#BEST} chooses from
 * @param figures   the log's figure(s): one value, or the ends of a range, or the different values
 *                  the log gives in different places
 * @param band      where "holds" lies; default: the figures widened by {@link Rules#TOLERANCE}
 * @param rule      "effect" (default: significant in the log's direction and inside the band) or
 *                  "equivalence" (the interval inside {@code band} is enough: "no change" and
 *                  "at most" claims)
 * @param zero      a zero claim: the band is [0, a tolerance measured in the same run] ({@link ZeroTolerance})
 * @param resolution for zero claims: the resolution of the log's own figure, when it has one (Go's
 *                  benchmem prints B/op and allocs/op as integers, total ÷ N truncated, so the log's
 *                  "0 B/op" says "below 1 B/op"); the tolerance is never tighter than it
 * @param direction "above"/"below" {@code directionBound}: the qualitative claim behind a value
 * @param convert   how a value is turned into the log's unit ({@link ValueJudge})
 * @param measure   for layout claims: "ratio" or "saving32"
 * @param eachJvm   judged once per JVM configuration of the run (otherwise on the first only)
 * @param mapping   which of our stores and measurements stand for the log's, and why
 * @param caveat    what makes our figure differ from the log's setting
 * @param reason    for untestable and information claims: why
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Claim(String id, String section, String quote, String logFigure, Kind kind,
                    String workload, String threads, Integer requiresCores, String metric,
                    List<String> subject, String baseline, List<String> stores, List<String> candidates,
                    List<Double> figures, List<Double> band, String rule, Boolean zero, Double resolution,
                    String direction, Double directionBound, String convert,
                    String measure, Boolean eachJvm, String mapping, String caveat, String reason) {

    public enum Kind {
        /** subject is N× better than baseline on a metric (paired by round when it can be). */
        @JsonProperty("speedup") SPEEDUP,
        /** subject's metric lies in a range (median with its interval), possibly converted. */
        @JsonProperty("value") VALUE,
        /** subject's spread is N× narrower than baseline's (ratio of median absolute deviations; U test on them). */
        @JsonProperty("spread") SPREAD,
        /** stores are ordered by a metric (each neighbouring pair tested). */
        @JsonProperty("order") ORDER,
        /** throughput at the run's highest thread count ÷ at 1 thread, against the thread count ("linear"). */
        @JsonProperty("scaling") SCALING,
        /** a store's measured maximum requests/s in the newest complete load run ({@link LoadJudge}). */
        @JsonProperty("load") LOAD,
        /** a JOL size from layouts.json. */
        @JsonProperty("layout") LAYOUT,
        /** measured and shown, never a verdict: the log's quantity is not ours; {@code reason} says why. */
        @JsonProperty("information") INFORMATION,
        /** nothing here can measure it; {@code reason} says why. */
        @JsonProperty("untestable") UNTESTABLE
    }

    public static final String EFFECT = "effect";
    public static final String EQUIVALENCE = "equivalence";

    public Claim {
        metric = metric == null || metric.isBlank() ? "primary" : metric;
        subject = subject == null ? List.of() : List.copyOf(subject);
        stores = stores == null ? List.of() : List.copyOf(stores);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        figures = figures == null ? List.of() : List.copyOf(figures);
        band = band == null ? null : List.copyOf(band);
        rule = rule == null ? EFFECT : rule;
    }

    /** The interval in which our figure counts as the log's: explicit, or the figures ± the tolerance factor. */
    public double[] holdsBand() {
        if (band != null && band.size() == 2) {
            return new double[] {band.get(0), band.get(1)};
        }
        double lo = figures.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = figures.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new double[] {lo / Rules.TOLERANCE, hi * Rules.TOLERANCE};
    }

    /** The lab's own findings on the log's conclusions (issue 13), shown in their own section. */
    public static final String BEYOND = "Beyond the log";

    public boolean beyondTheLog() {
        return section != null && section.startsWith(BEYOND);
    }

    public boolean isZero() {
        return Boolean.TRUE.equals(zero);
    }

    /** The resolution of the log's zero figure, or NaN when it has none. */
    public double zeroResolution() {
        return resolution == null ? Double.NaN : resolution;
    }

    public boolean isEquivalence() {
        return EQUIVALENCE.equals(rule);
    }

    public boolean judgedPerJvm() {
        return Boolean.TRUE.equals(eachJvm);
    }

    /** How the verdict is computed, in words, for the page and the terminal. */
    public String method() {
        String m = "primary".equals(metric) ? "the score" : metric;
        String where = " (" + workload + ", " + threadsText() + " thread" + ("1".equals(threadsText()) ? "" : "s") + ")";
        String rules = isEquivalence() ? Rules.EQUIVALENCE_RULE : isZero() ? Rules.ZERO_RULE
                : kind == Kind.VALUE ? Rules.VALUE_RULE : Rules.EFFECT_RULE;
        return switch (kind) {
            case SPEEDUP -> "Factor = how many times better " + String.join("/", subject) + " is than " + baseline + " on " + m + where
                    + ": " + Rules.RATIO_METHOD + " " + rules;
            case VALUE -> "Median of " + m + (convert == null ? "" : " converted (" + ValueJudge.conversionText(convert) + ")")
                    + " for " + String.join("/", subject) + where + " with its order-statistic 95% interval. " + rules;
            case SPREAD -> "Spread factor = median absolute deviation of " + baseline + "'s samples from their median / that of "
                    + String.join("/", subject) + "'s" + where + " (the log quotes ranges; they are printed beside it, but the range"
                    + " of a few forks is set by the two most extreme ones). Interval: pairwise ratios of those deviations (Moses);"
                    + " significance: Mann-Whitney U on them (a rank-based Brown–Forsythe test). " + rules;
            case ORDER -> "Medians of " + m + where + " for " + String.join(" < ", stores)
                    + "; each neighbouring pair compared (paired by round when it can be). Holds: every pair significant"
                    + " (p ≤ 0.05) in the claimed order; contradicted: a pair reversed with p ≤ 0.05 / (number of pairs)"
                    + " (Bonferroni, as any one reversal suffices); otherwise inconclusive.";
            case SCALING -> "Scaling = throughput of " + String.join("/", subject) + " at the run's highest thread count ÷ at 1"
                    + " thread (" + workload + "), paired by round; 'linear' = the thread count. " + rules;
            case LOAD -> "Maximum requests/s of " + String.join("/", subject) + "'s Task API in the newest complete load run"
                    + " (./lab load): the median over its rounds at the connection count where it is highest, with its"
                    + " order-statistic interval. " + Rules.VALUE_RULE;
            case LAYOUT -> ("saving32".equals(measure)
                    ? "32 × (deep size of the empty MemoryStore shard − deep size of the empty ShardUnit)"
                    : "Deep size of the empty MemoryStore shard / deep size of the empty ShardUnit")
                    + ", from the run's layouts.json (JOL, exact), for the first JVM configuration that ran; the others are listed."
                    + " Holds: within the band; in direction only: the ShardUnit is smaller; otherwise contradicted.";
            case INFORMATION -> "Shown, not judged: " + reason;
            case UNTESTABLE -> "Not measurable here: " + reason;
        };
    }

    String threadsText() {
        return threads == null ? "max" : threads;
    }
}
