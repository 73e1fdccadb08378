package lab.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import lab.core.record.BenchmarkResult;
import lab.core.record.Metric;

/**
 * The comparison engine behind {@code ./lab compare} and {@code /compare}: benchstat's method on
 * JMH results, with the run design's pairing and drift control.
 *
 * <p>Rows are matched by {@link BenchmarkResult#key()} (benchmark, params, mode, threads); when a
 * side is one store of a run, by the key without the {@code store} param, so that "MEMORY read at 2
 * threads" lines up with "SHARD read at 2 threads". Per row (see {@link #row}):
 * <ul>
 * <li>units: the head's samples are converted into the base's unit ({@link Units}); a pair that
 * cannot be converted is refused with the reason, never compared number to number;</li>
 * <li>samples: per-fork means when both sides have at least {@value SampleKind#MIN_FORKS} forks,
 * iterations otherwise ({@link SampleKind}); a sample that is NaN makes the row unknown, with
 * the fork named;</li>
 * <li>two benchmarks of one run whose forks carry their rounds are <b>paired by round</b>
 * ({@link Analysis}): per-round ratios, their median, the Walsh-average interval and the
 * Wilcoxon signed-rank test ({@link SignedRank}); otherwise the ratio of medians, Moses'
 * interval and the Mann-Whitney U test ({@link MannWhitney});</li>
 * <li>"~" (no change) when p &gt; α; better/worse follows the unit;</li>
 * <li>two runs: the control benchmark's drift ({@link Drift}); a significant row of the primary
 * metric whose ratio interval does not clear the drift band is "~ (machine drift ±X%)".</li>
 * </ul>
 * A geomean row closes each table, "?" with the reason when a ratio cannot enter it.
 */
public final class Comparer {

    public static final double ALPHA = 0.05;
    /** The confidence level of every interval shown. */
    public static final double LEVEL = 0.95;
    public static final String PRIMARY = "primary";
    public static final String ALL = "all";

    private Comparer() {
    }

