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

    public record MetricColumn(String name, String header, String title) {
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

    /** @param compareHref the benchstat comparison of this store against the baseline (null for the baseline and foreign rows) */
    public record Row(String label, String detail, String key, boolean baseline, Cell score, String unit, Ratio ratio,
                      List<Cell> metrics, List<FlameCatalog.Link> flames, String compareHref) {
    }

    /**
     * One table. {@code part} says which rows of a table split across pages this is ("" when
     * whole); {@code bars} are the chart's inputs, kept so a part can draw its own chart.
     */
    public record Table(String anchor, String title, String subtitle, String unit, boolean higherIsBetter,
                        String baselineLabel, List<MetricColumn> columns, List<Row> rows, BarChart.Chart chart, boolean anyNoError,
                        List<String> otherColumns, List<OtherRow> otherRows, List<BarChart.Bar> bars, String part) {

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
                    otherRows.isEmpty() ? otherRows : List.copyOf(otherRows.subList(from, to)), List.copyOf(bars.subList(from, to)), p);
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

    public static List<Table> build(String runId, List<BenchmarkResult> results, FlameCatalog flames) {
        Map<String, List<BenchmarkResult>> groups = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            groups.computeIfAbsent(groupKey(r), k -> new ArrayList<>()).add(r);
        }
        List<List<BenchmarkResult>> ordered = new ArrayList<>(groups.values());
        ordered.sort((a, b) -> compareGroups(a.get(0), b.get(0)));
        List<Table> tables = new ArrayList<>(ordered.size());
        int n = 0;
        for (List<BenchmarkResult> g : ordered) {
            tables.add(table(runId, "t" + (++n), g, flames));
        }
        return tables;
    }

    static boolean labStyle(BenchmarkResult r) {
        return r.param("store") != null;
    }

    static String groupKey(BenchmarkResult r) {
        return labStyle(r) ? "lab|" + r.keyWithout("store") : "jmh|" + r.className() + "|" + r.mode() + "|" + r.threads();
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

    private static Table table(String runId, String anchor, List<BenchmarkResult> group, FlameCatalog flames) {
        BenchmarkResult first = group.get(0);
        boolean lab = labStyle(first);
        List<BenchmarkResult> rows = new ArrayList<>(group);
        if (lab) {
            rows.sort((a, b) -> Integer.compare(storeRank(a.param("store")), storeRank(b.param("store"))));
        }
        BenchmarkResult base = lab ? rows.stream().filter(r -> "MEMORY".equals(r.param("store"))).findFirst().orElse(null) : null;
        String unit = first.primary().unit();
        boolean higher = first.primary().higherIsBetter();
        List<MetricColumn> columns = METRICS.stream()
                .filter(c -> rows.stream().anyMatch(r -> r.secondary(c.name()) != null))
                .collect(Collectors.toList());
        List<Row> out = new ArrayList<>(rows.size());
        List<BarChart.Bar> bars = new ArrayList<>(rows.size());
        boolean anyNoError = false;
        for (BenchmarkResult r : rows) {
            String label;
            String detail;
            if (lab) {
                label = storeLabel(r.param("store"));
                detail = r.param("store");
            } else {
                label = r.method();
                detail = r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            }
            Cell score = Cell.of(r.primary());
            List<Cell> metrics = new ArrayList<>(columns.size());
            for (MetricColumn c : columns) {
                Cell cell = Cell.of(r.secondary(c.name()));
                metrics.add(cell);
                anyNoError |= cell.noError();
            }
            anyNoError |= score.noError();
            boolean isBase = r == base;
            Ratio ratio = base == null ? null : isBase
                    ? new Ratio("baseline", "", "base", "the MemoryStore row every ratio is taken against", "1")
                    : ratio(r.primary(), base.primary());
            String compare = base == null || isBase ? null
                    : Links.query("/compare", "base", runId, "stores", "MEMORY," + r.param("store"));
            out.add(new Row(label, detail, r.key(), isBase, score, r.primary().unit(), ratio, metrics, flames.links(r.key()), compare));
            bars.add(new BarChart.Bar(label, r.primary().score(), r.primary().scoreError(), isBase));
        }
        String title;
        String subtitle;
        if (lab) {
            title = first.method() + " · " + first.threads() + (first.threads() == 1 ? " thread" : " threads");
            Map<String, String> other = new LinkedHashMap<>(first.params());
            other.remove("store");
            subtitle = modeName(first.mode()) + (other.isEmpty() ? "" : " · " + other.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))) + " · " + first.className();
        } else {
            title = (first.className().isEmpty() ? first.benchmark() : simpleName(first.className())) + " · "
                    + first.threads() + (first.threads() == 1 ? " thread" : " threads");
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
            for (int i = 0; i < rows.size(); i++) {
                List<Cell> cells = new ArrayList<>();
                for (String name : others.keySet()) {
                    cells.add(Cell.of(rows.get(i).secondary(name)));
                }
                otherRows.add(new OtherRow(out.get(i).label(), cells));
            }
        }
        return new Table(anchor, title, subtitle, unit, higher, base == null ? null : storeLabel("MEMORY"), columns, out, chart, anyNoError,
                List.copyOf(others.values()), otherRows, List.copyOf(bars), "");
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
