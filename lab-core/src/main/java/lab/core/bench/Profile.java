package lab.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run profiles: how much of the matrix to measure, with how many forks, for how long.
 *
 * <p>A run is rounds of forks (lab.core.bench.run): each round runs one timing fork of every
 * benchmark, then each benchmark gets one profiled fork. A fork costs far more than its
 * iterations — JVM start and JMH, preloading a million tasks, the key streams — so the profiles
 * are sized by forks: see the README's "Where a fork's time goes" for the measured breakdown and
 * the command that measures it. The forks' means are the samples. Two stores of one run are
 * compared pairwise by round, with the exact two-sided Wilcoxon signed-rank test, whose smallest
 * p with n rounds is 2/2^n: 0.0625 at 5 rounds — never significant — and 0.031 at 6; so
 * {@code quick} and {@code full} run 6 timing forks of every benchmark (two runs, unpaired, 6
 * against 6 with Mann-Whitney U, can reach p = 0.002).
 *
 * <ul>
 *   <li>{@code smoke} checks that everything works rather than measures (CI): every store on
 *       read, write and getAll at one thread, 10,000 tasks, one timing fork.</li>
 *   <li>{@code quick} (the default) measures what the decision log's claims test: reads and
 *       writes at one thread and at the core count, mixed and contention at the core count,
 *       getAll and create at one thread — the cells no claim reads (create, mixed and contention
 *       at one thread, getAll at the core count) are left to {@code full}, to keep the run
 *       within minutes on two cores. Iterations are short (2 + 3 x 100 ms): the preload has
 *       already compiled the stores' insert paths and reads compile within the first
 *       milliseconds, and the variance that matters is between forks.</li>
 *   <li>{@code full} (publication) measures every workload at one thread and at the core count,
 *       6 forks of 3 x 1 s warmup and 5 x 1 s measurement.</li>
 * </ul>
 */
public enum Profile {
    SMOKE("CI check that everything works: every store on read, write, getAll at 1 thread",
            10_000, 1, 1, 100, 2, 100,
            cells(Workload.READ, T.ONE, Workload.WRITE, T.ONE, Workload.GET_ALL, T.ONE)),
    QUICK("what the decision log's claims test: every store, reads and writes at 1 and #cores threads, mixed and contention"
            + " at #cores, getAll and create at 1",
            1_000_000, 6, 2, 100, 3, 100,
            cells(Workload.READ, T.BOTH, Workload.WRITE, T.BOTH, Workload.CREATE, T.ONE, Workload.MIXED, T.CORES,
                    Workload.GET_ALL, T.ONE, Workload.CONTENTION, T.CORES)),
    FULL("publication: every store x every workload x 1 and #cores threads",
            1_000_000, 6, 3, 1000, 5, 1000,
            cells(Workload.READ, T.BOTH, Workload.WRITE, T.BOTH, Workload.CREATE, T.BOTH, Workload.MIXED, T.BOTH,
                    Workload.GET_ALL, T.BOTH, Workload.CONTENTION, T.BOTH));

    /** The thread counts of a workload in a profile. */
    private static final class T {
        static final String ONE = "1";
        static final String CORES = "cores";
        static final String BOTH = "1,cores";
    }

    private final String what;
    private final int datasetSize;
    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;
    /** Workload → thread counts ("1", "cores" or both). */
    private final Map<Workload, String> cells;

    Profile(String what, int datasetSize, int forks, int warmupIterations, int warmupMillis,
            int measurementIterations, int measurementMillis, Map<Workload, String> cells) {
        this.what = what;
        this.datasetSize = datasetSize;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.cells = cells;
    }

    private static Map<Workload, String> cells(Object... pairs) {
        Map<Workload, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Workload) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line on what the profile measures (the CLI's help shows it), its figures from its fields. */
    public String description() {
        return String.format(Locale.ROOT, "%s; %,d tasks; %d timing fork%s of %d+%d x %d ms, then a profiled fork %s", what,
                datasetSize, forks, forks == 1 ? "" : "s", warmupIterations, measurementIterations, measurementMillis,
                this == SMOKE ? "of each read and reference row" : "each");
    }

    /**
     * Whether a benchmark of this workload (its JMH method name) gets a profiled fork, when the run
     * has profiled forks at all. {@code smoke} profiles its reads only: they check that the agent
     * and async-profiler work on every store, and a profiled fork of every benchmark took smoke over
     * its 90 s budget (the README's "Running benchmarks" has both wall times).
     * Reference rows are always profiled (zero claims take their background from them).
     */
    public boolean profiles(String workloadMethod) {
        return this != SMOKE || Workload.READ.method().equals(workloadMethod);
    }

    public int datasetSize() {
        return datasetSize;
    }

    /** Timing forks per benchmark: the number of rounds. */
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

    /** The profile's workloads, in order. */
    public List<Workload> workloads() {
        return List.copyOf(cells.keySet());
    }

    /**
     * The thread counts the profile measures a workload at: 1 and/or this machine's core count
     * (once when the machine has one core); empty when the profile does not measure it.
     */
    public List<Integer> threads(Workload workload) {
        String spec = cells.get(workload);
        List<Integer> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (spec.contains(T.ONE)) {
            out.add(1);
        }
        if (spec.contains(T.CORES) && !out.contains(cores)) {
            out.add(cores);
        }
        return out;
    }

    /** Every thread count of the profile (1, and the core count when any workload uses it). */
    public List<Integer> threads() {
        List<Integer> out = new ArrayList<>();
        for (Workload w : cells.keySet()) {
            for (int t : threads(w)) {
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        out.sort(null);
        return out;
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
