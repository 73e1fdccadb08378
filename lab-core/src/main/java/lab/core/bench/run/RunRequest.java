package lab.core.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lab.core.bench.Profile;
import lab.core.bench.Workload;
import lab.core.record.JvmConfig;
import lab.core.store.StoreType;

/**
 * What {@code ./lab run} was asked for: a {@link Profile} and the options that narrow or override
 * it. Built with the profile's defaults, then adjusted with the fluent setters; {@link RunPlan}
 * turns it into the trials and their schedule.
 */
public final class RunRequest {

    Profile profile;
    List<StoreType> stores;
    List<Workload> workloads;
    /** Thread counts for every workload; null for the profile's own per workload. */
    List<Integer> threads;
    /** Whether stores, workloads or threads were named: then every combination of them is measured. */
    boolean matrixNamed;
    int datasetSize;
    /** Timing forks per benchmark: the number of rounds. */
    int forks;
    int warmupIterations;
    /** Warmup iterations of a benchmark that keeps every core busy (Trial#keepsEveryCoreBusy). */
    int busyWarmupIterations;
    int warmupMillis;
    int measurementIterations;
    int measurementMillis;
    String label;
    boolean agent = true;
    boolean flame = true;
    Path reportsDir;
    Path profilesDir;
    Path repoRoot;
    Path agentJar;
    Path cacheDir = FlameGraphs.defaultCache();
    List<JvmConfig> jvms = List.of(JvmAxis.running());
    Long seed;
    boolean verbose;
    List<String> waits = List.of();

    private RunRequest() {
    }

    /** The profile's defaults: every store, the profile's workloads and thread counts. */
    public static RunRequest of(Profile profile, Path reportsDir, Path profilesDir) {
        RunRequest r = new RunRequest();
        r.profile = profile;
        r.stores = List.of(StoreType.values());
        r.workloads = profile.workloads();
        r.threads = null;
        r.datasetSize = profile.datasetSize();
        r.forks = profile.forks();
        r.warmupIterations = profile.warmupIterations(false);
        r.busyWarmupIterations = profile.warmupIterations(true);
        r.warmupMillis = profile.warmupMillis();
        r.measurementIterations = profile.measurementIterations();
        r.measurementMillis = profile.measurementMillis();
        r.reportsDir = reportsDir;
        r.profilesDir = profilesDir;
        r.repoRoot = reportsDir.toAbsolutePath().getParent();
        return r;
    }

    public RunRequest stores(List<StoreType> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no stores to run");
        }
        stores = List.copyOf(value);
        matrixNamed = true;
        return this;
    }

    public RunRequest workloads(List<Workload> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no workloads to run");
        }
        workloads = List.copyOf(value);
        matrixNamed = true;
        return this;
    }

    public RunRequest threads(List<Integer> value) {
        for (int t : value) {
            if (t < 1) {
                throw new IllegalArgumentException("thread counts must be >= 1, was " + t);
            }
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no thread counts to run");
        }
        threads = List.copyOf(new ArrayList<>(new java.util.LinkedHashSet<>(value)));
        matrixNamed = true;
        return this;
    }

    public RunRequest datasetSize(int value) {
        if (value < 2) {
            throw new IllegalArgumentException("the dataset needs at least 2 tasks, was " + value);
        }
        datasetSize = value;
        return this;
    }

    /** Timing forks per benchmark, one per round. */
    public RunRequest forks(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("forks must be >= 1 (a stored run always measures in forked JVMs), was " + value);
        }
        forks = value;
        return this;
    }

    /** The JVM configurations of the matrix ({@link JvmAxis#resolve}). */
    public RunRequest jvms(List<JvmConfig> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no JVM configuration to run on");
        }
        jvms = List.copyOf(value);
        return this;
    }

    /** The seed of the rounds' shuffles; null for a fresh one (it is stored either way). */
    public RunRequest seed(Long value) {
        seed = value;
        return this;
    }

    /** Whether JMH's own output is streamed to the console too (it always goes to jmh.log). */
    public RunRequest verbose(boolean value) {
        verbose = value;
        return this;
    }

    /** Wait strategies the actor stores are measured with, one trial each; empty for their default. */
    public RunRequest waits(List<String> value) {
        waits = List.copyOf(value);
        return this;
    }

    /**
     * Warmup and measurement iterations and the length of each; {@code busyWarmup} for the
     * benchmarks that keep every core busy (Profile#warmupIterations(boolean)).
     */
    public RunRequest iterations(int warmup, int busyWarmup, int measurement, int millis) {
        if (warmup < 0 || busyWarmup < 0 || measurement < 1 || millis < 1) {
            throw new IllegalArgumentException("need warmup >= 0, measurement >= 1 iterations of >= 1 ms");
        }
        warmupIterations = warmup;
        busyWarmupIterations = busyWarmup;
        measurementIterations = measurement;
        warmupMillis = millis;
        measurementMillis = millis;
        return this;
    }

    /**
     * Overrides what is given and keeps the rest ({@code --warmup}, {@code --iterations},
     * {@code --time}): a warm-up given sets every fork's, busy or not.
     */
    public RunRequest overrideIterations(Integer warmup, Integer measurement, Integer millis) {
        if (warmup == null && measurement == null && millis == null) {
            return this;
        }
        return iterations(warmup != null ? warmup : warmupIterations, warmup != null ? warmup : busyWarmupIterations,
                measurement != null ? measurement : measurementIterations, millis != null ? millis : measurementMillis);
    }

    public RunRequest label(String value) {
        label = value == null || value.isBlank() ? null : value.strip();
        return this;
    }

    public RunRequest agent(boolean value) {
        agent = value;
        return this;
    }

    public RunRequest flame(boolean value) {
        flame = value;
        return this;
    }

    public RunRequest repoRoot(Path value) {
        repoRoot = value;
        return this;
    }

    /** The agent jar to attach; default: {@code <repo>/lab-agent/target/lab-agent.jar}. */
    public RunRequest agentJar(Path value) {
        agentJar = value;
        return this;
    }

    public RunRequest cacheDir(Path value) {
        cacheDir = value;
        return this;
    }

    /** The thread counts a workload runs at: the explicit --threads, else the profile's (1 when it has none). */
    public List<Integer> threadsFor(Workload workload) {
        if (threads != null) {
            return threads;
        }
        List<Integer> t = profile.threads(workload);
        return t.isEmpty() ? List.of(1) : t;
    }



    /**
     * Whether the run measures a store on a workload at a thread count: the profile's own cells
     * ({@link Profile#measures}), or every combination when the stores, workloads or threads were named.
     */
    public boolean measures(Workload workload, int threads, StoreType store) {
        return matrixNamed || profile.measures(workload, threads, store);
    }

    public String label() {
        return label;
    }
}
