package lab.core.bench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

import lab.core.layout.LayoutLab;
import lab.core.layout.LayoutPass;
import lab.core.record.Environment;
import lab.core.record.Progress;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;

/**
 * One {@code ./lab run}, from request to stored run: the {@link RunPlan}, then each fork of its
 * schedule through the {@link ForkRunner}, its results into {@link ForkResults} and published by
 * the {@link Recorder} as they land, {@link Interruption} watching for Ctrl-C, the JOL layout
 * pass, and the commit. {@code ./lab run} and {@code ./lab demo} both run through here.
 */
public final class LabRunner {

    /** How a run ended: its id, status and error (null when complete). */
    public record Outcome(String id, RunStatus status, String error) {
    }

    /**
     * How often a running run publishes what it has. Publishing writes the whole of jmh.json
     * (half a megabyte by the end of a quick run, by JMH's own writer) and run.json; after every
     * fork that was ~70 ms a fork, ~20 s of a quick run (run aa-12). The site reloads a running run
     * every 10 s; a run stopped by a signal stores every fork it finished, published or not, and
     * one killed outright loses at most this much.
     */
    static final long PUBLISH_EVERY_NANOS = 3_000_000_000L;

    private final RunRequest request;
    private final PrintStream out;
    private final PrintStream err;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private LabRunner(RunRequest request, PrintStream out, PrintStream err) {
        this.request = request;
        this.out = out;
        this.err = err;
    }

    /** Runs the request and stores the run; the run id is the last line printed. */
    public static Outcome run(RunRequest request, PrintStream out, PrintStream err) {
        return new LabRunner(request, out, err).execute();
    }

