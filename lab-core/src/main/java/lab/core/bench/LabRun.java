package lab.core.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

import lab.core.layout.LayoutLab;
import lab.core.layout.LayoutPass;
import lab.core.record.BenchmarkResult;
import lab.core.record.Environment;
import lab.core.record.JmhResults;
import lab.core.record.RunConfiguration;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.RunWriter;
import lab.core.record.StoredRun;
import lab.core.store.StoreType;

/**
 * One {@code ./lab run}: the JMH benchmarks of a {@link RunRequest}, stored as a run.
 *
 * <p>The path of a run: {@link RunRepository#begin} creates the hidden temporary run folder;
 * each benchmark configuration (workload x threads x store) runs in its own JMH {@link Runner}
 * with {@code -prof gc}, the lab's agent profiler and {@code -prof async}; its flame graphs are
 * converted as soon as it ends; then JMH's JSON result of all of them is written as
 * {@code jmh.json}, the JOL layouts and the environment are recorded, and the run is committed
 * with its status.
 *
 * <p>Why one Runner per benchmark. JMH's async profiler names its folder after the benchmark,
 * mode and params ({@code BenchmarkParams.id()}), not the thread count, so the 1- and 2-thread
 * trials of a benchmark would write into the same folder; each is renamed
 * {@code <id>-threads-<n>} after its trial. Running them one by one also keeps every finished
 * result when a later one fails or the run is interrupted, and gives an exact n-of-N progress
 * line with an ETA. The JSON is JMH's own writer ({@link ResultFormatFactory}, what {@code -rf
 * json} uses) over all the results, so jmh.json is what a single JMH invocation would write.
 *
 * <p>Failure and interruption. A benchmark that fails (its fork crashes or throws) is reported
 * and the run goes on; the run is then stored as failed, with every failure in its error and the
 * other results kept. Ctrl-C (SIGINT, or SIGTERM) runs a shutdown hook that stops the forked
 * JMH JVMs and stores the run as interrupted with what finished. Either way the run id is the last
 * line printed, and earlier runs are never touched.
 */
public final class LabRun {

    /** The packages the agent instruments in the lab's own runs: the stores and the JDK/JCTools code they call. */
    public static final String AGENT_INCLUDES = String.join(":",
            "lab.core.store.*",
            "java.util.HashMap*",
            "java.util.concurrent.ConcurrentHashMap*",
            "java.util.concurrent.ArrayBlockingQueue*",
            "java.util.concurrent.LinkedBlockingQueue*",
            "java.util.concurrent.SynchronousQueue*",
            "java.util.concurrent.CompletableFuture*",
            "org.jctools.maps.*");

    /** The largest store size the JOL footprint pass measures. */
    static final int LAYOUT_ENTRIES = 10_000;

    private final RunRequest request;
    private final PrintStream out;
    private final PrintStream err;

    private final List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
    /** benchmark|sorted params|threads → profiles folder relative to the profiles root. */
    private final Map<String, String> profileFolders = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean finishing = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    private volatile boolean stopping;
    private volatile String current = "setup";
    private volatile int completed;

    private RunWriter writer;
    private Instant startedAt;
    private RunOutput jmhOutput;
    private FlameGraphs flame;
    private AgentProfiler agent;
    private Path runProfiles;

    public LabRun(RunRequest request, PrintStream out, PrintStream err) {
        this.request = request;
        this.out = out;
        this.err = err;
    }

    /** How a run ended: its id, status and error (null when complete). */
    public record Outcome(String id, RunStatus status, String error) {
    }

