package lab.api.load;

import java.io.PrintStream;
import java.util.Locale;
import lab.core.compare.LoadMatrix;
import lab.core.compare.Stats;
import lab.core.record.LoadResults;

/**
 * A load run in the terminal: one line per store and connection count (requests/s as the median
 * over rounds with its interval and that interval's real coverage, the medians of wrk's latency
 * percentiles, errors, the profiled pass's counts per request), then each store's measured
 * maximum. The same figures as the site's load page ({@link LoadMatrix}).
 */
public final class LoadTable {

    private static final String ROW = "%-13s %5s  %-34s %9s %9s %9s %9s %8s %7s  %9s %9s %9s %9s%n";

    private LoadTable() {
    }

    public static void print(LoadResults results, PrintStream out) {
        LoadMatrix matrix = LoadMatrix.of(results);
        out.printf(Locale.ROOT, ROW, "store", "conns", "requests/s: median [interval] cover", "p50", "p90", "p99", "max",
                "non-2xx", "errors", "locks/req", "contd/req", "parks/req", "allocs/req");
        for (LoadMatrix.Row row : matrix.rows()) {
            for (LoadMatrix.Cell c : row.cells()) {
                out.printf(Locale.ROOT, ROW, row.store(), c.connections(), rps(c.rps()), ms(c.p50()), ms(c.p90()),
                        ms(c.p99()), ms(c.max()), c.non2xx(), c.errors(), count(c.locksPerRequest()),
                        count(c.contendedPerRequest()), count(c.parksPerRequest()), count(c.allocationsPerRequest()));
            }
        }
        LoadResults.Design d = results.design();
        out.println();
        out.println("Latencies: medians over the rounds of wrk's percentiles (closed loop: at the rate reached). Counts per "
                + "request: the profiled pass (lab agent, whole server JVM: Jetty's own locks included).");
        out.println("Measured maximum per store (" + (d == null ? "?" : d.cores()) + " cores shared by wrk and the server: "
                + "compare the stores, not the absolute figures):");
        for (LoadMatrix.Row row : matrix.rows()) {
            LoadMatrix.Cell b = row.best();
            out.printf(Locale.ROOT, "  %-13s %s%n", row.store(), b == null ? "nothing measured"
                    : rps(b.rps()) + " req/s at " + b.connections() + " connection" + (b.connections() == 1 ? "" : "s")
                    + ", p99 " + ms(b.p99()) + (b.hasErrors() ? " (with errors: " + b.non2xx() + " non-2xx, " + b.errors()
                    + " socket)" : ""));
        }
    }

    /** One timing interval, for the progress lines. */
    static String describe(LoadResults.Sample s) {
        return String.format(Locale.ROOT, "%,.0f req/s, p50 %s, p99 %s, max %s, non-2xx %d, socket errors %d", s.rps(),
                ms(s.latency().p50()), ms(s.latency().p99()), ms(s.latency().max()), s.non2xx(), s.errors().total());
    }

    /** One profiled interval, for the progress lines. */
    static String describe(LoadResults.Profiled p) {
        String rate = String.format(Locale.ROOT, "%,.0f req/s under the agent and async-profiler", p.sample().rps());
        if (p.counts() == null) {
            return rate + "; no counts: " + p.countsError();
        }
        return rate + String.format(Locale.ROOT, "; per request: %s locks, %s contended, %s parks, %s allocations",
                count(p.perRequest(p.counts().locks())), count(p.perRequest(p.counts().contended())),
                count(p.perRequest(p.counts().parks())), count(p.perRequest(p.counts().allocations())));
    }

    static String rps(Stats.Interval i) {
        if (i.n() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,.0f [%,.0f, %,.0f] %.0f%%", i.centre(), i.lo(), i.hi(), i.confidence() * 100);
    }

    static String ms(double micros) {
        if (!Double.isFinite(micros)) {
            return "—";
        }
        double ms = micros / 1000;
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    static String count(double perRequest) {
        if (!Double.isFinite(perRequest)) {
            return "—";
        }
        return String.format(Locale.ROOT, perRequest >= 100 ? "%.0f" : perRequest >= 1 ? "%.2f" : "%.3f", perRequest);
    }
}
