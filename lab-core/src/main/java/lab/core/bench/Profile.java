package lab.core.bench;

import java.util.List;

/**
 * The run profiles: how much of the matrix to measure and for how long.
 *
 * <p>Sizing (measured on the 2-core box the lab was built on; see the runner's report). One
 * benchmark = one fork, and a fork costs more than its iterations: JVM start and JMH (~0.7 s),
 * the lab agent's install (~0.9 s of CPU: Byte Buddy plus retransforming the lock classes),
 * async-profiler, preloading the dataset (a million tasks: 0.2-0.5 s, seconds for the actor
 * store) and drawing the keys. {@code quick} measures 8 stores x 6 workloads x 2 thread counts =
 * 96 benchmarks in 8 minutes, which leaves each 1.6 s of iterations: 3 x 200 ms of warmup (the
 * measured methods are small and C2 compiles them within the first tens of milliseconds; the
 * preload has already compiled the stores' insert paths) and 5 x 200 ms of measurement.
 * {@code smoke} (24 benchmarks, 90 s in CI) checks that everything works rather than measures:
 * 2 x 150 ms warmup and 3 x 150 ms measurement on 10,000 tasks. One fork means {@code quick}'s
 * error bars are within-fork only; {@code full} runs 5 forks of 3 x 1 s warmup and 5 x 1 s measurement, so that
 * run-to-run variance (JIT decisions, heap layout) shows and the per-fork means can carry a
 * significance test: with 3 forks a side, a two-sided Mann-Whitney U test can never go below
 * p = 0.1; with 5 a side its smallest p is 0.008 (about 90 minutes on 2 cores).
 */
public enum Profile {
    SMOKE(10_000, 1, 2, 150, 3, 150, List.of(Workload.READ, Workload.WRITE, Workload.GET_ALL), false),
    QUICK(1_000_000, 1, 3, 200, 5, 200, List.of(Workload.values()), true),
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
