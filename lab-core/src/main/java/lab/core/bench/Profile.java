package lab.core.bench;

import java.util.List;

/**
 * The run profiles: how much of the matrix to measure and for how long.
 *
 * <p>Sizing (measured on the 2-core box the lab was built on; see the runner's report). One
 * benchmark = one fork: JVM start (~0.3 s), agent install, preloading the dataset (a million
 * tasks: 0.2-1 s), then warmup and measurement. {@code quick} measures 8 stores x 6 workloads x
 * 2 thread counts = 96 benchmarks in 8 minutes, so each gets about 2 s of iterations: 3 x 250 ms
 * of warmup (the read and write paths are small methods that C2 compiles within the first tens of
 * milliseconds) and 5 x 250 ms of measurement. One fork means {@code quick}'s error bars are
 * within-fork only; {@code full} runs 5 forks of 3 x 1 s warmup and 5 x 1 s measurement, so that
 * run-to-run variance (JIT decisions, heap layout) shows and the per-fork means can carry a
 * significance test: with 3 forks a side, a two-sided Mann-Whitney U test can never go below
 * p = 0.1; with 5 a side its smallest p is 0.008 (about 90 minutes on 2 cores).
 */
public enum Profile {
    SMOKE(10_000, 1, 2, 200, 3, 200, List.of(Workload.READ, Workload.WRITE, Workload.GET_ALL), false),
    QUICK(1_000_000, 1, 3, 250, 5, 250, List.of(Workload.values()), true),
    FULL(1_000_000, 5, 3, 1000, 5, 1000, List.of(Workload.values()), true);

    private final int datasetSize;
    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;
    private final List<Workload> workloads;
    private final boolean allThreadCounts;

    Profile(int datasetSize, int forks, int warmupIterations, int warmupMillis, int measurementIterations,
            int measurementMillis, List<Workload> workloads, boolean allThreadCounts) {
        this.datasetSize = datasetSize;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.workloads = workloads;
        this.allThreadCounts = allThreadCounts;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int datasetSize() {
        return datasetSize;
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
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

    public List<Workload> workloads() {
        return workloads;
    }

    /** Thread counts: 1, plus the machine's core count for quick and full. */
    public List<Integer> threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return allThreadCounts && cores > 1 ? List.of(1, cores) : List.of(1);
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
