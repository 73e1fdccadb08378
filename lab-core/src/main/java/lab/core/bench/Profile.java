package lab.core.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lab.core.store.StoreType;

/**
 * The run profiles: how much of the matrix to measure, with how many forks, for how long.
 *
 * <p>A run is rounds of forks (lab.core.bench.run): each round runs one timing fork of every
 * benchmark, then each benchmark gets one profiled fork. A fork costs far more than its
 * iterations — JVM start and JMH, preloading a million tasks, the key streams — so the profiles
 * are sized by forks: see the README's "Where a fork's time goes" for the measured breakdown and
 * the command that measures it. The forks' means are the samples. Two stores of one run are
 * compared pairwise by round, with the exact two-sided Wilcoxon signed-rank test, whose smallest
 * p with n rounds is 2/2^n: 0.0625 at 5 rounds — never significant. Its 95% interval of the ratio
 * (SignedRank#walshInterval) is [W(k), W(M+1-k)] of the M sorted Walsh averages: at 6 rounds
 * k = 1 (96.9%), the smallest and largest per-round ratio; at 7 rounds k = 3 (95.3%), the two most
 * extreme Walsh averages on each side drop out. {@code quick} runs 6: its verdicts agree between two
 * runs as often as at 7 (the six A/A runs of 2026-12-06, each cut to 6 rounds three ways: 93.9-96.0%
 * of readings per pair on average, 94.5% at 7), with ~1.5 more of 79 readings inconclusive, and the
 * seventh round took quick past ten minutes (README, "Running benchmarks"). {@code full} runs 7
 * (two runs, unpaired, 7 against 7 with Mann-Whitney U, can reach p = 0.0006). More rounds narrow
 * the interval but did not make two runs agree more.
 *
 * <ul>
 *   <li>{@code smoke} checks that everything works rather than measures (CI): every store on
 *       read, write and getAll at one thread, 10,000 tasks, one timing fork.</li>
 *   <li>{@code quick} (the default) measures what the decision log's claims read and nothing
 *       else: every store's reads at one thread; the stores the log compares on reads and writes
 *       at one thread and the core count; mixed, contention and getAll only for the stores whose
 *       claims read them. Every store on every workload (create included, which no claim reads)
 *       did not fit in ten minutes (the README's "Running benchmarks" has the wall times).
 *       Iterations are short (2 x 100 ms measured), as the variance that matters is between
 *       forks: the fork's mean is the sample. The warmup depends on the benchmark ({@link #warmupIterations(boolean)}):
 *       2 x 100 ms where a core is left for the JIT, 5 x 100 ms where the benchmark's threads keep
 *       every core busy (README, "How long a fork warms up").</li>
 *   <li>{@code full} (publication) measures every workload at one thread and at the core count,
 *       7 forks of 3 x 1 s warmup and 5 x 1 s measurement.</li>
 * </ul>
 */
