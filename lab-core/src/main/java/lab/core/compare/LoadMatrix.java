package lab.core.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.core.record.LoadResults;

/**
 * A load run's figures as every reader shows them ({@code ./lab load}'s table, the site's load
 * page, the RPS claims): per store and connection count, the median requests/s over the timing
 * rounds with its order-statistic interval ({@link Stats#medianInterval}, real coverage kept),
 * the medians of wrk's latency percentiles, the errors summed, and the profiled pass's counts per
 * request; per store, the connection count at which it served the most (its measured maximum).
 */
public final class LoadMatrix {

    /**
     * One store at one connection count.
     *
     * @param rps        requests/s: median over the rounds with its interval
     * @param p50        the median over rounds of wrk's 50th percentile latency, µs (likewise p90, p99, max)
     * @param non2xx     responses other than 2xx/3xx, all rounds
     * @param errors     socket errors (connect, read, write, timeout), all rounds
     * @param requests   requests completed, all rounds
     * @param profiled   the profiled pass's sample, or null
     */
    public record Cell(String store, int connections, Stats.Interval rps, double p50, double p90, double p99,
                       double max, long non2xx, long errors, long requests, LoadResults.Profiled profiled) {

        /** Locks per request in the profiled pass (NaN without counts). */
        public double locksPerRequest() {
            return perRequest(LoadResults.Counts::locks);
        }

        public double contendedPerRequest() {
            return perRequest(LoadResults.Counts::contended);
        }

        public double parksPerRequest() {
            return perRequest(LoadResults.Counts::parks);
        }

        /** Allocation sites executed in included classes per request (before escape analysis). */
        public double allocationsPerRequest() {
            return perRequest(LoadResults.Counts::allocations);
        }

        private double perRequest(java.util.function.ToLongFunction<LoadResults.Counts> count) {
            return profiled == null || profiled.counts() == null ? Double.NaN
                    : profiled.perRequest(count.applyAsLong(profiled.counts()));
        }

        /** Whether any request of the timing rounds failed (a status other than 2xx/3xx, or a socket error). */
        public boolean hasErrors() {
            return non2xx > 0 || errors > 0;
        }
    }

    /** One store: its cells by connection count, and the cell with the highest median requests/s. */
    public record Row(String store, List<Cell> cells, Cell best) {
    }

    private final List<Row> rows;

    private LoadMatrix(List<Row> rows) {
        this.rows = rows;
    }

    public static LoadMatrix of(LoadResults results) {
        List<Row> rows = new ArrayList<>();
        for (String store : results.stores()) {
            List<Cell> cells = new ArrayList<>();
            for (LoadResults.Point p : results.points()) {
                if (p.store().equals(store)) {
                    cells.add(cell(p));
                }
            }
            Cell best = cells.stream().filter(c -> c.rps().n() > 0)
                    .max(Comparator.comparingDouble(c -> c.rps().centre())).orElse(null);
            rows.add(new Row(store, List.copyOf(cells), best));
        }
        return new LoadMatrix(List.copyOf(rows));
    }

    static Cell cell(LoadResults.Point p) {
        List<LoadResults.Sample> s = p.rounds();
        return new Cell(p.store(), p.connections(), Stats.medianInterval(p.rps(), Comparer.LEVEL),
                median(s, l -> l.p50()), median(s, l -> l.p90()), median(s, l -> l.p99()), median(s, l -> l.max()),
                s.stream().mapToLong(LoadResults.Sample::non2xx).sum(),
                s.stream().mapToLong(x -> x.errors() == null ? 0 : x.errors().total()).sum(),
                s.stream().mapToLong(LoadResults.Sample::requests).sum(), p.profiled());
    }

    private static double median(List<LoadResults.Sample> samples, java.util.function.ToDoubleFunction<LoadResults.Latency> f) {
        return Stats.median(latencies(samples, f));
    }

    /**
     * One of wrk's latency figures (µs) at a point: the median over the timing rounds with its
     * order-statistic interval, the same median as the {@link Cell}'s.
     */
    public static Stats.Interval latency(LoadResults.Point p, java.util.function.ToDoubleFunction<LoadResults.Latency> f) {
        return Stats.medianInterval(latencies(p.rounds(), f), Comparer.LEVEL);
    }

    private static double[] latencies(List<LoadResults.Sample> samples, java.util.function.ToDoubleFunction<LoadResults.Latency> f) {
        return samples.stream().filter(x -> x.latency() != null).mapToDouble(x -> f.applyAsDouble(x.latency())).toArray();
    }

    public List<Row> rows() {
        return rows;
    }

    public Optional<Row> row(String store) {
        return rows.stream().filter(r -> r.store().equals(store)).findFirst();
    }
}
