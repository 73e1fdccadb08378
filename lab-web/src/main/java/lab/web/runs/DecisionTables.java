package lab.web.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lab.core.record.BenchmarkResult;
import lab.core.record.Metric;
import lab.core.store.StoreType;
import lab.core.record.Figures;
import lab.web.Links;
import lab.web.flame.FlameCatalog;

/**
 * The decision log's tables, from one run's JMH results: one table per workload × thread count
 * (and mode, and any other param), one row per store, the score with JMH's 99.9% error, the ratio
 * to the MemoryStore baseline, and the per-operation costs the gc profiler and the lab's agent
 * reported.
 *
 * <p>Ratio and its uncertainty: for throughput the speed-up is {@code x / base}, for time per
 * operation {@code base / x}. Relative errors add in quadrature, {@code δr/r = √((δx/x)² +
 * (δb/b)²)} (first-order propagation, treating JMH's half-widths as independent). When the two
 * 99.9% intervals overlap, the table says "~ within error" instead of a direction — the
 * conservative reading the decision log should have used. A figure whose metric has no error
 * (one iteration, or a counter JMH did not aggregate) is marked, never silently shown as exact.
 *
 * <p>Foreign JMH results (no {@code store} param) render too: one table per benchmark class,
 * mode and thread count; rows are methods plus params; no baseline.
 */
public final class DecisionTables {

    /** The per-operation metrics of the decision log, in its column order. */
    public static final List<MetricColumn> METRICS = List.of(
            new MetricColumn("gc.alloc.rate.norm", "B/op", "bytes allocated per operation (JMH -prof gc: after escape analysis)"),
            new MetricColumn("lab.alloc.count.norm", "allocs/op", "allocation sites executed per operation (lab agent: bytecode, before escape analysis)"),
            new MetricColumn("lab.lock.acquire.norm", "locks/op", "lock acquisitions per operation (lab agent)"),
            new MetricColumn("lab.lock.contended.norm", "contended/op", "acquisitions that had to wait, per operation (lab agent)"),
            new MetricColumn("lab.park.norm", "parks/op", "LockSupport.park calls per operation (lab agent)"),
            new MetricColumn("lab.ctxsw.voluntary.norm", "ctx sw/op", "voluntary context switches per operation (from /proc)"));

    private static final List<String> WORKLOADS = List.of("read", "write", "create", "mixed", "getAll", "contention");

    /**
     * A per-operation column.
     *
     * @param source which forks its figures come from: "timing" (the timing forks: JMH's gc
     *               profiler only) or "profiled" (the one profiled fork: the lab agent, async-profiler
     *               and gc); "" for runs without a profiled fork (imports, older runs)
     */
    public record MetricColumn(String name, String header, String title, String source) {
        public MetricColumn(String name, String header, String title) {
            this(name, header, title, "");
        }

        MetricColumn from(String s) {
            return new MetricColumn(name, header, title + " — from the " + s + " fork" + (s.equals("timing") ? "s" : ""), s);
        }

        /** The lab agent's and /proc's counts: measured only where the agent ran. */
        boolean counted() {
            return name.startsWith("lab.");
        }
    }

    /** A figure: its text, its error text ("" when none), a sort key, and whether it lacks an error. */
    public record Cell(String text, String error, String sort, boolean noError, boolean missing) {
        static Cell of(Metric m) {
            if (m == null || Double.isNaN(m.score())) {
                return new Cell("—", "", "", false, true);
            }
            return new Cell(Figures.value(m.score(), m.scoreError()), m.hasError() ? "± " + Figures.error(m.scoreError()) : "",
                    Double.toString(m.score()), !m.hasError(), false);
        }
    }

    /** The ratio to the baseline: text, its uncertainty, a CSS class (faster/slower/same/base/none). */
    public record Ratio(String text, String error, String cls, String title, String sort) {
    }

    /**
     * @param compareHref the benchstat comparison of this store against the baseline (null for the baseline and foreign rows)
     * @param reference   a reference row (the read floor), not a store
     * @param floor       this row's cost as a multiple of the read floor (read tables of runs that measured it), or null
     * @param forks       the timing forks' means, one dot each
     */
    public record Row(String label, String detail, String key, boolean baseline, Cell score, ForkSpread forks, String unit,
                      Ratio ratio, List<Cell> metrics, List<FlameCatalog.Link> flames, String compareHref, boolean reference,
                      Ratio floor) {
    }