public enum Profile {
    SMOKE("CI check that everything works: every store on read, write, getAll at 1 thread",
            10_000, 1, 1, 1, 100, 2, 100, true,
            List.of(Cell.all(Workload.READ, T.ONE), Cell.all(Workload.WRITE, T.ONE), Cell.all(Workload.GET_ALL, T.ONE)),
            List.of(Cell.all(Workload.READ, T.ONE))),
    QUICK("what the decision log's claims read: every store's reads at 1 thread; the stores the log compares on reads"
            + " and writes at 1 and #cores threads, mixed and contention at #cores, getAll at 1",
            1_000_000, 6, 2, 5, 100, 2, 100, false,
            List.of(Cell.all(Workload.READ, T.ONE),
                    Cell.of(Workload.READ, T.CORES, StoreType.MEMORY, StoreType.SHARD, StoreType.SHARD_POOLED,
                            StoreType.SHARD_UNIT, StoreType.CHANNEL, StoreType.CONCURRENT, StoreType.NON_BLOCKING,
                            StoreType.DISRUPTOR),
                    Cell.of(Workload.WRITE, T.ONE, StoreType.MEMORY, StoreType.SHARD, StoreType.SHARD_POOLED,
                            StoreType.SHARD_UNIT, StoreType.CHANNEL, StoreType.DISRUPTOR, StoreType.INT_SHARD),
                    Cell.of(Workload.WRITE, T.CORES, StoreType.MEMORY, StoreType.SHARD, StoreType.SHARD_POOLED,
                            StoreType.SHARD_UNIT, StoreType.CHANNEL, StoreType.CONCURRENT, StoreType.NON_BLOCKING,
                            StoreType.DISRUPTOR),
                    Cell.of(Workload.MIXED, T.CORES, StoreType.MEMORY, StoreType.SHARD, StoreType.CONCURRENT,
                            StoreType.NON_BLOCKING),
                    Cell.of(Workload.GET_ALL, T.ONE, StoreType.SHARD_POOLED, StoreType.SHARD_UNIT),
                    Cell.of(Workload.CONTENTION, T.CORES, StoreType.CONCURRENT, StoreType.NON_BLOCKING)),
            // the cells whose agent counts a claim reads
            List.of(Cell.of(Workload.READ, T.ONE, StoreType.MEMORY, StoreType.SHARD, StoreType.CHANNEL),
                    Cell.of(Workload.MIXED, T.CORES, StoreType.MEMORY, StoreType.SHARD, StoreType.CONCURRENT,
                            StoreType.NON_BLOCKING),
                    Cell.of(Workload.GET_ALL, T.ONE, StoreType.SHARD_POOLED, StoreType.SHARD_UNIT))),
    FULL("publication: every store x every workload x 1 and #cores threads",
            1_000_000, 7, 3, 3, 1000, 5, 1000, true, everyCell(), everyCell());

    private static List<Cell> everyCell() {
        return Arrays.stream(Workload.values()).flatMap(w -> Stream.of(Cell.all(w, T.ONE), Cell.all(w, T.CORES))).toList();
    }

    /** The thread counts of a cell. */
    private static final class T {
        static final String ONE = "1";
        static final String CORES = "cores";
    }

    /**
     * Some stores (none listed: every store) on a workload at one thread or at the core count.
     */
    private record Cell(Workload workload, String threads, Set<StoreType> stores) {

        static Cell all(Workload workload, String threads) {
            return new Cell(workload, threads, Set.of());
        }

        static Cell of(Workload workload, String threads, StoreType... stores) {
            return new Cell(workload, threads, Set.of(stores));
        }

        /** "mixed at #cores (MEMORY, SHARD)" */
        String text() {
            return workload.method() + " at " + (threads.equals(T.ONE) ? "1 thread" : "#cores")
                    + (stores.isEmpty() ? "" : stores.stream().map(Enum::name).sorted().collect(Collectors.joining(", ", " (", ")")));
        }

        int threadCount(int cores) {
            return threads.equals(T.ONE) ? 1 : cores;
        }

        boolean measures(StoreType store) {
            return stores.isEmpty() || stores.contains(store);
        }
    }

    private final String what;
    private final int datasetSize;
    private final int forks;
    private final int warmupIterations;
    /** Warmup iterations of a benchmark whose threads keep every core busy (Trial#keepsEveryCoreBusy). */
    private final int busyWarmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;
    /** Whether every reference row is measured, or only those a claim reads. */
    private final boolean everyReferenceRow;
    private final List<Cell> cells;
    /** The cells whose benchmarks get a profiled fork (reference rows always do). */
    private final List<Cell> profiled;

