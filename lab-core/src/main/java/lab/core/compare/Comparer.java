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
 * JMH results.
 *
 * <p>Rows are matched by {@link BenchmarkResult#key()} (benchmark, params, mode, threads); when a
 * side is one store of a run, by the key without the {@code store} param, so that "MEMORY read at 2
 * threads" lines up with "SHARD read at 2 threads". Per row: the median of each side with its
 * order-statistic interval, the ratio head/base, the two-sided Mann-Whitney U p-value, and "~"
 * (no change) when p &gt; α. Samples are per-fork means when both sides have at least
 * {@value SampleKind#MIN_FORKS} forks, iterations otherwise; the table says which. Better/worse
 * follows the unit. A geomean row closes each table.
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
        Function<BenchmarkResult, String> keyOf = byStore ? r -> r.keyWithout(Side.STORE_PARAM) : BenchmarkResult::key;

        Map<String, BenchmarkResult> baseRows = index(base.selected(), keyOf);
        Map<String, BenchmarkResult> headRows = index(head.selected(), keyOf);
        List<String> matched = new ArrayList<>();
        List<String> onlyBase = new ArrayList<>();
        for (String k : baseRows.keySet()) {
            (headRows.containsKey(k) ? matched : onlyBase).add(k);
        }
        List<String> onlyHead = headRows.keySet().stream().filter(k -> !baseRows.containsKey(k)).toList();

        List<String> metrics = new ArrayList<>();
        if (asked.equals(ALL)) {
            metrics.add(PRIMARY);
            Set<String> names = new LinkedHashSet<>();
            for (String k : matched) {
                names.addAll(baseRows.get(k).secondary().keySet());
            }
            metrics.addAll(names);
        } else {
            metrics.add(asked);
        }

        List<String> notes = new ArrayList<>();
        List<Comparison.Table> tables = new ArrayList<>();
        for (String m : metrics) {
            Map<String, List<Comparison.Row>> byUnit = new LinkedHashMap<>();
            int missing = 0;
            for (String k : matched) {
                BenchmarkResult b = baseRows.get(k);
                BenchmarkResult h = headRows.get(k);
                Metric bm = metric(b, m);
                Metric hm = metric(h, m);
                if (bm == null || hm == null) {
                    missing++;
                    continue;
                }
                Comparison.Row row = row(k, b, h, bm, hm);
                if (row.baseSamples().length == 0 && row.headSamples().length == 0) {
                    // e.g. JMH's "async" placeholder result: nothing measured, nothing to show
                    continue;
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
        if (matched.isEmpty()) {
            notes.add("No benchmark is present on both sides" + (byStore ? " (rows are matched without the store param)" : "") + ".");
        } else if (tables.isEmpty()) {
            notes.add("No matching row has the metric " + asked + ".");
        }
        notes.addAll(sampleNotes(tables));
        return new Comparison(base, head, asked, ALPHA, tables, onlyBase, onlyHead, notes);
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

    public static double[] samples(Metric m, SampleKind kind) {
        double[] s = kind == SampleKind.FORK_MEANS ? m.forkMeans() : m.iterationSamples();
        if (s.length == 0 && Double.isFinite(m.score())) {
            // a result without raw data (hand-written or foreign JSON): the score is all there is
            return new double[] {m.score()};
        }
        return java.util.Arrays.stream(s).filter(Double::isFinite).toArray();
    }

    static Comparison.Row row(String key, BenchmarkResult b, BenchmarkResult h, Metric bm, Metric hm) {
        SampleKind kind = sampleKind(bm, hm);
        double[] bs = samples(bm, kind);
        double[] hs = samples(hm, kind);
        Stats.Interval bc = Stats.medianInterval(bs, LEVEL);
        Stats.Interval hc = Stats.medianInterval(hs, LEVEL);
        double ratio = Stats.ratio(hc.centre(), bc.centre());
        MannWhitney.Result test = MannWhitney.test(hs, bs);
        Change change;
        if (bs.length == 0 || hs.length == 0) {
            change = Change.UNKNOWN;
        } else if (!(test.p() <= ALPHA) || ratio == 1) {
            change = Change.SAME;
        } else {
            boolean up = hc.centre() > bc.centre();
            change = up == Metric.higherIsBetter(bm.unit()) ? Change.BETTER : Change.WORSE;
        }
        return new Comparison.Row(key, b.method(), b, h, kind, bs, hs, bc, hc, ratio, test, change);
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
            labelled.add(new Comparison.Row(r.key(), label.toString(), r.baseResult(), r.headResult(), r.samples(),
                    r.baseSamples(), r.headSamples(), r.baseCentre(), r.headCentre(), r.ratio(), r.test(), r.change()));
            bc[i] = r.baseCentre().centre();
            hc[i] = r.headCentre().centre();
            ratios[i] = r.ratio();
            i++;
        }
        return new Comparison.Table(metric, unit, Metric.higherIsBetter(unit), labelled, shared,
                Stats.geomean(bc), Stats.geomean(hc), Stats.geomean(ratios));
    }

    private static List<String> sampleNotes(List<Comparison.Table> tables) {
        List<String> notes = new ArrayList<>();
        boolean iterations = false;
        boolean forks = false;
        double worstMinP = 0;
        String worstN = null;
        for (Comparison.Table t : tables) {
            for (Comparison.Row r : t.rows()) {
                iterations |= r.samples() == SampleKind.ITERATIONS;
                forks |= r.samples() == SampleKind.FORK_MEANS;
                if (r.minimumP() > worstMinP) {
                    worstMinP = r.minimumP();
                    worstN = r.baseSamples().length + "+" + r.headSamples().length;
                }
            }
        }
        if (forks) {
            notes.add("Samples: per-fork means (each side has at least " + SampleKind.MIN_FORKS + " forks).");
        }
        if (iterations) {
            notes.add("Samples: measurement iterations, because a side has fewer than " + SampleKind.MIN_FORKS
                    + " forks. Iterations of one fork are correlated, so p-values and intervals are optimistic;"
                    + " use the full profile (at least 3 forks) before calling a change.");
        }
        double lowest = tables.stream().flatMap(t -> t.rows().stream())
                .flatMap(r -> java.util.stream.Stream.of(r.baseCentre(), r.headCentre()))
                .filter(i -> i.n() > 1).mapToDouble(Stats.Interval::confidence).min().orElse(1);
        if (lowest < LEVEL) {
            notes.add(String.format("Some sides have fewer than 6 samples: their interval is [min, max], which"
                    + " covers the median with only %.1f%% confidence.", lowest * 100));
        }
        if (worstMinP > ALPHA) {
            notes.add(String.format("With %s samples the smallest attainable p is %.3f > α = %.2f: such rows"
                    + " can only show \"~\", whatever the stores do.", worstN, worstMinP, ALPHA));
        }
        notes.add("Intervals: median with its distribution-free order-statistic interval (95% asked; the"
                + " actual coverage is discrete). Test: two-sided Mann-Whitney U, exact up to "
                + MannWhitney.EXACT_MAX_PER_SIDE + " samples a side; \"~\" when p > 0.05.");
        return notes;
    }
}
