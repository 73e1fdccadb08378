package lab.core.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import lab.core.compare.Comparer;
import lab.core.compare.MannWhitney;
import lab.core.compare.SampleKind;
import lab.core.compare.Side;
import lab.core.compare.Stats;
import lab.core.record.BenchmarkResult;
import lab.core.record.Environment;
import lab.core.record.Metric;

/**
 * Judges each claim of the decision log against one run. The rules are in {@link Claim#method()}
 * and {@link Verdict}; the statistics are the comparison engine's (medians, order-statistic and
 * Moses intervals, Mann-Whitney U at α = 0.05), so a claim's verdict and the {@code /compare}
 * table of the same two stores always agree.
 */
public final class ClaimEvaluator {

    /** Default width of the "holds" band around the log's figure(s): a factor either way. */
    public static final double TOLERANCE = 1.2;
    static final double ALPHA = Comparer.ALPHA;
    static final double LEVEL = Comparer.LEVEL;

    /** Where the log's figures come from; its core count is not stated, M4 Pro parts have 12 or 14. */
    static final String LOG_MACHINE = "Apple M4 Pro (12–14 cores), Go";

    private ClaimEvaluator() {
    }

    public static ClaimReport evaluate(ClaimBook book, RunData run) {
        List<ClaimResult> results = new ArrayList<>();
        for (Claim c : book.claims()) {
            if (c.kind() == Claim.Kind.SPEEDUP || c.kind() == Claim.Kind.SPREAD || c.kind() == Claim.Kind.VALUE) {
                for (String subject : c.subject()) {
                    results.add(guarded(c, subject, run));
                }
            } else {
                results.add(guarded(c, null, run));
            }
        }
        Environment env = run.environment();
        String jvm = env.jvmName() == null && env.jvmVersion() == null ? jvmFromResults(run) : join(env.jvmName(), env.jvmVersion());
        List<String> notes = new ArrayList<>();
        notes.add("The log's figures: " + LOG_MACHINE + ". Ours: " + (jvm == null ? "unknown JVM" : jvm) + " on "
                + (env.cores() == null ? "an unknown number of" : env.cores()) + " cores.");
        notes.add("Samples: " + sampleNote(run) + ".");
        return new ClaimReport(run.runId(), jvm, env.cores(), env.cpuModel(), results, notes);
    }

    private static ClaimResult guarded(Claim c, String subject, RunData run) {
        try {
            return switch (c.kind()) {
                case SPEEDUP -> speedup(c, subject, run, false);
                case SPREAD -> speedup(c, subject, run, true);
                case VALUE -> value(c, subject, run);
                case ORDER -> order(c, run);
                case LAYOUT -> layout(c, run);
                case UNTESTABLE -> new ClaimResult(c, null, Verdict.NOT_TESTABLE, null, null, null, c.reason(), caveats(c, null));
            };
        } catch (RuntimeException e) {
            // one malformed result must not hide every other verdict
            return new ClaimResult(c, subject, Verdict.NOT_TESTABLE, null, null, null,
                    "could not be evaluated: " + e.getMessage(), caveats(c, null));
        }
    }

    // ---------------------------------------------------------------- speed-ups and spreads