    Profile(String what, int datasetSize, int forks, int warmupIterations, int busyWarmupIterations, int warmupMillis,
            int measurementIterations, int measurementMillis, boolean everyReferenceRow, List<Cell> cells, List<Cell> profiled) {
        this.what = what;
        this.datasetSize = datasetSize;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.busyWarmupIterations = busyWarmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.everyReferenceRow = everyReferenceRow;
        this.cells = cells;
        this.profiled = profiled;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line on what the profile measures (the CLI's help shows it), its figures from its fields. */
    public String description() {
        String busy = busyWarmupIterations == warmupIterations ? ""
                : String.format(Locale.ROOT, " (%d+%d where every core is busy)", busyWarmupIterations, measurementIterations);
        return String.format(Locale.ROOT, "%s; %,d tasks; %d timing fork%s of %d+%d x %d ms%s, then a profiled fork of %s", what,
                datasetSize, forks, forks == 1 ? "" : "s", warmupIterations, measurementIterations, measurementMillis, busy,
                profiledBenchmarks());
    }

    /** Which benchmarks get a profiled fork, in words: "each benchmark", or "read at 1 thread (MEMORY, …), … and each reference row". */
    public String profiledBenchmarks() {
        if (profiled.equals(cells)) {
            return "each benchmark";
        }
        return profiled.stream().map(Cell::text).collect(Collectors.joining(", ")) + " and each reference row";
    }

    /**
     * Whether a store's benchmark gets a profiled fork, when the run has profiled forks at all. A
     * profiled fork costs two timing forks (the agent's install: the README's "Where a fork's time
     * goes"), so {@code smoke} profiles its reads only (they check that the agent and
     * async-profiler work on every store: a profiled fork of every benchmark took smoke over its
     * 90 s budget) and {@code quick} the cells whose agent counts a claim reads
     * (ClaimsReadQuickTest keeps them in step). Reference rows are always profiled (zero claims
     * take their background from them).
     */
    public boolean profiles(Workload workload, int threads, StoreType store) {
        int cores = Runtime.getRuntime().availableProcessors();
        return profiled.stream().anyMatch(c -> c.workload() == workload && c.threadCount(cores) == threads && c.measures(store));
    }

    /**
     * Whether a run of this profile measures a reference row: {@code quick} leaves out the one no
     * claim reads (the queue hand-off floor; the park/unpark floor is the wake-up claim's).
     */
    public boolean measuresReference(String benchmark) {
        return everyReferenceRow || !benchmark.equals(WakeupFloorBenchmark.QUEUE_HAND_OFF);
    }

    public int datasetSize() {
        return datasetSize;
    }

    /** Timing forks per benchmark: the number of rounds. */
    public int forks() {
        return forks;
    }

    /**
     * Warmup iterations of a benchmark: more where its threads keep every core busy
     * (Trial#keepsEveryCoreBusy). There the JIT's compiler threads compete with the benchmark for
     * CPU and a fork settles later — on 2 cores, writes at 2 threads and the actor stores took two
     * to three times as long as one-thread reads; with the one-thread reads' warm-up for every
     * benchmark, {@code quick} measured those cells mid-warm-up (README, "How long a fork warms
     * up": the measured transients, their command, and what still settles later).
     */
    public int warmupIterations(boolean keepsEveryCoreBusy) {
        return keepsEveryCoreBusy ? busyWarmupIterations : warmupIterations;
    }

    public int warmupMillis() {
        return warmupMillis;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public int measurementMillis() {
        return measurementMillis;
    }

    /** The profile's workloads, in order. */
    public List<Workload> workloads() {
        return cells.stream().map(Cell::workload).distinct().toList();
    }

    /**
     * The thread counts the profile measures a workload at: 1 and/or this machine's core count
     * (once when the machine has one core); empty when the profile does not measure it.
     */
    public List<Integer> threads(Workload workload) {
        int cores = Runtime.getRuntime().availableProcessors();
        return cells.stream().filter(c -> c.workload() == workload).map(c -> c.threadCount(cores)).distinct().sorted().toList();
    }

    /**
     * Whether the profile measures a store on a workload at a thread count. {@code quick} measures
     * only the cells the decision log's claims read (ClaimsReadQuickTest keeps the two in step),
     * which fits its ten minutes; a run that names its stores, workloads or threads measures every
     * combination of them instead (RunRequest).
     */
    public boolean measures(Workload workload, int threads, StoreType store) {
        int cores = Runtime.getRuntime().availableProcessors();
        return cells.stream().anyMatch(c -> c.workload() == workload && c.threadCount(cores) == threads && c.measures(store));
    }

    /** Every thread count of the profile (1, and the core count when any workload uses it). */
    public List<Integer> threads() {
        return Arrays.stream(Workload.values()).flatMap(w -> threads(w).stream()).distinct().sorted().toList();
    }

    public static Profile parse(String name) {
        for (Profile p : values()) {
            if (p.label().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "': expected smoke, quick or full");
    }
}