    /**
     * One table. {@code part} says which rows of a table split across pages this is ("" when
     * whole); {@code bars} are the chart's inputs, kept so a part can draw its own chart.
     */
    public record Table(String anchor, String title, String subtitle, String unit, boolean higherIsBetter,
                        String baselineLabel, List<MetricColumn> columns, List<Row> rows, BarChart.Chart chart, boolean anyNoError,
                        List<String> otherColumns, List<OtherRow> otherRows, List<BarChart.Bar> bars, String part,
                        boolean floorColumn, String analysis) {

        public int size() {
            return rows.size();
        }

        /** Rows {@code from} … {@code to} (exclusive) as a table of their own, with its chart. */
        public Table slice(int from, int to) {
            if (from == 0 && to == rows.size()) {
                return this;
            }
            List<Row> r = rows.subList(from, to);
            String p = String.format(Locale.ROOT, "rows %,d–%,d of %,d", from + 1, to, rows.size());
            return new Table(anchor + "-" + (from + 1), title, subtitle, unit, higherIsBetter, baselineLabel, columns, List.copyOf(r),
                    BarChart.of(bars.subList(from, to), unit, higherIsBetter), r.stream().anyMatch(x -> x.score().noError()
                    || x.metrics().stream().anyMatch(Cell::noError)), otherColumns,
                    otherRows.isEmpty() ? otherRows : List.copyOf(otherRows.subList(from, to)), List.copyOf(bars.subList(from, to)), p,
                    floorColumn, analysis);
        }
    }

    /** Every other secondary metric of a row (gc counts and times, thread waits, profiler extras). */
    public record OtherRow(String label, List<Cell> cells) {
    }

    private DecisionTables() {
    }

