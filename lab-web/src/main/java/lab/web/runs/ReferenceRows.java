package lab.web.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.bench.run.RunPlan;
import lab.core.compare.Comparer;
import lab.core.compare.Stats;
import lab.core.record.BenchmarkResult;
import lab.core.record.Figures;
import lab.core.record.Metric;
import lab.core.store.StoreType;
import lab.web.Format;
import lab.web.flame.FlameCatalog;

/**
 * The wake-up floors of a run (issue 13): a blocking request/reply between two threads with no
 * store in between, measured in SampleTime mode, shown as reference rows — the distribution of the
 * sampled round trips (JMH's percentiles: on this VM the round trip is two regimes, an idle vCPU's
 * wake-up and a busy one's, so a mean would describe neither), and each actor store's operation
 * as a multiple of each floor (paired by round). The read floor is a row of the read tables
 * ({@link DecisionTables}).
 */
final class ReferenceRows {

    static final String READ_FLOOR = RunPlan.READ_FLOOR;
    static final List<String> WAKEUP_FLOORS = RunPlan.WAKEUP_FLOORS;

    /** JMH's percentile keys and how the page names them. */
    static final List<String[]> PERCENTILES = List.of(new String[] {"0.0", "min"}, new String[] {"50.0", "p50"},
            new String[] {"90.0", "p90"}, new String[] {"95.0", "p95"}, new String[] {"99.0", "p99"}, new String[] {"99.9", "p99.9"},
            new String[] {"100.0", "max"});

    /** The operations held against the floors: one request each (getAll and contention are not one hand-off). */
    static final List<String> ACTOR_WORKLOADS = List.of("read", "write");

    /** Above this p90/p50 the distribution is called two-regime on the page. */
    static final double SPREAD = 2;

    record Percentile(String name, String value) {
    }

    /** One actor store's operation against each wake-up floor (same order as the floors). */
    record ActorRow(String label, String detail, String cost, List<DecisionTables.Ratio> multiples) {
    }

    /**
     * The wake-up floors of one JVM configuration.
     *
     * @param floors  one per floor benchmark measured
     * @param actors  CHANNEL's and DISRUPTOR's operations at one thread against them
     */
    record Section(String jvm, List<Floor> floors, List<ActorRow> actors) {
    }

    /**
     * @param mean        the mean round trip: median of the timing forks' means with its interval
     * @param percentiles JMH's percentiles of every sampled round trip
     * @param regimes     the sentence on the distribution's shape
     */
    record Floor(String name, String what, String mean, String coverage, List<Percentile> percentiles, String regimes,
                 BarChart.Chart chart, List<FlameCatalog.Link> flames) {
    }

    private ReferenceRows() {
    }

    static List<Section> build(List<BenchmarkResult> results, Integer cores, FlameCatalog flames) {
        List<String> jvms = new ArrayList<>();
        for (BenchmarkResult r : results) {
            if (WAKEUP_FLOORS.contains(r.benchmark()) && !jvms.contains(String.valueOf(r.jvmConfig()))) {
                jvms.add(String.valueOf(r.jvmConfig()));
            }
        }
        List<Section> out = new ArrayList<>();
        for (String jvm : jvms) {
            List<BenchmarkResult> floors = new ArrayList<>();
            for (String name : WAKEUP_FLOORS) {
                results.stream().filter(r -> r.benchmark().equals(name) && String.valueOf(r.jvmConfig()).equals(jvm)).findFirst()
                        .ifPresent(floors::add);
            }
            List<Floor> fs = new ArrayList<>();
            for (BenchmarkResult f : floors) {
                fs.add(floor(f, flames));
            }
            List<ActorRow> actors = new ArrayList<>();
            for (BenchmarkResult r : results) {
                if (r.threads() != 1 || !String.valueOf(r.jvmConfig()).equals(jvm) || !actor(r) || !ACTOR_WORKLOADS.contains(r.method())) {
                    continue;
                }
                List<DecisionTables.Ratio> multiples = new ArrayList<>();
                for (BenchmarkResult f : floors) {
                    multiples.add(PairedRatio.multiple(f, r));
                }
                String wait = DecisionTables.waitText(r, cores);
                actors.add(new ActorRow(DecisionTables.storeLabel(r.param("store")) + " " + r.method(),
                        r.param("store") + " · " + r.method() + " · 1 thread" + (wait.isEmpty() ? "" : " · " + wait), median(r.primary()),
                        multiples));
            }
            out.add(new Section("null".equals(jvm) ? null : jvm, fs, actors));
        }
        return out;
    }