    private Outcome execute() {
        FlameGraphs flame = request.flame ? FlameGraphs.probe(request.cacheDir, warnings) : null;
        AgentProfiler agent = request.agent ? AgentProfiler.resolve(request, warnings) : null;
        JmhLock.check(warnings);
        RunPlan plan = RunPlan.of(request.agent(agent != null).flame(flame != null), availableBenchmarks());
        Environment environment = environment(agent, flame);
        Recorder recorder = Recorder.begin(new RunRepository(request.reportsDir), plan, request.label, environment,
                RunSettings.configuration(request, plan, agent, flame));
        RunConsole console = new RunConsole(out, System.console() != null && out == System.out);
        for (String w : warnings) {
            console.line("warning: " + w);
        }
        console.line("run " + recorder.id() + ": " + RunSettings.summary(plan, agent != null, flame != null)
                + "; ETA " + RunConsole.clock(plan.estimatedSeconds(ForkCost.MEASURED) * 1_000_000_000L));
        try (PrintStream log = new PrintStream(Files.newOutputStream(recorder.dir().resolve(StoredRun.JMH_LOG)), true,
                StandardCharsets.UTF_8)) {
            PrintStream jmhOutput = request.verbose ? new PrintStream(new Tee(log, out), true, StandardCharsets.UTF_8) : log;
            RunOutput output = new RunOutput(OutputFormatFactory.createFormatInstance(jmhOutput, VerboseMode.NORMAL));
            ForkRunner forks = new ForkRunner(plan, output, flame, agent, request.profilesDir, request.cacheDir, recorder.id(),
                    warnings);
            try (Interruption interruption = new Interruption(recorder.id(), output::mute);
                 ForkOutput forkOutput = ForkOutput.into(jmhOutput)) {
                return measure(plan, forks, recorder, console, interruption);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's JMH log: " + e.getMessage(), e);
        }
    }

    private Outcome measure(RunPlan plan, ForkRunner forks, Recorder recorder, RunConsole console,
                            Interruption interruption) {
        ForkResults results = new ForkResults(plan);
        List<ScheduledFork> schedule = plan.schedule();
        List<String> failures = new ArrayList<>();
        Eta eta = new Eta(plan, ForkCost.MEASURED);
        long began = System.nanoTime();
        recorder.publish(results.snapshot(), progress(0, schedule.size(), eta, "starting"), warnings);
        long published = System.nanoTime();
        int n = 0;
        for (ScheduledFork fork : schedule) {
            if (interruption.stopping()) {
                break;
            }
            Trial trial = plan.trials().get(fork.trial());
            String what = trial.describe(plan.multiJvm());
            console.progress(fork.round(), plan.rounds(), n + 1, schedule.size(), what, System.nanoTime() - began,
                    eta.remainingSeconds());
            try {
                ForkRunner.ForkResult r = forks.run(fork);
                results.add(fork, r);
                eta.done(fork, r.seconds());
                if (!fork.profiled() && fork.round() == plan.rounds() - 1) {
                    console.finished(what, results.merged(fork.trial()), results.forksOf(fork.trial()));
                }
            } catch (RunnerException | RuntimeException e) {
                if (interruption.stopping()) {
                    break;
                }
                eta.done(fork, 0);
                String where = fork.profiled() ? "profiled fork" : "round " + (fork.round() + 1);
                failures.add(what + " (" + where + "): " + Failures.describe(e));
                console.line(what + " (" + where + ") FAILED: " + Failures.describe(e));
            }
            n++;
            if (!interruption.stopping() && System.nanoTime() - published >= PUBLISH_EVERY_NANOS) {
                recorder.publish(results.snapshot(), progress(n, schedule.size(), eta, what), warnings);
                published = System.nanoTime();
            }
        }
        console.line("forks done: " + eta.spent(System.nanoTime() - began));
        return store(plan, forks, results, recorder, console, interruption, failures, n, schedule.size());
    }

    private Outcome store(RunPlan plan, ForkRunner forks, ForkResults results, Recorder recorder, RunConsole console,
                          Interruption interruption,
                          List<String> failures, int done, int total) {
        ForkResults.Snapshot snapshot = results.snapshot();
        RunStatus status;
        String error;
        if (interruption.stopping()) {
            status = RunStatus.INTERRUPTED;
            error = "interrupted (Ctrl-C / SIGINT or SIGTERM) after " + done + " of " + total + " forks";
        } else {
            long t0 = System.nanoTime();
            int converted = forks.convertProfiles();
            if (converted > 0) {
                console.line("flame graphs of " + converted + " profiled forks converted in " + RunConsole.clock(System.nanoTime() - t0));
            }
            if (!snapshot.isEmpty()) {
                layouts(recorder.dir(), plan, console);
            }
            status = failures.isEmpty() && !snapshot.isEmpty() ? RunStatus.COMPLETE : RunStatus.FAILED;
            error = failures.isEmpty() ? (snapshot.isEmpty() ? "no fork produced a result" : null)
                    : failures.size() + " of " + total + " forks failed: " + String.join("; ", failures);
        }
        // Until the id is printed, a signal's hook must not let the JVM exit: the id is the last line.
        try {
            try {
                recorder.commit(status, error, snapshot, warnings);
            } catch (RuntimeException e) {
                err.println("lab run: could not store run " + recorder.id() + ": " + Failures.describe(e));
                out.println(recorder.id());
                return new Outcome(recorder.id(), RunStatus.FAILED, Failures.describe(e));
            }
            for (String w : warnings) {
                console.line("warning: " + w);
            }
            String took = RunConsole.clock(java.time.Duration.between(recorder.startedAt(), Instant.now()).toNanos());
            if (status == RunStatus.COMPLETE) {
                console.line("run complete: " + snapshot.resultCount() + " results in " + took + ", stored in " + recorder.finalDir());
            } else {
                err.println("[lab] run " + status.json() + " after " + took + ": " + error);
                console.line("run stored as " + status.json() + " with " + snapshot.resultCount() + " results in "
                        + recorder.finalDir());
            }
            out.println(recorder.id());
            return new Outcome(recorder.id(), status, error);
        } finally {
            out.flush();
            interruption.storeDone();
        }
    }

    private Progress progress(int done, int total, Eta eta, String current) {
        return new Progress(done, total, eta.remainingSeconds(), current, ProcessHandle.current().pid(), Instant.now());
    }

    /**
     * The JOL pass (lab.core.layout): class layouts and per-task footprints into the run folder,
     * at {@link #LayoutLab.DEFAULT_ENTRIES} tasks per store at most, in each of the run's JVM configurations
     * (child JVMs; {@code ./lab layout --all} lays out the others).
     */
    private void layouts(Path dir, RunPlan plan, RunConsole console) {
        int entries = Math.min(plan.datasetSize(), LayoutLab.DEFAULT_ENTRIES);
        List<String> jvms = plan.jvms().stream().map(j -> j.java()).distinct().toList();
        long t0 = System.nanoTime();
        try {
            console.line("JOL layouts and footprints at " + entries + " tasks per store (child JVMs) ...");
            LayoutPass.writeInto(dir, new LayoutLab.Request(jvms, List.of(), List.of(entries)), line -> { });
            console.line("layouts done in " + RunConsole.clock(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            warnings.add("JOL layouts could not be recorded: " + Failures.describe(e));
        }
    }

    private Environment environment(AgentProfiler agent, FlameGraphs flame) {
        try {
            return Environment.capture(request.repoRoot).withVersions(Version.getPlainVersion(),
                    agent == null ? null : agent.version(), flame == null ? null : flame.version());
        } catch (RuntimeException e) {
            warnings.add("environment capture failed: " + Failures.describe(e));
            return Environment.unknown();
        }
    }

    /** The benchmarks compiled into the lab, by JMH's full name. */
    static Set<String> availableBenchmarks() {
        Set<String> names = new TreeSet<>();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        for (BenchmarkListEntry e : BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of())) {
            names.add(e.getUsername());
        }
        return names;
    }

    /** Writes to two streams: JMH's log file and, with --verbose, the console. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