    /**
     * The tables cut into pages of at most {@code rowsPerPage} rows, in order; a table longer than
     * what is left of a page continues on the next. Always at least one (possibly empty) page.
     */
    public static List<List<Table>> pages(List<Table> tables, int rowsPerPage) {
        List<List<Table>> pages = new ArrayList<>();
        List<Table> page = new ArrayList<>();
        int used = 0;
        for (Table t : tables) {
            int i = 0;
            while (i < t.size()) {
                int take = Math.min(rowsPerPage - used, t.size() - i);
                page.add(t.slice(i, i + take));
                used += take;
                i += take;
                if (used == rowsPerPage) {
                    pages.add(List.copyOf(page));
                    page.clear();
                    used = 0;
                }
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(List.copyOf(page));
        }
        return pages;
    }

    /** The tables of results without profiled forks (imports, older runs, tests). */
    public static List<Table> build(String runId, List<BenchmarkResult> results, FlameCatalog flames) {
        return build(runId, results, List.of(), null, flames);
    }

    /**
     * The tables of a run: scores and B/op from its timing results, the lab's counts from each
     * result's profiled fork when the run has them ({@code profiled}, matched by key), the read
     * floor as a reference row of each read table, the wake-up floors left to
     * {@link ReferenceRows}.
     *
     * @param cores the machine's cores (what an actor's {@code wait=auto} resolves to), or null
     */
    public static List<Table> build(String runId, List<BenchmarkResult> results, List<BenchmarkResult> profiled, Integer cores,
                                    FlameCatalog flames) {
        Map<String, BenchmarkResult> profiledByKey = new LinkedHashMap<>();
        for (BenchmarkResult p : profiled) {
            profiledByKey.putIfAbsent(p.key(), p);
        }
        Map<String, List<BenchmarkResult>> groups = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            if (!ReferenceRows.WAKEUP_FLOORS.contains(r.benchmark())) {
                groups.computeIfAbsent(groupKey(r), k -> new ArrayList<>()).add(r);
            }
        }
        // the read floor of each thread count and JVM joins the read table of the same
        java.util.Set<BenchmarkResult> attached = new java.util.HashSet<>();
        Map<String, BenchmarkResult> floors = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            if (ReferenceRows.READ_FLOOR.equals(r.benchmark())) {
                floors.putIfAbsent(r.threads() + "|" + r.jvmConfig(), r);
            }
        }
        List<List<BenchmarkResult>> ordered = new ArrayList<>(groups.values());
        ordered.sort((a, b) -> compareGroups(a.get(0), b.get(0)));
        List<Table> tables = new ArrayList<>(ordered.size());
        int n = 0;
        for (List<BenchmarkResult> g : ordered) {
            BenchmarkResult first = g.get(0);
            BenchmarkResult floor = labStyle(first) && "read".equals(first.method())
                    ? floors.get(first.threads() + "|" + first.jvmConfig()) : null;
            if (floor != null && !floor.primary().unit().equals(first.primary().unit())) {
                floor = null;
            }
            if (floor != null) {
                attached.add(floor);
            }
            tables.add(table(runId, "t" + (++n), g, floor, profiledByKey, cores, flames));
        }
        // a floor that joined a read table is not drawn again as a table of its own
        tables.removeIf(t -> t.rows().size() == 1 && t.baselineLabel() == null
                && attached.stream().anyMatch(f -> f.key().equals(t.rows().get(0).key())));
        return tables;
    }

    static boolean labStyle(BenchmarkResult r) {
        return r.param("store") != null;
    }

    /** The actor stores' wait-strategy param: the stores of one table differ in it, so it does not split tables. */
    static final String WAIT = "wait";

    static String groupKey(BenchmarkResult r) {
        if (!labStyle(r)) {
            return "jmh|" + r.className() + "|" + r.mode() + "|" + r.threads() + "|" + r.jvmConfig();
        }
        Map<String, String> rest = new java.util.TreeMap<>(r.params());
        rest.remove("store");
        rest.remove(WAIT);
        return "lab|" + BenchmarkResult.key(r.benchmark(), rest, r.mode(), r.threads(), r.jvmConfig());
    }

    /** "wait blocking", "wait auto → blocking (2 cores)" for actor stores; "" for the others. */
    static String waitText(BenchmarkResult r, Integer cores) {
        String w = r.param(WAIT);
        boolean actor;
        try {
            actor = StoreType.valueOf(r.param("store")).isActor();
        } catch (IllegalArgumentException | NullPointerException e) {
            actor = false;
        }
        if (!actor || w == null) {
            return "";
        }
        if (lab.core.store.ActorWait.AUTO.equals(w) && cores != null) {
            // runs that recorded "auto" resolved it with the rule of their time; new runs record the strategy
            return "wait auto → " + lab.core.store.ActorWait.resolvedInEarlierRuns(cores).paramName() + " (" + cores + " cores)";
        }
        return "wait " + w;
    }

    private static int compareGroups(BenchmarkResult a, BenchmarkResult b) {
        boolean la = labStyle(a);
        boolean lb = labStyle(b);
        if (la != lb) {
            return la ? -1 : 1;
        }
        if (la) {
            int c = Integer.compare(workloadRank(a.method()), workloadRank(b.method()));
            if (c != 0) {
                return c;
            }
            c = a.method().compareTo(b.method());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a.threads(), b.threads());
            return c != 0 ? c : a.keyWithout("store").compareTo(b.keyWithout("store"));
        }
        return 0; // foreign results keep the file's order
    }

    private static int workloadRank(String m) {
        int i = WORKLOADS.indexOf(m);
        return i < 0 ? WORKLOADS.size() : i;
    }

    private static int storeRank(String store) {
        try {
            return StoreType.valueOf(store).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    static String storeLabel(String store) {
        try {
            return StoreType.valueOf(store).logName();
        } catch (IllegalArgumentException e) {
            return store;
        }
    }

    private static Table table(String runId, String anchor, List<BenchmarkResult> group, BenchmarkResult floor,
                               Map<String, BenchmarkResult> profiled, Integer cores, FlameCatalog flames) {
        BenchmarkResult first = group.get(0);
        boolean lab = labStyle(first);
        List<BenchmarkResult> rows = new ArrayList<>(group);
        if (lab) {
            rows.sort(java.util.Comparator.comparingInt((BenchmarkResult r) -> storeRank(r.param("store")))
                    .thenComparing(r -> String.valueOf(r.param(WAIT))));
        }
        BenchmarkResult base = lab ? rows.stream().filter(r -> "MEMORY".equals(r.param("store"))).findFirst().orElse(null) : null;
        String unit = first.primary().unit();
        boolean higher = first.primary().higherIsBetter();
        boolean anyProfiled = !profiled.isEmpty();
        // the lab's counts come from the profiled fork when the run has one (timing forks run without the agent)
        java.util.function.BiFunction<BenchmarkResult, MetricColumn, Metric> metricOf = (r, c) -> {
            if (anyProfiled && c.counted()) {
                BenchmarkResult p = profiled.get(r.key());
                return p == null ? null : p.secondary(c.name());
            }
            return r.secondary(c.name());
        };
        List<MetricColumn> columns = METRICS.stream()
                .filter(c -> rows.stream().anyMatch(r -> metricOf.apply(r, c) != null))
                .map(c -> anyProfiled ? c.from(c.counted() ? "profiled" : "timing") : c)
                .collect(Collectors.toList());
        List<Row> out = new ArrayList<>(rows.size() + 1);
        List<BarChart.Bar> bars = new ArrayList<>(rows.size() + 1);
        java.util.Set<String> analyses = new java.util.LinkedHashSet<>();
        boolean anyNoError = false;
        for (BenchmarkResult r : rows) {
            String label;
            String detail;
            if (lab) {
                label = storeLabel(r.param("store"));
                String wait = waitText(r, cores);
                detail = r.param("store") + (wait.isEmpty() ? "" : " · " + wait);
            } else {
                label = r.method();
                detail = r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            }
            Cell score = Cell.of(r.primary());
            List<Cell> metrics = new ArrayList<>(columns.size());
            for (MetricColumn c : columns) {
                Cell cell = Cell.of(metricOf.apply(r, c));
                metrics.add(cell);
                anyNoError |= cell.noError();
            }
            anyNoError |= score.noError();
            boolean isBase = r == base;
            Ratio ratio;
            if (base == null) {
                ratio = null;
            } else if (isBase) {
                ratio = new Ratio("baseline", "", "base", "the MemoryStore row every ratio is taken against", "1");
            } else if (PairedRatio.applies(base, r)) {
                lab.core.compare.Comparison.Row c = PairedRatio.row(base, r);
                ratio = PairedRatio.of(c);
                analyses.add(PairedRatio.analysis(c));
            } else {
                ratio = ratio(r.primary(), base.primary());
                analyses.add(QUADRATURE);
            }
            String compare = base == null || isBase ? null
                    : Links.query("/compare", "base", runId, "stores", "MEMORY," + r.param("store"));
            Ratio floorMultiple = floor == null ? null : PairedRatio.multiple(floor, r);
            out.add(new Row(label, detail, r.key(), isBase, score, ForkSpread.of(r.primary()), r.primary().unit(), ratio, metrics,
                    flames.links(r.key()), compare, false, floorMultiple));
            bars.add(new BarChart.Bar(label, r.primary().score(), r.primary().scoreError(), isBase));
        }
        if (floor != null) {
            // the reference row: what a read costs at best here (a plain array over the same keys)
            Cell fs = Cell.of(floor.primary());
            List<Cell> fm = new ArrayList<>(columns.size());
            for (MetricColumn c : columns) {
                fm.add(Cell.of(metricOf.apply(floor, c)));
            }
            out.add(new Row("read floor", "reference: a plain Task[] read over the same keys", floor.key(), false, fs,
                    ForkSpread.of(floor.primary()), floor.primary().unit(), new Ratio("reference", "", "base", "a reference row, not a store", ""), fm,
                    flames.links(floor.key()), null, true, new Ratio("1×", "", "base", "the read floor itself", "1")));
            bars.add(new BarChart.Bar("read floor", floor.primary().score(), floor.primary().scoreError(), true));
        }
        String title;
        String subtitle;
        if (lab) {
            title = first.method() + " · " + first.threads() + (first.threads() == 1 ? " thread" : " threads")
                    + (first.jvmConfig() == null ? "" : " · " + first.jvmConfig());
            Map<String, String> other = new LinkedHashMap<>(first.params());
            other.remove("store");
            other.remove(WAIT);
            subtitle = modeName(first.mode()) + (other.isEmpty() ? "" : " · " + other.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))) + " · " + first.className();
        } else {
            title = (first.className().isEmpty() ? first.benchmark() : simpleName(first.className())) + " · "
                    + first.threads() + (first.threads() == 1 ? " thread" : " threads")
                    + (first.jvmConfig() == null ? "" : " · " + first.jvmConfig());
            subtitle = modeName(first.mode()) + " · " + first.className();
        }
        BarChart.Chart chart = BarChart.of(bars, unit, higher);
        // Everything else JMH and the profilers reported, so nothing measured is hidden.
        java.util.Set<String> known = new java.util.HashSet<>();
        METRICS.forEach(c -> known.add(c.name()));
        java.util.LinkedHashMap<String, String> others = new java.util.LinkedHashMap<>();
        for (BenchmarkResult r : rows) {
            r.secondary().forEach((name, m) -> {
                if (!known.contains(name) && !"async".equals(name)) {
                    others.putIfAbsent(name, name + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")"));
                }
            });
        }
        List<OtherRow> otherRows = new ArrayList<>();
        if (!others.isEmpty()) {
            List<BenchmarkResult> all = new ArrayList<>(rows);
            if (floor != null) {
                all.add(floor); // one other-row per row, the reference row last as in the table
            }
            for (int i = 0; i < all.size(); i++) {
                List<Cell> cells = new ArrayList<>();
                for (String name : others.keySet()) {
                    cells.add(Cell.of(all.get(i).secondary(name)));
                }
                otherRows.add(new OtherRow(out.get(i).label(), cells));
            }
        }
        return new Table(anchor, title, subtitle, unit, higher, base == null ? null : storeLabel("MEMORY"), columns, out, chart, anyNoError,
                List.copyOf(others.values()), otherRows, List.copyOf(bars), "", floor != null, analysisText(analyses, rows));
    }

    /** The ratio of a row from JMH's errors alone (runs without the runner's rounds: imports, older runs). */
    static final String QUADRATURE = "JMH's 99.9% errors of both scores added in quadrature (no recorded rounds to pair)";

    /** What the ratio column of a table used, in words. */
    static String analysisText(java.util.Set<String> analyses, List<BenchmarkResult> rows) {
        return String.join("; ", analyses);
    }

    /** The speed-up of {@code x} over {@code base} with its propagated uncertainty. */
    static Ratio ratio(Metric x, Metric base) {
        double a = x.score();
        double b = base.score();
        if (!Double.isFinite(a) || !Double.isFinite(b) || a <= 0 || b <= 0 || !x.unit().equals(base.unit())) {
            return new Ratio("—", "", "none", "no ratio: a score is missing, not positive, or the units differ", "");
        }
        double speedup = x.higherIsBetter() ? a / b : b / a;
        boolean errors = x.hasError() && base.hasError();
        double rel = errors ? Math.sqrt(sq(x.scoreError() / a) + sq(base.scoreError() / b)) : Double.NaN;
        String sort = Double.toString(speedup);
        String exact = String.format(Locale.ROOT, "%s× (x / baseline = %s)", Figures.plain(speedup), Figures.plain(a / b));
        if (errors && Math.abs(a - b) <= x.scoreError() + base.scoreError()) {
            return new Ratio("~ within error", "", "same",
                    "the 99.9% intervals overlap: no difference shown at this precision; point estimate " + exact, sort);
        }
        boolean faster = speedup >= 1;
        double shown = faster ? speedup : 1 / speedup;
        String text = Figures.value(shown, errors ? shown * rel : Double.NaN) + (faster ? "× faster" : "× slower");
        String err = errors ? "± " + Figures.error(shown * rel) : "";
        String title = errors
                ? String.format(Locale.ROOT, "%s; relative error %.1f%% (errors of both scores added in quadrature)", exact, rel * 100)
                : exact + "; no error estimate for at least one score, so no significance is claimed";
        return new Ratio(text, err, errors ? (faster ? "faster" : "slower") : "noerr", title, sort);
    }

    private static double sq(double v) {
        return v * v;
    }

    static String modeName(String mode) {
        return switch (mode == null ? "" : mode) {
            case "thrpt" -> "throughput";
            case "avgt" -> "average time";
            case "sample" -> "sampling";
            case "ss" -> "single shot";
            default -> mode;
        };
    }

    private static String simpleName(String cls) {
        int dot = cls.lastIndexOf('.');
        return dot < 0 ? cls : cls.substring(dot + 1);
    }
}