    private static boolean actor(BenchmarkResult r) {
        try {
            return r.param("store") != null && StoreType.valueOf(r.param("store")).isActor();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The median of the timing forks' means with its interval, and the unit. */
    static String median(Metric m) {
        double[] x = m.forkMeans();
        if (x.length == 0 || java.util.Arrays.stream(x).anyMatch(v -> !Double.isFinite(v))) {
            return "—";
        }
        return Format.interval(Stats.medianInterval(x, Comparer.LEVEL)) + " " + m.unit();
    }

    static Floor floor(BenchmarkResult f, FlameCatalog flames) {
        Metric m = f.primary();
        List<Percentile> ps = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (String[] p : PERCENTILES) {
            Double v = m.percentiles().get(p[0]);
            if (v != null && Double.isFinite(v)) {
                ps.add(new Percentile(p[1], Figures.plain(v)));
                bars.add(new BarChart.Bar(p[1], v, Double.NaN, p[1].equals("p50")));
            }
        }
        Double p50 = m.percentiles().get("50.0");
        Double p90 = m.percentiles().get("90.0");
        Double min = m.percentiles().get("0.0");
        String regimes;
        if (p50 == null || p90 == null || !(p50 > 0)) {
            regimes = "JMH recorded no percentiles for this result (not SampleTime mode, or an imported file without them).";
        } else if (p90 / p50 > SPREAD) {
            regimes = String.format(Locale.ROOT, "Two regimes: p90 is %s× p50. As WakeupFloorBenchmark documents for this VM, a"
                    + " wake-up costs a hypervisor round when the woken thread's vCPU has gone idle, far less while the cores are"
                    + " busy. The mean describes neither: read the percentiles.", Figures.plain(p90 / p50));
        } else if (min != null && min > 0 && p50 / min > SPREAD * SPREAD) {
            regimes = String.format(Locale.ROOT, "The median round trip is %s× the fastest (p90 is %s× p50): fast hand-offs, a"
                    + " busy core's wake-up, are a minority of this run's samples, below the median where JMH's summary keeps only"
                    + " the minimum; the whole histogram is in jmh.json (rawDataHistogram). The mean describes neither regime.",
                    Figures.plain(p50 / min), Figures.plain(p90 / p50));
        } else {
            regimes = String.format(Locale.ROOT, "One regime in this run: p90 is %s× p50, p50 %s× the minimum.",
                    Figures.plain(p90 / p50), min == null || !(min > 0) ? "?" : Figures.plain(p50 / min));
        }
        double[] x = m.forkMeans();
        Stats.Interval mean = x.length == 0 || java.util.Arrays.stream(x).anyMatch(v -> !Double.isFinite(v))
                ? new Stats.Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0) : Stats.medianInterval(x, Comparer.LEVEL);
        String what = f.method().equals("parkUnpark") ? "park/unpark ping-pong: two wake-ups per round trip, nothing else"
                : "the same round trip through two ArrayBlockingQueues (ChannelStore's queue class): the wake-ups plus the queue's lock";
        return new Floor("wake-up floor · " + f.method(), what, Format.interval(mean) + " " + m.unit(), Format.coverage(mean), ps, regimes,
                bars.isEmpty() ? null : BarChart.of(bars, m.unit() + " per round trip, percentiles of the sampled round trips", false),
                flames.links(f.key()));
    }

    /** For the template: whether any section has floors. */
    static boolean any(List<Section> sections) {
        return sections.stream().anyMatch(s -> !s.floors().isEmpty());
    }
}
