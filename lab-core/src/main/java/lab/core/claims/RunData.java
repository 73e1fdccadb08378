package lab.core.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import lab.core.record.BenchmarkResult;
import lab.core.record.Environment;
import lab.core.record.Layouts;
import lab.core.record.LoadResults;
import lab.core.record.RunKind;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;

/**
 * What the claims are judged on: a run's timing results (scores, B/op), its profiled forks (the
 * agent's counts), its environment and its JOL layouts — seen through one JVM configuration at a
 * time ({@link #jvm}) when the run has several.
 *
 * @param allResults     every timing result of the run
 * @param allProfiled    every profiled fork; empty for runs without them (imports, old runs:
 *                       their counts, if any, are in the timing results)
 * @param jvm            the JVM configuration the claims look at, or null (the run has one)
 * @param layouts        the run's layouts.json, or null
 * @param layoutsProblem why there are no layouts (missing or unreadable), or null
 * @param load           the load run of the requests-per-second claims, or null when none is stored
 */
public record RunData(String runId, List<BenchmarkResult> allResults, List<BenchmarkResult> allProfiled,
                      Environment environment, Layouts layouts, String layoutsProblem, String jvm, LoadRun load) {

    /**
     * The load run the requests-per-second claims are judged on ({@link LoadJudge}): the run itself
     * when it is one, else the newest complete load run stored beside it.
     */
    public record LoadRun(String id, LoadResults results, Environment environment) {

        /** The run's load results, or null when it has none or they cannot be read. */
        static LoadRun of(StoredRun run) {
            try {
                return run.loadResults().map(r -> new LoadRun(run.id(), r, run.manifest().environment())).orElse(null);
            } catch (IllegalArgumentException unreadable) {
                return null;
            }
        }
    }

    public RunData {
        allResults = List.copyOf(allResults);
        allProfiled = allProfiled == null ? List.of() : List.copyOf(allProfiled);
        environment = environment == null ? Environment.unknown() : environment;
    }

    /** A run without a load run beside it. */
    public RunData(String runId, List<BenchmarkResult> allResults, List<BenchmarkResult> allProfiled, Environment environment,
                   Layouts layouts, String layoutsProblem, String jvm) {
        this(runId, allResults, allProfiled, environment, layouts, layoutsProblem, jvm, null);
    }

    /** The same run with the load run its requests-per-second claims are judged on. */
    public RunData withLoad(LoadRun value) {
        return new RunData(runId, allResults, allProfiled, environment, layouts, layoutsProblem, jvm, value);
    }

    /** A run of timing results alone (imports, tests). */
    public RunData(String runId, List<BenchmarkResult> results, Environment environment, Layouts layouts, String layoutsProblem) {
        this(runId, results, List.of(), environment, layouts, layoutsProblem, null, null);
    }

    public static RunData of(StoredRun run) {
        Layouts layouts = null;
        String problem;
        try {
            layouts = run.layouts().orElse(null);
            problem = layouts == null ? "the run has no " + Layouts.FILE_NAME + " (the JOL pass did not run)" : null;
        } catch (IllegalArgumentException e) {
            problem = Layouts.FILE_NAME + " is unreadable: " + e.getMessage();
        }
        LoadRun load = run.manifest().kind() == RunKind.LOAD ? LoadRun.of(run)
                : new RunRepository(run.dir().getParent()).newestComplete(RunKind.LOAD).map(LoadRun::of).orElse(null);
        RunData d = new RunData(run.id(), run.results(), run.profiledResults(), run.manifest().environment(), layouts, problem,
                null, load);
        return d.jvms().isEmpty() ? d : d.forJvm(d.jvms().get(0));
    }

    /** The JVM configurations of the run, in the order its results list them; empty when it has one. */
    public List<String> jvms() {
        Set<String> names = new LinkedHashSet<>();
        for (BenchmarkResult r : allResults) {
            if (r.jvmConfig() != null) {
                names.add(r.jvmConfig());
            }
        }
        return new ArrayList<>(names);
    }

    /** The same run seen through one JVM configuration. */
    public RunData forJvm(String name) {
        return new RunData(runId, allResults, allProfiled, environment, layouts, layoutsProblem, name, load);
    }

    /** The timing results of the selected configuration. */
    public List<BenchmarkResult> results() {
        return select(allResults);
    }

    /** The profiled forks of the selected configuration. */
    public List<BenchmarkResult> profiled() {
        return select(allProfiled);
    }

    private List<BenchmarkResult> select(List<BenchmarkResult> rows) {
        return jvm == null ? rows : rows.stream().filter(r -> r.jvmConfig() == null || Objects.equals(r.jvmConfig(), jvm)).toList();
    }
}
