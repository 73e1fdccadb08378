package lab.web.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lab.core.compare.Comparer;
import lab.core.compare.LoadMatrix;
import lab.core.compare.Stats;
import lab.core.record.Figures;
import lab.core.record.LoadResults;
import lab.core.store.StoreType;
import lab.web.Format;
import lab.web.flame.FlameCatalog;
import lab.web.runs.BarChart;

/**
 * A load run as the page shows it: the decision log's "Load Testing Decision Matrix" with our
 * measurements beside each of its rows (one row per store of the log or of the run), the full
 * table of every store × connection count, and a chart of each store's measured maximum. Every
 * figure is written by {@link Figures} with its interval; the counts per request come from the
 * single profiled pass and carry no interval (marked †).
 */
final class LoadTables {

    /** The baseline of the ratio column, as on the run page. */
    static final String BASELINE = "MEMORY";

    /**
     * One row of the side-by-side matrix.
     *
     * @param reads     the JMH run's read per thread count ("116 [110–125]"), "—" when it lacks the store
     * @param maxRps    the measured maximum requests/s with its interval; "not in this load run" when absent
     * @param vsBaseline the maximum as a multiple of MemoryStore's, with Moses' interval
     */
    record MatrixRow(String label, String store, boolean inLog, String logBenchmark, String logEstimate, String logWorth,
                     List<String> reads, String maxRps, String maxCoverage, String connections, String vsBaseline,
                     String p99, String locks, String allocations, String non2xx, String errors, boolean failures,
                     List<FlameCatalog.Link> flames, boolean measured) {
    }

    /** One store at one connection count. */
    record CellRow(String label, String store, int connections, int wrkThreads, String rps, String coverage, String p50, String p90,
                   String p99, String max, String non2xx, String errors, boolean failures, String requests, String locks,
                   String contended, String parks, String allocations, String profiledRps, String countsError,
                   List<FlameCatalog.Link> flames, boolean best) {
    }

    record Built(List<MatrixRow> matrix, List<CellRow> cells, BarChart.Chart chart, List<String> logHeader) {
    }

    private LoadTables() {
    }

    static Built build(LoadResults results, LogMatrix log, MeasuredReads reads, FlameCatalog flames) {
        LoadMatrix m = LoadMatrix.of(results);
        // The log's stores in its order, then the run's other stores in StoreType order.
        Set<String> stores = new LinkedHashSet<>();
        log.rows().forEach(r -> stores.add(r.store() == null ? r.implementation() : r.store()));
        results.stores().stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).forEach(stores::add);

        LoadResults.Point baseline = best(results, m, BASELINE);
        List<MatrixRow> matrix = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (String store : stores) {
            LogMatrix.Row lr = log.rows().stream()
                    .filter(r -> store.equals(r.store()) || (r.store() == null && store.equals(r.implementation()))).findFirst().orElse(null);
            List<String> readTexts = new ArrayList<>();
            for (int t : reads.threads()) {
                readTexts.add(Format.interval(reads.read(store, t)));
            }
            LoadMatrix.Row row = m.row(store).orElse(null);
            LoadMatrix.Cell best = row == null ? null : row.best();
            String label = label(store);
            if (best == null) {
                matrix.add(new MatrixRow(label, store, lr != null, lr == null ? "—" : lr.benchmark(), lr == null ? "—" : lr.estMaxRps(),
                        lr == null ? "" : lr.worthIt(), readTexts, row == null ? "not in this load run" : "nothing measured", "", "",
                        "", "", "", "", "", "", false, List.of(), false));
                continue;
            }
            LoadResults.Point bp = results.point(store, best.connections()).orElseThrow();
            Stats.Interval p99 = LoadMatrix.latency(bp, LoadResults.Latency::p99);
            matrix.add(new MatrixRow(label, store, lr != null, lr == null ? "—" : lr.benchmark(), lr == null ? "—" : lr.estMaxRps(),
                    lr == null ? "" : lr.worthIt(), readTexts, Format.interval(best.rps()), Format.coverage(best.rps()),
                    best.connections() + " connection" + (best.connections() == 1 ? "" : "s"),
                    ratio(baseline, bp), ms(p99), count(best.locksPerRequest()), count(best.allocationsPerRequest()),
                    Long.toString(best.non2xx()), Long.toString(best.errors()), best.hasErrors(), flames.links(bp.key()), true));
            bars.add(BarChart.Bar.interval(label, best.rps().centre(), best.rps().lo(), best.rps().hi(), store.equals(BASELINE)));
        }

        List<CellRow> cells = new ArrayList<>();
        for (LoadMatrix.Row row : m.rows()) {
            for (LoadMatrix.Cell c : row.cells()) {
                LoadResults.Point p = results.point(c.store(), c.connections()).orElseThrow();
                LoadResults.Profiled pr = c.profiled();
                cells.add(new CellRow(label(c.store()), c.store(), c.connections(), p.wrkThreads(), Format.interval(c.rps()),
                        Format.coverage(c.rps()), ms(LoadMatrix.latency(p, LoadResults.Latency::p50)),
                        ms(LoadMatrix.latency(p, LoadResults.Latency::p90)), ms(LoadMatrix.latency(p, LoadResults.Latency::p99)),
                        ms(LoadMatrix.latency(p, LoadResults.Latency::max)), Long.toString(c.non2xx()), Long.toString(c.errors()),
                        c.hasErrors(), Figures.fixed(c.requests(), 0), count(c.locksPerRequest()), count(c.contendedPerRequest()),
                        count(c.parksPerRequest()), count(c.allocationsPerRequest()),
                        pr == null || pr.sample() == null ? "" : Figures.plain(pr.sample().rps()),
                        pr == null ? "no profiled pass" : pr.countsError() == null ? "" : pr.countsError(),
                        flames.links(p.key()), c == row.best()));
            }
        }
        return new Built(matrix, cells, BarChart.of(bars, "requests/s (median over rounds, its interval as the whisker)", true),
                log.header());
    }

    private static LoadResults.Point best(LoadResults results, LoadMatrix m, String store) {
        return m.row(store).map(LoadMatrix.Row::best).flatMap(b -> results.point(store, b.connections())).orElse(null);
    }

    /** This point's requests/s over the baseline's, both at their best connection count: ratio of medians, Moses' interval. */
    static String ratio(LoadResults.Point baseline, LoadResults.Point p) {
        if (baseline == null) {
            return "";
        }
        if (baseline == p) {
            return "baseline";
        }
        double[] b = finite(baseline.rps());
        double[] h = finite(p.rps());
        if (b.length == 0 || h.length == 0) {
            return "—";
        }
        Stats.Interval i = Stats.ratioInterval(b, h, Comparer.LEVEL);
        return Format.interval(i) + "×";
    }

    private static double[] finite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).toArray();
    }

    /** A latency interval in µs, written in ms. */
    static String ms(Stats.Interval us) {
        if (us.n() == 0) {
            return "—";
        }
        return Format.interval(new Stats.Interval(us.centre() / 1000, us.lo() / 1000, us.hi() / 1000, us.confidence(), us.n()));
    }

    /** A count per request of the one profiled pass: four significant digits (no interval: one sample). */
    static String count(double perRequest) {
        return Double.isFinite(perRequest) ? Figures.plain(perRequest) : "—";
    }

    static String label(String store) {
        try {
            return StoreType.valueOf(store).logName();
        } catch (IllegalArgumentException e) {
            return store;
        }
    }

    private static int rank(String store) {
        try {
            return StoreType.valueOf(store).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }
}