    /** Runs the benchmarks and stores the run; returns null only when a signal took over the run. */
    public Outcome execute() {
        startedAt = Instant.now();
        RunRepository repository = new RunRepository(request.reportsDir);
        String idLabel = request.profile.label() + (request.label == null ? "" : "-" + request.label);
        writer = repository.begin(idLabel, startedAt);
        Thread hook = new Thread(this::onSignal, "lab-run-" + writer.id() + "-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            prepare();
            runAll();
            if (stopping) {
                return awaitSignalHandling();
            }
            String error = failures.isEmpty() ? null
                    : failures.size() + " of " + request.benchmarkCount() + " benchmarks failed: " + String.join("; ", failures);
            return finish(failures.isEmpty() ? RunStatus.COMPLETE : RunStatus.FAILED, error);
        } catch (Throwable e) {
            if (stopping) {
                return awaitSignalHandling();
            }
            return finish(RunStatus.FAILED, describe(e));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it stores the run
            }
        }
    }

    private void prepare() throws IOException {
        runProfiles = request.profilesDir.resolve(writer.id());
        jmhOutput = new RunOutput(OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
        checkJmhLock();
        if (request.flame) {
            flame = FlameGraphs.probe(request.cacheDir, warnings);
            if (flame != null) {
                Files.createDirectories(runProfiles);
            }
        }
        if (request.agent) {
            agent = AgentProfiler.resolve(request, warnings);
        }
        for (String w : warnings) {
            out.println("[lab] warning: " + w);
        }
        out.println("[lab] run " + writer.id() + ": " + request.benchmarkCount() + " benchmarks ("
                + Workload.names(request.workloads) + " x threads " + request.threads + " x " + request.stores.size()
                + " stores), " + request.forks + " fork(s), " + request.warmupIterations + "x" + request.warmupMillis
                + " ms warmup, " + request.measurementIterations + "x" + request.measurementMillis + " ms measurement, "
                + "dataset " + request.datasetSize + ", agent " + (agent != null ? "on" : "off")
                + ", flame graphs " + (flame != null ? "on" : "off"));
    }

    private void runAll() {
        int total = request.benchmarkCount();
        long began = System.nanoTime();
        int n = 0;
        for (Workload workload : request.workloads) {
            for (int threads : request.threads) {
                for (StoreType store : request.stores) {
                    if (stopping) {
                        return;
                    }
                    n++;
                    String what = workload.method() + " store=" + store + " threads=" + threads;
                    current = what;
                    out.println();
                    out.println("[lab] " + n + "/" + total + ": " + what + "  (elapsed " + clock(System.nanoTime() - began)
                            + ", ETA " + eta(began, n - 1, total) + ")");
                    try {
                        long t0 = System.nanoTime();
                        Collection<RunResult> rr = new Runner(options(workload, store, threads), jmhOutput).run();
                        long t1 = System.nanoTime();
                        if (rr.isEmpty()) {
                            failures.add(what + ": JMH returned no result");
                        }
                        for (RunResult r : rr) {
                            results.add(r);
                            collectProfiles(r, threads);
                            if (!stopping) {
                                out.printf(Locale.ROOT, "[lab] %d/%d done: %s = %s (JMH %.1f s, flame graphs %.1f s)%n", n, total, what,
                                        score(r), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
                            }
                        }
                    } catch (RunnerException | RuntimeException e) {
                        if (stopping) {
                            return;
                        }
                        failures.add(what + ": " + describe(e));
                        out.println("[lab] " + what + " FAILED: " + describe(e));
                    }
                    completed = n;
                }
            }
        }
    }

    Options options(Workload workload, StoreType store, int threads) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^" + Pattern.quote(workload.benchmark()) + "$")
                .param("store", store.name())
                .threads(threads)
                .forks(request.forks)
                .warmupIterations(request.warmupIterations)
                .warmupTime(TimeValue.milliseconds(request.warmupMillis))
                .measurementIterations(request.measurementIterations)
                .measurementTime(TimeValue.milliseconds(request.measurementMillis))
                .shouldFailOnError(true)
                .addProfiler(GCProfiler.class);
        if (workload.usesDataset()) {
            b.param("datasetSize", Integer.toString(request.datasetSize));
        }
        if (flame != null) {
            b.addProfiler(AsyncProfiler.class, flame.jmhOptions(runProfiles));
        }
        if (agent != null) {
            b.addProfiler(agent.profilerClass(), agent.options());
        }
        return b.build();
    }

    /** Renames JMH's async-profiler folder for this trial and converts its recording. */
    private void collectProfiles(RunResult r, int threads) {
        if (flame == null) {
            return;
        }
        String jmhFolder = r.getParams().id().replace("%", "_"); // as JMH's AsyncProfiler names it
        Path jmhDir = runProfiles.resolve(jmhFolder);
        Path dir = runProfiles.resolve(jmhFolder + "-threads-" + threads);
        try {
            if (!Files.isDirectory(jmhDir)) {
                warnings.add("no async-profiler output for " + jmhFolder + " (expected " + jmhDir + ")");
                return;
            }
            Files.move(jmhDir, dir);
            FlameGraphs.convert(dir, r.getParams().getBenchmark() + " " + r.getParams().getParam("store") + " threads=" + threads);
            profileFolders.put(localKey(r.getParams().getBenchmark(), paramsOf(r), threads),
                    writer.id() + "/" + dir.getFileName());
        } catch (IOException | RuntimeException e) {
            warnings.add("flame graphs of " + jmhFolder + " threads=" + threads + " could not be made: " + describe(e));
        }
    }

    private static Map<String, String> paramsOf(RunResult r) {
        Map<String, String> p = new TreeMap<>();
        for (String k : r.getParams().getParamsKeys()) {
            p.put(k, r.getParams().getParam(k));
        }
        return p;
    }

    private static String localKey(String benchmark, Map<String, String> sortedParams, int threads) {
        return benchmark + "|" + sortedParams + "|" + threads;
    }

    /** Called by the JVM on SIGINT/SIGTERM while the run is on. */
    private void onSignal() {
        stopping = true;
        if (finishing.get()) {
            awaitFinished(); // the run is being stored already: let it finish before the JVM halts
            return;
        }
        jmhOutput.mute();
        stopForks();
        Outcome o = finish(RunStatus.INTERRUPTED, "interrupted (Ctrl-C / SIGINT or SIGTERM) while running " + current
                + ", after " + completed + " of " + request.benchmarkCount() + " benchmarks");
        if (o == null) {
            awaitFinished();
        }
        stopForks(); // a fork the main thread started while the run was being stored
    }

    private Outcome awaitSignalHandling() {
        awaitFinished();
        return null;
    }

    private void awaitFinished() {
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops JMH's forked JVMs (and anything else this JVM started): politely, then forcibly. */
    private static void stopForks() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (ProcessHandle p : children) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception ignored) {
                // still alive: forced below
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** Stores the run once (the first caller wins: normal end, failure or signal). */
    private Outcome finish(RunStatus status, String error) {
        if (!finishing.compareAndSet(false, true)) {
            return null;
        }
        try {
            List<RunResult> snapshot;
            synchronized (results) {
                snapshot = new ArrayList<>(results);
            }
            Map<String, String> profiles = new LinkedHashMap<>();
            Path jmhJson = writer.dir().resolve(StoredRun.JMH_RESULT);
            if (!snapshot.isEmpty()) {
                try (PrintStream json = new PrintStream(Files.newOutputStream(jmhJson), false, "UTF-8")) {
                    ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(snapshot);
                }
                profiles = profilesByKey(jmhJson);
            }
            if (status != RunStatus.INTERRUPTED && !snapshot.isEmpty()) {
                layouts();
            }
            Environment env = environment();
            RunManifest manifest = new RunManifest(RunManifest.SCHEMA, writer.id(), request.label, status, "run",
                    startedAt, Instant.now(), env, configuration(), null, profiles, error, new ArrayList<>(warnings));
            writer.commit(manifest);
            report(status, error, snapshot);
            return new Outcome(writer.id(), status, error);
        } catch (Throwable e) {
            err.println("lab run: could not store run " + writer.id() + ": " + describe(e));
            out.println(writer.id());
            return new Outcome(writer.id(), RunStatus.FAILED, describe(e));
        } finally {
            finished.countDown();
        }
    }

    private Map<String, String> profilesByKey(Path jmhJson) {
        Map<String, String> byKey = new LinkedHashMap<>();
        if (profileFolders.isEmpty()) {
            return byKey;
        }
        for (BenchmarkResult br : JmhResults.parse(jmhJson)) {
            String folder = profileFolders.get(localKey(br.benchmark(), new TreeMap<>(br.params()), br.threads()));
            if (folder != null) {
                byKey.put(br.key(), folder);
            }
        }
        return byKey;
    }

    /**
     * The JOL pass (lab.core.layout): class layouts and per-task footprints into the run folder.
     * Footprints are measured at {@link #LAYOUT_ENTRIES} tasks per store at most: bytes per entry
     * have settled by then, and walking a million-task graph per store and JVM configuration
     * would cost more than the whole quick run's budget allows. The smoke profile (CI, 90 s)
     * lays out the running JVM only; quick and full add compressed oops off and, when a JDK 25
     * is installed, its default and compact object headers.
     */
    private void layouts() {
        int entries = Math.min(request.datasetSize, LAYOUT_ENTRIES);
        List<String> jvms = request.profile == Profile.SMOKE ? List.of(System.getProperty("java.home")) : List.of();
        long t0 = System.nanoTime();
        try {
            out.println("[lab] JOL layouts and footprints at " + entries + " tasks per store (child JVMs) ...");
            LayoutPass.writeInto(writer.dir(), new LayoutLab.Request(jvms, List.of(), List.of(entries)),
                    line -> out.println("[lab]   " + line));
            out.println("[lab] layouts done in " + clock(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            warnings.add("JOL layouts could not be recorded: " + describe(e));
        }
    }

    private Environment environment() {
        try {
            return Environment.capture(request.repoRoot).withVersions(Version.getPlainVersion(),
                    agent == null ? null : agent.version(), flame == null ? null : flame.version());
        } catch (RuntimeException e) {
            warnings.add("environment capture failed: " + describe(e));
            return Environment.unknown();
        }
    }

    private RunConfiguration configuration() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("runner", "one JMH Runner per benchmark; -prof gc" + (agent != null ? ", -prof " + agent.profilerClass() : "")
                + (flame != null ? ", -prof async" : ""));
        extra.put("hotKeysForContention", HotKeys.HOT);
        extra.put("writeShareOfMixed", Mix.WRITES);
        extra.put("jvmArgsAppend", "-Xms4g -Xmx4g (the benchmarks' @Fork)");
        extra.put("createResetsStoreEachIteration", true);
        if (agent != null) {
            extra.put("agentIncludes", AGENT_INCLUDES);
            extra.put("agentJar", agent.jar().toString());
        }
        if (flame != null) {
            extra.put("asyncProfilerOptions", "event=" + flame.cpuEngine() + ";alloc;lock=" + FlameGraphs.LOCK_INTERVAL + ";interval="
                    + FlameGraphs.CPU_INTERVAL_NS + "ns;output=jfr, converted with jfr-converter");
        }
        List<String> stores = new ArrayList<>();
        for (StoreType s : request.stores) {
            stores.add(s.name());
        }
        return new RunConfiguration(request.profile.label(), stores, Workload.names(request.workloads),
                request.threads, request.datasetSize, ZipfKeys.describe(request.datasetSize),
                ZipfKeys.exponentFor(request.datasetSize), request.forks, request.warmupIterations,
                request.warmupMillis + " ms", request.measurementIterations, request.measurementMillis + " ms",
                agent != null, flame != null, flame != null ? FlameGraphs.EVENTS : List.of(), extra);
    }

    private void report(RunStatus status, String error, List<RunResult> snapshot) {
        if (status != RunStatus.INTERRUPTED) {
            out.println();
            jmhOutput.summary(snapshot);
        }
        out.println();
        for (String w : warnings) {
            out.println("[lab] warning: " + w);
        }
        String took = clock(Duration.between(startedAt, Instant.now()).toNanos());
        if (status == RunStatus.COMPLETE) {
            out.println("[lab] run complete: " + snapshot.size() + " results in " + took + ", stored in "
                    + writer.finalDir() + (flame != null ? ", flame graphs in " + runProfiles : ""));
        } else {
            err.println("[lab] run " + status.json() + " after " + took + ": " + error);
            out.println("[lab] run stored as " + status.json() + " with " + snapshot.size() + " results in " + writer.finalDir());
        }
        out.println(writer.id());
        out.flush();
    }

    /**
     * JMH refuses to start while another JMH run holds its machine-wide lock. On a shared machine
     * the lab runs anyway (a stored run is worth more than none) and says so in the run.
     */
    private void checkJmhLock() {
        Path lock = Paths.get(System.getProperty("java.io.tmpdir"), "jmh.lock");
        boolean held = false;
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                held = true;
            } else {
                l.release();
            }
        } catch (OverlappingFileLockException e) {
            held = true;
        } catch (IOException e) {
            // cannot tell: JMH will say
        }
        if (held) {
            warnings.add("another JMH run was in progress on this machine when this run started (" + lock
                    + " was locked): both shared the CPUs, figures may be perturbed");
        }
        System.setProperty("jmh.ignoreLock", "true");
    }

    private String eta(long began, int done, int total) {
        if (done == 0) {
            long perBenchmarkMs = request.forks * (1500L + (long) request.warmupIterations * request.warmupMillis
                    + (long) request.measurementIterations * request.measurementMillis);
            return "~" + clock(TimeUnit.MILLISECONDS.toNanos(perBenchmarkMs * total));
        }
        long elapsed = System.nanoTime() - began;
        return clock(elapsed / done * (total - done));
    }

    private static String score(RunResult r) {
        org.openjdk.jmh.results.Result<?> p = r.getPrimaryResult();
        return Double.isNaN(p.getScoreError())
                ? String.format(Locale.ROOT, "%.3f %s", p.getScore(), p.getScoreUnit())
                : String.format(Locale.ROOT, "%.3f ± %.3f %s", p.getScore(), p.getScoreError(), p.getScoreUnit());
    }

    static String clock(long nanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * The messages of an exception and its causes, one line. JMH reports a failing benchmark as a
     * RunnerException whose BenchmarkException carries the fork's own exceptions as suppressed
     * ones: those say what actually went wrong, so they are included.
     */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        describe(e, sb, seen);
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString().replace('\n', ' ');
    }

    private static void describe(Throwable e, StringBuilder sb, java.util.Set<Throwable> seen) {
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            String m = t.getMessage();
            String text = m == null || m.isBlank() ? null
                    : (t instanceof RuntimeException || t instanceof RunnerException || t instanceof IOException
                            ? m.strip() : t.getClass().getSimpleName() + ": " + m.strip());
            if (text != null && sb.indexOf(text) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(text);
            }
            for (Throwable s : t.getSuppressed()) {
                describe(s, sb, seen);
            }
        }
    }
}