    private static ClaimResult speedup(Claim c, String subject, RunData run, boolean spread) {
        List<String> stores = List.of(subject, c.baseline());
        Located loc = locate(c, run, stores);
        if (loc.problem != null) {
            return new ClaimResult(c, subject, Verdict.NOT_TESTABLE, null, null, loc.measured, loc.problem, caveats(c, loc));
        }
        BenchmarkResult sr = loc.results.get(0);
        BenchmarkResult br = loc.results.get(1);
        Metric sm = Comparer.metric(sr, c.metric());
        Metric bm = Comparer.metric(br, c.metric());
        if (sm == null || bm == null) {
            return new ClaimResult(c, subject, Verdict.NOT_TESTABLE, null, null, loc.measured,
                    "the run has no " + c.metric() + " for " + (sm == null ? subject : c.baseline())
                            + " (" + c.workload() + ", " + loc.threads + " threads)", caveats(c, loc));
        }
        SampleKind kind = Comparer.sampleKind(sm, bm);
        double[] s = Comparer.samples(sm, kind);
        double[] b = Comparer.samples(bm, kind);
        boolean higherBetter = Metric.higherIsBetter(sm.unit());
        String measured = loc.measured + ", " + metricName(c, sm.unit()) + ", " + s.length + "+" + b.length + " " + kind.label();

        double centre;
        double lo;
        double hi;
        MannWhitney.Result test;
        boolean observedBetter;
        String extra = "";
        if (spread) {
            double[] ds = deviations(s);
            double[] db = deviations(b);
            test = MannWhitney.test(ds, db);
            // factor > 1: subject's spread is narrower than baseline's
            Stats.Interval r = Stats.ratioInterval(ds, db, LEVEL);
            centre = Stats.ratio(range(b), range(s));
            lo = r.lo();
            hi = r.hi();
            observedBetter = Stats.median(ds) < Stats.median(db);
            extra = String.format(Locale.ROOT, "ranges %s vs %s %s", ClaimsText.num(range(s)), ClaimsText.num(range(b)), sm.unit());
        } else {
            test = MannWhitney.test(s, b);
            Stats.Interval r = Stats.ratioInterval(b, s, LEVEL); // subject / baseline
            if (higherBetter) {
                centre = r.centre();
                lo = r.lo();
                hi = r.hi();
            } else {
                centre = Stats.ratio(Stats.median(b), Stats.median(s));
                lo = inverse(r.hi());
                hi = inverse(r.lo());
            }
            observedBetter = higherBetter ? Stats.median(s) > Stats.median(b) : Stats.median(s) < Stats.median(b);
            extra = String.format(Locale.ROOT, "medians %s vs %s %s", ClaimsText.num(Stats.median(s)),
                    ClaimsText.num(Stats.median(b)), sm.unit());
        }
        String ours = ClaimsText.factor(centre);
        String uncertainty = String.format(Locale.ROOT, "95%% CI %s–%s, p = %s (%s)", ClaimsText.factor(lo), ClaimsText.factor(hi),
                ClaimsText.p(test.p()), extra);
        double[] band = c.holdsBand();
        boolean claimBetter = c.figures().get(0) > 1;
        boolean bothZero = !spread && Stats.median(s) == 0 && Stats.median(b) == 0;
        Decision d;
        if (bothZero) {
            d = new Decision(Verdict.INCONCLUSIVE, "both stores measure 0 " + sm.unit() + " here: there is nothing to reduce at "
                    + loc.threads + " threads");
        } else {
            d = decide(test, MannWhitney.minimumP(s.length, b.length), observedBetter, claimBetter, lo, hi, band,
                    spread ? "spread" : "difference");
        }
        return new ClaimResult(c, subject, d.verdict, ours, uncertainty, measured, d.why, caveats(c, loc));
    }

    private record Decision(Verdict verdict, String why) {
    }

    static Decision decide(MannWhitney.Result test, double minP, boolean observedBetter, boolean claimBetter,
                           double lo, double hi, double[] band, String what) {
        String bandText = "[" + ClaimsText.factor(band[0]) + ", " + ClaimsText.factor(band[1]) + "]";
        boolean overlaps = lo <= band[1] && band[0] <= hi;
        if (test.p() <= ALPHA) {
            if (observedBetter != claimBetter) {
                return new Decision(Verdict.CONTRADICTED, "significant " + what + " (p = " + ClaimsText.p(test.p())
                        + ") in the opposite direction to the log's");
            }
            if (overlaps) {
                return new Decision(Verdict.HOLDS, "significant (p = " + ClaimsText.p(test.p()) + ") and our interval reaches the log's band " + bandText);
            }
            return new Decision(Verdict.DIRECTION_ONLY, "significant (p = " + ClaimsText.p(test.p()) + ") in the log's direction, but our interval "
                    + (hi < band[0] ? "stays below" : "lies above") + " the log's band " + bandText);
        }
        if (minP > ALPHA) {
            return new Decision(Verdict.INCONCLUSIVE, "too few samples: the smallest attainable p is " + ClaimsText.p(minP));
        }
        boolean bandExcludesOne = band[0] > 1 || band[1] < 1;
        if (bandExcludesOne && !overlaps) {
            return new Decision(Verdict.CONTRADICTED, "no significant " + what + " (p = " + ClaimsText.p(test.p())
                    + ") and our interval excludes the log's band " + bandText);
        }
        return new Decision(Verdict.INCONCLUSIVE, "no significant " + what + " (p = " + ClaimsText.p(test.p())
                + "), and the log's band " + bandText + " is not excluded");
    }

