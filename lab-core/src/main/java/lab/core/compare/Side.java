package lab.core.compare;

import java.util.List;
import java.util.Map;
import lab.core.bench.run.RunPlan;
import lab.core.record.BenchmarkResult;
import lab.core.record.StoredRun;

/**
 * One side of a comparison: a run's results, or only one store's rows of a run.
 *
 * @param runId    the stored run
 * @param store    the {@code store} param to keep, or null for every row of the run
 * @param results  the run's timing results (scores, B/op)
 * @param profiles the run's {@code RunManifest.profiles}: result key → profile folder
 * @param profiled the run's profiled forks (the lab.* counts); empty for runs without them
 * @param control  the run's control benchmark (measured in every round), or null
 * @param jvm      the JVM configuration to keep (a run with several, {@code --jvms A,B}), or null for all
 */
public record Side(String runId, String store, List<BenchmarkResult> results, Map<String, String> profiles,
                   List<BenchmarkResult> profiled, String control, String jvm) {

    /** The JMH param that names the store in the lab's own benchmarks. */
    public static final String STORE_PARAM = "store";

    public Side {
        results = List.copyOf(results);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        profiled = profiled == null ? List.of() : List.copyOf(profiled);
    }

    /** A side of results alone (imports, tests): no profiled forks, the lab's control. */
    public Side(String runId, String store, List<BenchmarkResult> results, Map<String, String> profiles) {
        this(runId, store, results, profiles, List.of(), RunPlan.CONTROL, null);
    }

    public static Side of(StoredRun run, String store) {
        String control = run.manifest().design() == null || run.manifest().design().control() == null
                ? RunPlan.CONTROL : run.manifest().design().control();
        return new Side(run.id(), store, run.results(), run.manifest().profiles(), run.profiledResults(), control, null);
    }

    /** This side restricted to one JVM configuration of its run. */
    public Side onJvm(String name) {
        return new Side(runId, store, results, profiles, profiled, control, name);
    }

    /** "RUN", "RUN MEMORY", "RUN on jdk25-default". */
    public String label() {
        return runId + (store == null ? "" : " " + store) + (jvm == null ? "" : " on " + jvm);
    }

    /**
     * The rows this side compares on a metric: all, or those of its store. The lab's counts
     * ({@code lab.*}) come from the profiled forks when the run has them (timing forks run
     * without the agent); every other metric from the timing forks.
     */
    public List<BenchmarkResult> selected(String metric) {
        List<BenchmarkResult> source = metric != null && metric.replace("\u00b7", "").startsWith("lab.") && !profiled.isEmpty()
                ? profiled : results;
        return source.stream().filter(r -> store == null || store.equals(r.param(STORE_PARAM)))
                .filter(r -> jvm == null || jvm.equals(r.jvmConfig())).toList();
    }

    /** The timing rows of this side. */
    public List<BenchmarkResult> selected() {
        return selected(null);
    }

    /** The control benchmark's timing result at one thread, if this side's run has one. */
    public java.util.Optional<BenchmarkResult> controlResult() {
        return control == null ? java.util.Optional.empty()
                : results.stream().filter(r -> r.benchmark().equals(control) && r.threads() == 1)
                        .filter(r -> jvm == null || jvm.equals(r.jvmConfig())).findFirst();
    }
}