    /**
     * @param metric "primary" (or null), "all" (primary and every secondary metric), or one
     *               secondary metric name ({@code gc.alloc.rate.norm}, with or without JMH's "·")
     */
    public static Comparison compare(Side base, Side head, String metric) {
        String asked = metric == null || metric.isBlank() ? PRIMARY : stripDot(metric.trim());
        boolean byStore = base.store() != null || head.store() != null;
        boolean byJvm = base.jvm() != null || head.jvm() != null;
        boolean sameRun = base.runId().equals(head.runId());
        // stores (or JVM configurations) of one run line up without the param that tells them apart
        Function<BenchmarkResult, String> keyOf = r -> {
            String k = byStore ? r.keyWithout(Side.STORE_PARAM) : r.key();
            return byJvm && r.jvmConfig() != null ? k.substring(0, k.lastIndexOf("|jvm=")) : k;
        };

        Map<String, BenchmarkResult> baseTiming = index(base.selected(), keyOf);
        Map<String, BenchmarkResult> headTiming = index(head.selected(), keyOf);
        List<String> onlyBase = baseTiming.keySet().stream().filter(k -> !headTiming.containsKey(k)).toList();
        List<String> onlyHead = headTiming.keySet().stream().filter(k -> !baseTiming.containsKey(k)).toList();

        List<String> metrics = new ArrayList<>();
        if (asked.equals(ALL)) {
            metrics.add(PRIMARY);
            Set<String> names = new LinkedHashSet<>();
            for (BenchmarkResult r : base.selected()) {
                r.secondary().keySet().forEach(n -> names.add(stripDot(n)));
            }
            for (BenchmarkResult r : base.profiled()) {
                r.secondary().keySet().stream().map(Comparer::stripDot).filter(n -> n.startsWith("lab.")).forEach(names::add);
            }
            metrics.addAll(names);
        } else {
            metrics.add(asked);
        }

        Drift drift = sameRun ? null : drift(base, head);
        List<String> notes = new ArrayList<>();
        List<Comparison.Table> tables = new ArrayList<>();
        List<Comparison.Refused> refused = new ArrayList<>();
        boolean anyMatched = false;
        for (String m : metrics) {
            Map<String, BenchmarkResult> baseRows = index(base.selected(m), keyOf);
            Map<String, BenchmarkResult> headRows = index(head.selected(m), keyOf);
            Map<String, List<Comparison.Row>> byUnit = new LinkedHashMap<>();
            int missing = 0;
            for (Map.Entry<String, BenchmarkResult> e : baseRows.entrySet()) {
                BenchmarkResult b = e.getValue();
                BenchmarkResult h = headRows.get(e.getKey());
                if (h == null) {
                    continue;
                }
                anyMatched = true;
                Metric bm = metric(b, m);
                Metric hm = metric(h, m);
                if (bm == null || hm == null) {
                    missing++;
                    continue;
                }
                if (placeholder(bm) && placeholder(hm)) {
                    // e.g. JMH's "async" placeholder result: nothing measured, nothing to show
                    continue;
                }
                String refusal = Units.refusal(hm.unit(), bm.unit());
                if (refusal != null) {
                    refused.add(new Comparison.Refused(e.getKey(), m, refusal));
                    continue;
                }
                Comparison.Row row = row(e.getKey(), b, h, bm, hm, sameRun);
                if (drift != null && m.equals(PRIMARY)) {
                    row = applyDrift(row, drift);
                }
                byUnit.computeIfAbsent(bm.unit(), u -> new ArrayList<>()).add(row);
            }
            if (missing > 0 && !asked.equals(ALL)) {
                notes.add(missing + " matching row(s) lack " + m + " on one side and are not shown.");
            }
            for (Map.Entry<String, List<Comparison.Row>> e : byUnit.entrySet()) {
                tables.add(table(m, e.getKey(), e.getValue(), byStore));
            }
        }
        if (!anyMatched) {
            notes.add("No benchmark is present on both sides" + (byStore ? " (rows are matched without the store param)" : "") + ".");
        } else if (tables.isEmpty() && refused.isEmpty()) {
            notes.add("No matching row has the metric " + asked + ".");
        }
        for (Comparison.Refused r : refused) {
            notes.add("Not compared: " + r.key() + " (" + r.metric() + "): " + r.reason() + ".");
        }
        notes.addAll(driftNotes(drift, sameRun, base, head));
        notes.addAll(sampleNotes(tables));
        return new Comparison(base, head, asked, ALPHA, drift, tables, refused, onlyBase, onlyHead, notes);
    }

    /** A secondary metric by name, tolerant of JMH's "·" prefix; the primary for "primary". */
    public static Metric metric(BenchmarkResult r, String name) {
        if (name.equals(PRIMARY)) {
            return r.primary();
        }
        Metric m = r.secondary(name);
        return m != null ? m : r.secondary("\u00b7" + name);
    }

    private static String stripDot(String s) {
        return s.startsWith("\u00b7") ? s.substring(1) : s;
    }

    private static Map<String, BenchmarkResult> index(List<BenchmarkResult> rows, Function<BenchmarkResult, String> keyOf) {
        Map<String, BenchmarkResult> m = new LinkedHashMap<>();
        for (BenchmarkResult r : rows) {
            m.putIfAbsent(keyOf.apply(r), r);
        }
        return m;
    }

    /** The samples of a metric for this comparison: per-fork means or iterations. */
    public static SampleKind sampleKind(Metric a, Metric b) {
        return a.forkMeans().length >= SampleKind.MIN_FORKS && b.forkMeans().length >= SampleKind.MIN_FORKS
                ? SampleKind.FORK_MEANS : SampleKind.ITERATIONS;
    }