    // ---------------------------------------------------------------- values

    private static ClaimResult value(Claim c, String subject, RunData run) {
        Located loc = locate(c, run, List.of(subject));
        if (loc.problem != null) {
            return new ClaimResult(c, subject, Verdict.NOT_TESTABLE, null, null, loc.measured, loc.problem, caveats(c, loc));
        }
        Metric m = Comparer.metric(loc.results.get(0), c.metric());
        if (m == null) {
            return new ClaimResult(c, subject, Verdict.NOT_TESTABLE, null, null, loc.measured,
                    "the run has no " + c.metric() + " for " + subject + " (" + c.workload() + ", " + loc.threads + " threads)"
                            + (c.metric().startsWith("lab.") ? ": the lab's agent profiler was not attached, or the OS lacks the counter" : ""),
                    caveats(c, loc));
        }
        SampleKind kind = m.forkMeans().length >= SampleKind.MIN_FORKS ? SampleKind.FORK_MEANS : SampleKind.ITERATIONS;
        double[] x = Comparer.samples(m, kind);
        String unit = m.unit();
        if ("nsPerOp".equals(c.convert())) {
            double perSecond = nanosPerUnit(unit);
            if (Double.isNaN(perSecond)) {
                return new ClaimResult(c, subject, Verdict.NOT_TESTABLE, null, null, loc.measured,
                        "cannot turn " + unit + " into ns/op", caveats(c, loc));
            }
            x = Arrays.stream(x).map(v -> perSecond / v).toArray();
            unit = "ns/op";
        }
        Stats.Interval i = Stats.medianInterval(x, LEVEL);
        String measured = loc.measured + ", " + metricName(c, unit) + ", n = " + x.length + " " + kind.label();
        String ours = ClaimsText.num(i.centre()) + " " + unit;
        String uncertainty = String.format(Locale.ROOT, "%.1f%% CI %s–%s", i.confidence() * 100, ClaimsText.num(i.lo()), ClaimsText.num(i.hi()));
        double[] band = c.holdsBand();
        String bandText = "[" + ClaimsText.num(band[0]) + ", " + ClaimsText.num(band[1]) + "] " + unit;
        Verdict v;
        String why;
        if (i.overlaps(band[0], band[1])) {
            v = Verdict.HOLDS;
            why = "our interval reaches the log's band " + bandText;
        } else if (c.direction() != null && (c.direction().equals("above") ? i.lo() > c.directionBound() : i.hi() < c.directionBound())) {
            v = Verdict.DIRECTION_ONLY;
            why = "outside the log's band " + bandText + ", but " + c.direction() + " " + ClaimsText.num(c.directionBound()) + " " + unit
                    + " as the claim's sense requires";
        } else {
            v = Verdict.CONTRADICTED;
            why = "our interval " + (i.hi() < band[0] ? "lies below" : "lies above") + " the log's band " + bandText;
        }
        return new ClaimResult(c, subject, v, ours, uncertainty, measured, why, caveats(c, loc));
    }

