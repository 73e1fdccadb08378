package lab.web.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import lab.core.compare.Comparer;
import lab.core.compare.SampleKind;
import lab.core.compare.Side;
import lab.core.compare.Stats;
import lab.core.compare.Units;
import lab.core.record.BenchmarkResult;
import lab.core.record.JmhFormatException;
import lab.core.record.RunKind;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;

/**
 * What the log's "Benchmark Performance" column is beside a load run: each store's read, in ns/op,
 * from the newest complete JMH run of the lab's own runner that is not a smoke run — the median of its timing forks' means
 * with the order-statistic interval (as every comparison of the lab takes it), at each thread count
 * the run measured. The log's figures come from parallel Go benchmarks, so the highest thread count
 * is the one to hold against them.
 *
 * @param runId   the JMH run, or null when no complete one is stored
 * @param threads the thread counts of its read workload, ascending
 */
record MeasuredReads(String runId, String runLabel, List<Integer> threads, List<BenchmarkResult> reads) {

    static final String WORKLOAD = "read";
    static final String NS = "ns/op";

    static final MeasuredReads NONE = new MeasuredReads(null, null, List.of(), List.of());

    /** The newest complete JMH run of {@code ./lab run} among {@code runs} (newest first) with a read workload. */
    static Optional<StoredRun> newestJmhRun(List<StoredRun> runs) {
        for (StoredRun r : runs) {
            if (r.readable() && r.manifest().kind() == RunKind.JMH && r.manifest().status() == RunStatus.COMPLETE
                    && "run".equals(r.manifest().source()) && !smoke(r) && !readsOf(r).isEmpty()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** A smoke run checks that everything works (10,000 tasks, one fork): it measures nothing to hold against the log. */
    private static boolean smoke(StoredRun r) {
        return r.manifest().configuration() != null
                && lab.core.bench.Profile.SMOKE.label().equals(r.manifest().configuration().profile());
    }

    static MeasuredReads of(StoredRun run) {
        if (run == null) {
            return NONE;
        }
        List<BenchmarkResult> reads = readsOf(run);
        TreeSet<Integer> threads = new TreeSet<>();
        reads.forEach(r -> threads.add(r.threads()));
        return new MeasuredReads(run.id(), run.manifest().label(), List.copyOf(threads), reads);
    }

    private static List<BenchmarkResult> readsOf(StoredRun run) {
        try {
            return run.results().stream()
                    .filter(r -> WORKLOAD.equals(r.method()) && r.param(Side.STORE_PARAM) != null)
                    .toList();
        } catch (JmhFormatException e) {
            return List.of();
        }
    }

    /**
     * A store's read at a thread count in ns/op: the median with its interval; n = 0 when the run
     * has no such result or its unit is not a time per operation. A store measured with several
     * wait strategies gives its first.
     */
    Stats.Interval read(String store, int t) {
        Optional<BenchmarkResult> r = reads.stream().filter(x -> store.equals(x.param(Side.STORE_PARAM)) && x.threads() == t)
                .findFirst();
        double factor = r.isEmpty() ? Double.NaN : Units.factor(r.get().primary().unit(), NS);
        if (Double.isNaN(factor)) {
            return new Stats.Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        SampleKind kind = r.get().primary().forkCount() >= SampleKind.MIN_FORKS ? SampleKind.FORK_MEANS : SampleKind.ITERATIONS;
        double[] x = Comparer.samples(r.get().primary(), kind);
        if (Comparer.problem("read", x, kind) != null) {
            return new Stats.Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> ns = new ArrayList<>();
        for (double v : x) {
            ns.add(v * factor);
        }
        return Stats.medianInterval(ns.stream().mapToDouble(Double::doubleValue).toArray(), Comparer.LEVEL);
    }

    /** Which samples {@link #read} takes for a store, in words ("6 fork means", "3 iterations of one fork"). */
    String samples(String store, int t) {
        return reads.stream().filter(x -> store.equals(x.param(Side.STORE_PARAM)) && x.threads() == t).findFirst()
                .map(r -> r.primary().forkCount() >= SampleKind.MIN_FORKS ? r.primary().forkCount() + " timing forks' means"
                        : r.primary().iterationSamples().length + " iterations (fewer than " + SampleKind.MIN_FORKS + " forks)")
                .orElse("");
    }
}