    /**
     * The samples of a metric: per-fork means or iterations, -0.0 as 0.0, NaN and infinities kept
     * (the caller refuses them with {@link #problem}). A result without raw data (hand-written or
     * foreign JSON) gives its score as its one sample.
     */
    public static double[] samples(Metric m, SampleKind kind) {
        double[] s = kind == SampleKind.FORK_MEANS ? m.forkMeans() : m.iterationSamples();
        if (s.length == 0 && !Double.isNaN(m.score())) {
            s = new double[] {m.score()};
        }
        return java.util.Arrays.stream(s).map(v -> v + 0.0).toArray();
    }

    /** Why these samples cannot be tested (none, or not numbers), or null. */
    public static String problem(String side, double[] s, SampleKind kind) {
        if (s.length == 0) {
            return side + " has no samples";
        }
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                return side + "'s " + (kind == SampleKind.FORK_MEANS ? "fork " : "iteration ") + (i + 1) + " is "
                        + (Double.isNaN(s[i]) ? "NaN" : "infinite") + ": not a measurement (a failed or empty iteration)";
            }
        }
        return null;
    }

    /**
     * One row from two results' metric (already matched; units convertible). Paired by round
     * when both results are of one run and carry their forks' rounds.
     */
    public static Comparison.Row row(String key, BenchmarkResult b, BenchmarkResult h, Metric bm, Metric hm, boolean sameRun) {
        SampleKind kind = sampleKind(bm, hm);
        double factor = Units.factor(hm.unit(), bm.unit());
        double[] bs = samples(bm, kind);
        double[] hs = java.util.Arrays.stream(samples(hm, kind)).map(v -> v * factor).toArray();
        String problem = Units.refusal(hm.unit(), bm.unit());
        if (problem == null) {
            problem = problem("base", bs, kind);
        }
        if (problem == null) {
            problem = problem("head", hs, kind);
        }
        if (problem != null) {
            Stats.Interval none = new Stats.Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            return new Comparison.Row(key, b.method(), b, h, bm.unit(), kind, bs, hs, safeCentre(bs), safeCentre(hs),
                    Double.NaN, none, Significance.none(), Analysis.unpaired(null), Change.UNKNOWN, problem);
        }
        Stats.Interval bc = Stats.medianInterval(bs, LEVEL);
        Stats.Interval hc = Stats.medianInterval(hs, LEVEL);
        Paired.Pairs pairs = sameRun && kind == SampleKind.FORK_MEANS ? Paired.pairs(b, bm, h, hm, factor) : null;
        String unpairedWhy = !sameRun ? "two runs: their rounds do not pair"
                : kind != SampleKind.FORK_MEANS ? "a side has one fork" : pairs.problem();
        double ratio;
        Stats.Interval ri;
        Significance test;
        Analysis analysis;
        if (unpairedWhy == null) {
            Paired.Result pr = Paired.analyse(pairs, LEVEL);
            ratio = pr.ratio().centre();
            ri = pr.ratio();
            test = pr.test();
            analysis = Analysis.paired(pairs.rounds().length);
        } else {
            ri = Stats.ratioInterval(bs, hs, LEVEL);
            ratio = ri.centre();
            test = Significance.of(MannWhitney.test(hs, bs));
            analysis = Analysis.unpaired(unpairedWhy);
        }
        Change change;
        if (!(test.p() <= ALPHA) || ratio == 1) {
            change = Change.SAME;
        } else {
            boolean up = ratio > 1;
            change = up == Metric.higherIsBetter(bm.unit()) ? Change.BETTER : Change.WORSE;
        }
        return new Comparison.Row(key, b.method(), b, h, bm.unit(), kind, bs, hs, bc, hc, ratio, ri, test, analysis, change, null);
    }

    /** Nothing measured at all (JMH's "async" result, a metric written as NaN): not a row. */
    private static boolean placeholder(Metric m) {
        return java.util.Arrays.stream(m.iterationSamples()).noneMatch(v -> !Double.isNaN(v)) && Double.isNaN(m.score());
    }

    private static Stats.Interval safeCentre(double[] s) {
        return Stats.medianInterval(java.util.Arrays.stream(s).filter(Double::isFinite).toArray(), LEVEL);
    }

    /** The row's change, unless the control's drift between the two runs explains it. */
    static Comparison.Row applyDrift(Comparison.Row row, Drift drift) {
        if (!row.significant() || drift.beyond(row.ratioInterval().lo(), row.ratioInterval().hi())) {
            return row;
        }
        return row.withChange(Change.DRIFT, "machine drift " + drift.bandText());
    }

    /** The control's drift between two runs, or null when a run lacks the control. */
    static Drift drift(Side base, Side head) {
        java.util.Optional<BenchmarkResult> b = base.controlResult();
        java.util.Optional<BenchmarkResult> h = head.controlResult();
        if (b.isEmpty() || h.isEmpty() || Units.refusal(h.get().primary().unit(), b.get().primary().unit()) != null) {
            return null;
        }
        Comparison.Row r = row(b.get().key(), b.get(), h.get(), b.get().primary(), h.get().primary(), false);
        if (r.change() == Change.UNKNOWN) {
            return null;
        }
        return new Drift(b.get().key(), r.unit(), r.baseCentre(), r.headCentre(), r.ratioInterval(), r.test(),
                Drift.bandOf(r.ratioInterval()));
    }

    private static List<String> driftNotes(Drift drift, boolean sameRun, Side base, Side head) {
        if (sameRun) {
            return List.of();
        }
        if (drift == null) {
            String missing = base.controlResult().isEmpty() ? base.runId() : head.runId();
            return List.of("Machine drift: not measured (run " + missing + " has no control benchmark "
                    + base.control() + " at 1 thread, or its samples are unusable): changes are not checked against drift.");
        }
        return List.of(String.format(java.util.Locale.ROOT,
                "Machine drift: the control (%s) moved %s (%s) between the runs; a change of the primary metric is"
                        + " called only when its whole interval lies beyond %s, otherwise it is \"~ (machine drift %s)\".",
                drift.control(), ComparisonText.percent(drift.ratio().centre()), ComparisonText.ratioRange(drift.ratio()),
                drift.bandText(), drift.bandText()));
    }

    private static Comparison.Table table(String metric, String unit, List<Comparison.Row> rows, boolean byStore) {
        // Params every row shares are said once; the rest name the row.
        Map<String, String> common = null;
        Set<String> modes = new LinkedHashSet<>();
        Map<String, Set<String>> classesOfMethod = new LinkedHashMap<>();
        for (Comparison.Row r : rows) {
            Map<String, String> p = new TreeMap<>(r.baseResult().params());
            if (byStore) {
                p.remove(Side.STORE_PARAM);
            }
            if (common == null) {
                common = p;
            } else {
                common.entrySet().removeIf(e -> !e.getValue().equals(p.get(e.getKey())));
            }
            modes.add(r.baseResult().mode());
            classesOfMethod.computeIfAbsent(r.baseResult().method(), m -> new LinkedHashSet<>()).add(r.baseResult().className());
        }
        Map<String, String> shared = common == null ? Map.of() : common;
        List<Comparison.Row> labelled = new ArrayList<>();
        double[] bc = new double[rows.size()];
        double[] hc = new double[rows.size()];
        double[] ratios = new double[rows.size()];
        int i = 0;
        for (Comparison.Row r : rows) {
            BenchmarkResult b = r.baseResult();
            StringBuilder label = new StringBuilder();
            if (classesOfMethod.get(b.method()).size() > 1) {
                // the method alone is ambiguous: say which class
                String cls = b.className();
                label.append(cls.substring(cls.lastIndexOf('.') + 1)).append('.');
            }
            label.append(b.method());
            new TreeMap<>(b.params()).forEach((k, v) -> {
                if (!(byStore && k.equals(Side.STORE_PARAM)) && !shared.containsKey(k)) {
                    label.append(' ').append(k).append('=').append(v);
                }
            });
            if (modes.size() > 1) {
                label.append(' ').append(b.mode());
            }
            label.append(" t=").append(b.threads());
            labelled.add(r.withLabel(label.toString()));
            bc[i] = r.baseCentre().centre();
            hc[i] = r.headCentre().centre();
            ratios[i] = r.ratio();
            i++;
        }
        String why = Stats.geomeanProblem(ratios);
        return new Comparison.Table(metric, unit, Metric.higherIsBetter(unit), labelled, shared,
                Stats.geomean(bc), Stats.geomean(hc), Stats.geomean(ratios), why == null ? null : "ratios: " + why);
    }

    private static List<String> sampleNotes(List<Comparison.Table> tables) {
        List<String> notes = new ArrayList<>();
        boolean iterations = false;
        boolean forks = false;
        boolean paired = false;
        boolean unpaired = false;
        boolean single = false;
        double worstMinP = 0;
        String worstN = null;
        for (Comparison.Table t : tables) {
            for (Comparison.Row r : t.rows()) {
                iterations |= r.samples() == SampleKind.ITERATIONS;
                forks |= r.samples() == SampleKind.FORK_MEANS;
                paired |= r.analysis().isPaired();
                unpaired |= !r.analysis().isPaired() && r.change() != Change.UNKNOWN;
                single |= r.baseCentre().n() == 1 || r.headCentre().n() == 1;
                if (r.change() != Change.UNKNOWN && r.minimumP() > worstMinP) {
                    worstMinP = r.minimumP();
                    worstN = r.test().sizes().substring(2);
                }
            }
        }
        if (forks) {
            notes.add("Samples: per-fork means (each side has at least " + SampleKind.MIN_FORKS
                    + " forks; iterations of one fork are correlated and are never treated as independent samples).");
        }
        if (iterations) {
            notes.add("Samples: measurement iterations where a side has a single fork. Iterations of one fork are"
                    + " correlated, so those p-values and intervals are optimistic.");
        }
        if (paired) {
            notes.add("Paired by round: forks of the two benchmarks that ran in the same round are compared as a pair;"
                    + " ratio = median of the per-round ratios, interval = Walsh averages of the log ratios,"
                    + " test = Wilcoxon signed-rank (exact). Drift between rounds cancels out.");
        }
        if (unpaired) {
            notes.add("Unpaired rows: ratio of medians, Moses' interval, Mann-Whitney U (exact while counting is cheap,"
                    + " else the normal approximation with tie and continuity correction).");
        }
        if (single) {
            notes.add("Some sides have one sample: no interval exists (shown as ± ∞).");
        }
        double lowest = tables.stream().flatMap(t -> t.rows().stream())
                .flatMap(r -> java.util.stream.Stream.of(r.baseCentre(), r.headCentre()))
                .filter(i -> i.n() > 1).mapToDouble(Stats.Interval::confidence).min().orElse(1);
        if (lowest < LEVEL) {
            notes.add(String.format(java.util.Locale.ROOT, "Some sides have fewer than 6 samples: their interval is [min, max], which"
                    + " covers the median with only %.1f%% confidence.", lowest * 100));
        }
        if (worstMinP > ALPHA) {
            notes.add(String.format(java.util.Locale.ROOT, "With %s samples the smallest attainable p is %.3f > α = %.2f: such rows"
                    + " can only show \"~\", whatever the stores do%s.", worstN, worstMinP, ALPHA,
                    paired ? " (a paired test needs at least 6 rounds)" : ""));
        }
        notes.add("Intervals: medians with their distribution-free order-statistic interval (95% asked; the"
                + " actual coverage is discrete); \"~\" when p > 0.05.");
        return notes;
    }
}