    /** Nanoseconds per time unit of an ops/time unit ("ops/us" -> 1000); NaN for anything else. */
    static double nanosPerUnit(String unit) {
        if (unit == null || !unit.startsWith("ops/")) {
            return Double.NaN;
        }
        return switch (unit.substring(4)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> Double.NaN;
        };
    }

    // ---------------------------------------------------------------- order

    private static ClaimResult order(Claim c, RunData run) {
        Located loc = locate(c, run, c.stores());
        if (loc.problem != null) {
            return new ClaimResult(c, null, Verdict.NOT_TESTABLE, null, null, loc.measured, loc.problem, caveats(c, loc));
        }
        StringBuilder ours = new StringBuilder();
        List<String> reversed = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        String unit = null;
        StringBuilder ps = new StringBuilder();
        for (int k = 0; k < c.stores().size(); k++) {
            Metric m = Comparer.metric(loc.results.get(k), c.metric());
            if (m == null) {
                return new ClaimResult(c, null, Verdict.NOT_TESTABLE, null, null, loc.measured,
                        "the run has no " + c.metric() + " for " + c.stores().get(k), caveats(c, loc));
            }
            unit = m.unit();
            if (k > 0) {
                Metric prev = Comparer.metric(loc.results.get(k - 1), c.metric());
                SampleKind kind = Comparer.sampleKind(prev, m);
                double[] a = Comparer.samples(prev, kind);
                double[] b = Comparer.samples(m, kind);
                MannWhitney.Result t = MannWhitney.test(a, b);
                boolean higherBetter = Metric.higherIsBetter(unit);
                // claimed: the earlier store is the better one
                boolean earlierBetter = higherBetter ? Stats.median(a) > Stats.median(b) : Stats.median(a) < Stats.median(b);
                String pair = c.stores().get(k - 1) + "/" + c.stores().get(k);
                String sign;
                // "holds" needs every pair significant (an intersection-union test: no correction);
                // "contradicted" needs any one pair reversed, so that side gets Bonferroni's α / pairs
                double reverseAlpha = ALPHA / (c.stores().size() - 1);
                if (t.p() <= ALPHA && earlierBetter) {
                    sign = higherBetter ? " > " : " < ";
                } else if (t.p() <= reverseAlpha && !earlierBetter) {
                    sign = higherBetter ? " < " : " > ";
                    reversed.add(pair);
                } else {
                    sign = " ≈ ";
                    unresolved.add(pair);
                }
                ours.append(sign);
                ps.append(ps.length() == 0 ? "" : ", ").append(pair).append(" p = ").append(ClaimsText.p(t.p()));
            }
            ours.append(c.stores().get(k)).append(' ').append(ClaimsText.num(Stats.median(Comparer.samples(m,
                    Comparer.sampleKind(m, m)))));
        }
        ours.append(' ').append(unit);
        Verdict v;
        String why;
        if (!reversed.isEmpty()) {
            v = Verdict.CONTRADICTED;
            why = "significantly reversed: " + String.join(", ", reversed);
        } else if (!unresolved.isEmpty()) {
            v = Verdict.INCONCLUSIVE;
            why = "no significant difference for " + String.join(", ", unresolved);
        } else {
            v = Verdict.HOLDS;
            why = "every neighbouring pair differs significantly in the claimed order";
        }
        return new ClaimResult(c, null, v, ours.toString(), ps.toString(), loc.measured + ", " + metricName(c, unit), why, caveats(c, loc));
    }

    // ---------------------------------------------------------------- layouts

    static final String DEFAULT_LEFT = "lab.core.store.MemoryStore";
    static final String DEFAULT_RIGHT = "lab.core.store.ShardUnit";
    static final String SAMPLE = "shard-empty";

