package lab.core.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import lab.core.bench.KeyStreams;

/**
 * Runs one fork of a trial with JMH's own {@link Runner} and returns what it measured.
 *
 * <p>A timing fork runs with {@code -prof gc} only: no agent, no async-profiler, nothing in the
 * fork but the benchmark and JMH, so its score and its B/op are the store's. A profiled fork adds
 * the lab agent's counters profiler and async-profiler (cpu, alloc and lock into one JFR), whose
 * output is moved to the trial's own folder and converted into flame graphs.
 */
final class ForkRunner {

    /**
     * The heap of every fork: as the benchmarks' {@code @Fork(jvmArgsAppend)}, which JMH drops
     * once the runner passes its own {@code jvmArgsAppend}. A fixed heap keeps GC sizing out of the
     * comparison, and 4 GiB holds a million tasks of every store with room to spare.
     */
    static final List<String> HEAP = List.of("-Xms4g", "-Xmx4g");

    /** What one fork gave: its JMH result (one fork's data) and, for a profiled fork, its profile folder. */
    record ForkResult(RunResult result, String profileFolder, double seconds) {
    }

    private final RunPlan plan;
    private final RunOutput output;
    private final FlameGraphs flame;
    private final AgentProfiler agent;
    private final Path runProfiles;
    private final String runId;
    private final List<String> warnings;
    private final Path keysDir;
    private final SharedArchive archive;
    private final FlameConversions conversions = new FlameConversions();

    ForkRunner(RunPlan plan, RunOutput output, FlameGraphs flame, AgentProfiler agent, Path profilesDir, Path cacheDir,
               String runId, List<String> warnings) {
        this.keysDir = cacheDir.resolve("keys");
        this.archive = new SharedArchive(cacheDir);
        this.plan = plan;
        this.output = output;
        this.flame = flame;
        this.agent = agent;
        this.runProfiles = profilesDir.resolve(runId);
        this.runId = runId;
        this.warnings = warnings;
    }

    /** Runs the fork; throws with JMH's reason when it fails. */
    ForkResult run(ScheduledFork fork) throws RunnerException {
        Trial trial = plan.trials().get(fork.trial());
        long t0 = System.nanoTime();
        Collection<RunResult> results = new Runner(options(trial, fork.profiled()), output).run();
        if (results.isEmpty()) {
            throw new RunnerException("JMH returned no result for " + trial.describe(plan.multiJvm()));
        }
        RunResult r = results.iterator().next();
        String folder = fork.profiled() ? collectProfile(trial, r) : null;
        return new ForkResult(r, folder, (System.nanoTime() - t0) / 1e9);
    }

    /** Converts the profiled forks' recordings into flame graphs (after the last fork: see FlameConversions). */
    int convertProfiles() {
        int n = conversions.size();
        conversions.convertAll(warnings);
        return n;
    }

    Options options(Trial trial, boolean profiled) {
        RunPlan.Iterations it = plan.iterations();
        List<String> jvmArgs = new ArrayList<>(HEAP);
        jvmArgs.addAll(trial.jvm().args());
        jvmArgs.add("-D" + KeyStreams.DIR_PROPERTY + "=" + keysDir);
        if (!profiled) {
            jvmArgs.addAll(archive.flags(trial.jvm(), trial, output, warnings));
        }
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^" + Pattern.quote(trial.benchmark()) + "$")
                .threads(trial.threads())
                .forks(1)
                .warmupForks(0)
                .warmupIterations(it.warmupOf(trial))
                .warmupTime(TimeValue.milliseconds(it.warmupMillis()))
                .measurementIterations(it.measurement())
                .measurementTime(TimeValue.milliseconds(it.measurementMillis()))
                .jvm(trial.jvm().java())
                .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                .shouldFailOnError(true)
                .addProfiler(GCProfiler.class);
        for (Map.Entry<String, String> p : trial.params().entrySet()) {
            b.param(p.getKey(), p.getValue());
        }
        if (profiled && flame != null) {
            b.addProfiler(AsyncProfiler.class, flame.jmhOptions(runProfiles));
        }
        if (profiled && agent != null) {
            b.addProfiler(agent.profilerClass(), agent.options());
        }
        return b.build();
    }

    /**
     * Moves JMH's async-profiler folder to the trial's own (JMH names it after the benchmark and
     * params only, so two thread counts or JVMs of one benchmark would share it); its recording is
     * converted by {@link #convertProfiles} once every fork has run. Returns the folder relative
     * to the profiles root, or null with a warning.
     */
    private String collectProfile(Trial trial, RunResult r) {
        if (flame == null) {
            return null;
        }
        String jmhFolder = r.getParams().id().replace("%", "_"); // as JMH's AsyncProfiler names it
        String name = jmhFolder + "-threads-" + trial.threads() + (plan.multiJvm() ? "-" + trial.jvm().name() : "");
        Path jmhDir = runProfiles.resolve(jmhFolder);
        Path dir = runProfiles.resolve(name);
        try {
            if (!Files.isDirectory(jmhDir)) {
                warnings.add("no async-profiler output for " + trial.describe(plan.multiJvm()) + " (expected " + jmhDir + ")");
                return null;
            }
            Files.move(jmhDir, dir);
            conversions.add(dir, trial.benchmark() + " " + trial.describe(plan.multiJvm()));
            return runId + "/" + name;
        } catch (IOException | RuntimeException e) {
            warnings.add("flame graphs of " + trial.describe(plan.multiJvm()) + " could not be made: " + Failures.describe(e));
            return null;
        }
    }
}