    private static ClaimResult layout(Claim c, RunData run) {
        JsonNode root = run.layouts();
        if (root == null) {
            return new ClaimResult(c, null, Verdict.NOT_TESTABLE, null, null, "layouts.json", run.layoutsProblem(), caveats(c, null));
        }
        String left = text(root.path("comparison").path("left"), DEFAULT_LEFT);
        String right = text(root.path("comparison").path("right"), DEFAULT_RIGHT);
        List<String> others = new ArrayList<>();
        Double figure = null;
        String used = null;
        String detail = null;
        for (JsonNode conf : root.path("configurations")) {
            if (!conf.path("error").isNull() && !conf.path("error").isMissingNode()) {
                continue;
            }
            JsonNode l = conf.path("classes").path(left);
            JsonNode r = conf.path("classes").path(right);
            long deepL = l.path("deep").path(SAMPLE).path("totalSize").asLong(-1);
            long deepR = r.path("deep").path(SAMPLE).path("totalSize").asLong(-1);
            long shallowL = l.path("instanceSize").asLong(-1);
            long shallowR = r.path("instanceSize").asLong(-1);
            if (deepL < 0 || deepR < 0) {
                continue;
            }
            double f = "saving32".equals(c.measure()) ? 32.0 * (deepL - deepR) : (double) deepL / deepR;
            String name = text(conf.path("label"), text(conf.path("name"), "?"));
            String d = String.format(Locale.ROOT, "%s: deep %d → %d B, shallow %d → %d B", name, deepL, deepR, shallowL, shallowR);
            if (figure == null) {
                figure = f;
                used = name;
                detail = d;
            } else {
                others.add(d + " (" + ("saving32".equals(c.measure()) ? ClaimsText.num(f) + " B" : ClaimsText.factor(f)) + ")");
            }
        }
        if (figure == null) {
            return new ClaimResult(c, null, Verdict.NOT_TESTABLE, null, null, "layouts.json",
                    "layouts.json has no configuration with deep sizes of " + left + " and " + right, caveats(c, null));
        }
        double[] band = c.holdsBand();
        boolean saving = "saving32".equals(c.measure());
        String ours = saving ? ClaimsText.num(figure) + " B" : ClaimsText.factor(figure);
        boolean smaller = saving ? figure > 0 : figure > 1;
        Verdict v;
        String why;
        String bandText = saving ? "[" + ClaimsText.num(band[0]) + ", " + ClaimsText.num(band[1]) + "] B"
                : "[" + ClaimsText.factor(band[0]) + ", " + ClaimsText.factor(band[1]) + "]";
        if (figure >= band[0] && figure <= band[1]) {
            v = Verdict.HOLDS;
            why = "within the log's band " + bandText;
        } else if (smaller) {
            v = Verdict.DIRECTION_ONLY;
            why = "the ShardUnit is smaller, but outside the log's band " + bandText;
        } else {
            v = Verdict.CONTRADICTED;
            why = "the ShardUnit is not smaller than the MemoryStore shard";
        }
        String uncertainty = "exact (JOL); " + detail + (others.isEmpty() ? "" : "; other JVM configurations: " + String.join("; ", others));
        return new ClaimResult(c, null, v, ours, uncertainty, "layouts.json, " + used + ", sample " + SAMPLE, why, caveats(c, null));
    }

    private static String text(JsonNode n, String fallback) {
        return n.isTextual() ? n.asText() : fallback;
    }

    // ---------------------------------------------------------------- locating results

    private record Located(List<BenchmarkResult> results, int threads, String measured, String problem) {
    }

    /** The claim's workload at its thread count for each store, in order; or why that is impossible. */
    private static Located locate(Claim c, RunData run, List<String> stores) {
        String storesText = String.join(" vs ", stores);
        Integer cores = run.environment().cores();
        if (c.requiresCores() != null && (cores == null || cores < c.requiresCores())) {
            return new Located(List.of(), 0, c.workload() + ", " + storesText,
                    "needs " + c.requiresCores() + " threads on at least " + c.requiresCores() + " cores; this machine has "
                            + (cores == null ? "an unknown number of" : cores) + " cores");
        }
        List<BenchmarkResult> ofWorkload = run.results().stream().filter(r -> c.workload().equals(r.method())).toList();
        if (ofWorkload.isEmpty()) {
            return new Located(List.of(), 0, c.workload() + ", " + storesText, "the run lacks the " + c.workload() + " workload");
        }
        int threads;
        String t = c.threadsText();
        if (t.equals("max")) {
            OptionalInt max = ofWorkload.stream()
                    .filter(r -> stores.stream().allMatch(s -> find(ofWorkload, s, r.threads()).isPresent()))
                    .mapToInt(BenchmarkResult::threads).max();
            if (max.isEmpty()) {
                return new Located(List.of(), 0, c.workload() + ", " + storesText,
                        "the run has no thread count at which " + c.workload() + " was measured for all of " + String.join(", ", stores));
            }
            threads = max.getAsInt();
        } else {
            threads = Integer.parseInt(t.trim());
        }
        List<BenchmarkResult> found = new ArrayList<>();
        for (String s : stores) {
            Optional<BenchmarkResult> r = find(ofWorkload, s, threads);
            if (r.isEmpty()) {
                return new Located(List.of(), threads, c.workload() + ", " + threads + " threads, " + storesText,
                        "the run lacks " + s + " on " + c.workload() + " at " + threads + " thread" + (threads == 1 ? "" : "s"));
            }
            found.add(r.get());
        }
        return new Located(found, threads, c.workload() + ", " + threads + " thread" + (threads == 1 ? "" : "s") + ", " + storesText, null);
    }

    private static Optional<BenchmarkResult> find(List<BenchmarkResult> rows, String store, int threads) {
        return rows.stream().filter(r -> store.equals(r.param(Side.STORE_PARAM)) && r.threads() == threads).findFirst();
    }

    private static List<String> caveats(Claim c, Located loc) {
        List<String> out = new ArrayList<>();
        if (c.caveat() != null) {
            out.add(c.caveat());
        }
        if (loc != null && loc.problem == null && "max".equals(c.threadsText()) && loc.threads <= 2) {
            out.add("Measured at " + loc.threads + " thread" + (loc.threads == 1 ? "" : "s")
                    + "; the log's parallel Go benchmarks used every core of its machine, so contention-driven gaps are smaller here.");
        }
        return out;
    }

    // ---------------------------------------------------------------- small helpers

    /**
     * Absolute deviations from the median. With an odd count the median sample's own deviation is
     * a structural zero that carries no information about spread; it is dropped (Hines and Hines'
     * correction of the Brown–Forsythe test), which also keeps the ratio interval finite.
     */
    static double[] deviations(double[] x) {
        double m = Stats.median(x);
        double[] d = Arrays.stream(x).map(v -> Math.abs(v - m)).toArray();
        if (d.length % 2 == 1 && d.length > 1) {
            Arrays.sort(d);
            return Arrays.copyOfRange(d, 1, d.length);
        }
        return d;
    }

    private static double range(double[] x) {
        return x.length == 0 ? Double.NaN : Arrays.stream(x).max().getAsDouble() - Arrays.stream(x).min().getAsDouble();
    }

    private static double inverse(double v) {
        if (v == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 1 / v;
    }

    private static String metricName(Claim c, String unit) {
        return ("primary".equals(c.metric()) ? "score" : c.metric()) + " in " + unit;
    }

    private static String jvmFromResults(RunData run) {
        return run.results().stream().filter(r -> r.vmName() != null)
                .map(r -> join(r.vmName(), r.vmVersion())).findFirst().orElse(null);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    private static String sampleNote(RunData run) {
        int maxForks = run.results().stream().mapToInt(r -> r.primary().forkCount()).max().orElse(0);
        return maxForks >= SampleKind.MIN_FORKS
                ? "per-fork means where both sides have at least " + SampleKind.MIN_FORKS + " forks"
                : "measurement iterations (the run has fewer than " + SampleKind.MIN_FORKS
                        + " forks per benchmark; iterations of one fork are correlated, so the intervals are optimistic)";
    }
}
