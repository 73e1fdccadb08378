package lab.api.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import lab.core.bench.ZipfKeys;
import lab.core.bench.run.AgentProfiler;
import lab.core.bench.run.FlameGraphs;
import lab.core.bench.run.Interruption;
import lab.core.bench.run.JvmAxis;
import lab.core.record.Environment;
import lab.core.record.JvmConfig;
import lab.core.record.LoadResults;
import lab.core.record.Progress;
import lab.core.record.RunConfiguration;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.store.AgentIncludes;
import lab.core.store.StoreType;

/**
 * One {@code ./lab load}, from request to stored run: the {@link LoadPlan}; per round a fresh
 * {@link ServerProcess} per store, warmed up, and the round's visits in their shuffled order, each
 * a warm-up and a measured {@link Wrk} interval; then the profiled pass (a server per store with
 * the lab agent and async-profiler: counts read around each measured interval, one flame graph
 * per point); every sample published by the {@link LoadRecorder} as it lands; Ctrl-C stores what
 * was measured as an interrupted run. Prints a line per interval and the table at the end
 * ({@link LoadTable}); the run id is the last line.
 *
 * <p>Why a separate profiled pass rather than counting during the timing rounds: the agent adds a
 * few nanoseconds to every lock and allocation it counts and async-profiler samples every
 * millisecond; the JMH runner keeps both out of its timing forks for the same reason. Counts are
 * read from the agent inside the server just before and after each measured interval (not at
 * JVM exit), so preloading and warm-up are not in them.
 */
public final class LoadRunner {

    /** How a load run ended. */
    public record Outcome(String id, RunStatus status, String error) {
    }

    private final LoadRequest request;
    private final LoadPlan plan;
    private final Wrk wrk;
    private final PrintStream out;
    private final PrintStream err;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, LoadResults.Point> points = new LinkedHashMap<>();
    private final List<List<String>> order = new ArrayList<>();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final JvmConfig serverJvm = JvmAxis.running();

    private LoadRecorder recorder;
    private LoadResults.Design design;
    private Interruption interruption;
    private Path requests;
    private Path script;
    private FlameGraphs flame;
    private Path agentJar;
    private int done;
    private long wrkSecondsDone;
    private long began;

    private LoadRunner(LoadRequest request, Wrk wrk, PrintStream out, PrintStream err) {
        this.request = request;
        this.plan = LoadPlan.of(request);
        this.wrk = wrk;
        this.out = out;
        this.err = err;
    }

    /** Runs the request and stores the run; the run id is the last line printed. */
    public static Outcome run(LoadRequest request, Wrk wrk, PrintStream out, PrintStream err) throws IOException {
        return new LoadRunner(request, wrk, out, err).execute();
    }

    private Outcome execute() throws IOException {
        if (plan.profiled()) {
            flame = FlameGraphs.probe(request.cacheDir, warnings);
            agentJar = request.agentJar != null ? request.agentJar
                    : AgentProfiler.defaultJar(request.repoRoot != null ? request.repoRoot : RunRepository.labHome());
            if (!Files.isRegularFile(agentJar)) {
                warnings.add("lab agent jar not found at " + agentJar.toAbsolutePath()
                        + " (build it: mvn -pl lab-agent package): no counts per request");
                agentJar = null;
            }
        }
        for (StoreType s : plan.stores()) {
            for (int c : plan.connections()) {
                points.put(LoadResults.Point.key(s.name(), c),
                        new LoadResults.Point(s.name(), c, Wrk.threadsFor(c, cores), List.of(), null));
            }
        }
        int wrkThreads = plan.connections().stream().mapToInt(c -> Wrk.threadsFor(c, cores)).max().orElse(1);
        requests = Files.createTempDirectory("lab-load-");
        try {
            RequestStreams.Written written = RequestStreams.write(requests, request.mix, request.datasetSize, wrkThreads);
            script = written.script();
            design = new LoadResults.Design(request.mix.shares(), plan.connections(), plan.durationSeconds(),
                    plan.warmupSeconds(), plan.startWarmupSeconds(), request.datasetSize,
                    ZipfKeys.describe(request.datasetSize), written.perThread(), wrk.version(),
                    Wrk.TIMEOUT_SECONDS, serverJvm, agentJar == null ? null : AgentIncludes.STORES, cores);
            recorder = LoadRecorder.begin(new RunRepository(request.reportsDir), plan, request.label, environment(),
                    configuration(), serverJvm);
            Files.copy(script, recorder.dir().resolve(RequestStreams.SCRIPT));
            line("load " + recorder.id() + ": " + plan.stores().size() + " store(s) x connections " + plan.connections()
                    + ", " + plan.rounds() + " round(s) of " + plan.durationSeconds() + " s (+" + plan.warmupSeconds()
                    + " s warm-up) per point" + (plan.profiled() ? ", then a profiled pass" : "") + ", mix " + request.mix
                    + ", " + String.format(Locale.ROOT, "%,d", request.datasetSize) + " tasks per server; wrk "
                    + wrk.version() + "; ETA " + clock(plan.wrkSeconds()) + " of wrk plus server starts");
            for (String w : warnings) {
                line("warning: " + w);
            }
            began = System.nanoTime();
            try (Interruption i = new Interruption(recorder.id(), () -> { })) {
                interruption = i;
                return measureAndStore();
            }
        } finally {
            deleteTree(requests);
        }
    }

    private Outcome measureAndStore() {
        publish("starting");
        for (int round = 0; round < plan.rounds() && !stopping(); round++) {
            timingRound(round);
        }
        if (plan.profiled()) {
            for (StoreType store : plan.stores()) {
                if (stopping()) {
                    break;
                }
                profiledPass(store);
            }
        }
        return store();
    }

    private void timingRound(int round) {
        List<String> ran = new ArrayList<>();
        order.add(ran);
        Map<StoreType, ServerProcess> servers = new LinkedHashMap<>();
        try {
            for (StoreType store : plan.stores()) {
                if (stopping()) {
                    return;
                }
                ServerProcess s = startServer(store, List.of(), null, "round " + (round + 1));
                if (s != null) {
                    servers.put(store, s);
                }
            }
            for (LoadPlan.Visit v : plan.round(round)) {
                ServerProcess server = servers.get(v.store());
                if (stopping()) {
                    return;
                }
                if (server == null) {
                    continue; // it failed to start: recorded once
                }
                String what = "round " + (round + 1) + "/" + plan.rounds() + " " + v.store() + " c=" + v.connections();
                try {
                    warmUp(server, v.connections(), plan.warmupSeconds(), what);
                    LoadResults.Sample s = measure(server, v.connections(), round, what);
                    ran.add(v.key());
                    points.computeIfPresent(v.key(), (k, p) -> p.withRound(s));
                    done++;
                    line(what + ": " + LoadTable.describe(s));
                } catch (IOException e) {
                    fail(what, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                publish(what);
            }
        } finally {
            servers.values().forEach(ServerProcess::close);
        }
    }

    private void profiledPass(StoreType store) {
        List<String> jvmArgs = new ArrayList<>();
        if (agentJar != null) {
            String report = recorder.dir().resolve("agent-" + store.name() + ".json").toAbsolutePath().toString();
            jvmArgs.add("-javaagent:" + agentJar.toAbsolutePath() + "=includes=" + AgentIncludes.STORES
                    + (report.contains(",") ? "" : ",report=" + report));
        }
        ServerProcess server = startServer(store, jvmArgs, flame == null ? null : flame.library(), "profiled pass");
        if (server == null) {
            return;
        }
        try (server) {
            for (int c : plan.connections()) {
                if (stopping()) {
                    return;
                }
                String what = "profiled " + store + " c=" + c;
                try {
                    warmUp(server, c, plan.warmupSeconds(), what);
                    LoadResults.Profiled p = profiledInterval(server, store, c, what);
                    points.computeIfPresent(LoadResults.Point.key(store.name(), c), (k, pt) -> pt.withProfiled(p));
                    done++;
                    line(what + ": " + LoadTable.describe(p));
                } catch (IOException e) {
                    fail(what, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                publish(what);
            }
        }
    }

    /**
     * One profiled interval: async-profiler started, the agent's totals read, wrk, the totals read
     * again, the profiler stopped (so neither command's own work is in the counts), and the
     * recording converted into flame graphs.
     */
    private LoadResults.Profiled profiledInterval(ServerProcess server, StoreType store, int connections, String what)
            throws IOException, InterruptedException {
        Path folder = null;
        if (flame != null) {
            folder = request.profilesDir.resolve(recorder.id()).resolve(store.name() + "-c" + connections);
            Files.createDirectories(folder);
            server.profile(flame.startCommand(folder.resolve("jfr-load.jfr")));
        }
        LoadResults.Counts before = null;
        String countsError = agentJar == null ? "no lab agent jar (see the run's warnings)" : null;
        if (agentJar != null) {
            try {
                before = server.counters();
            } catch (ServerProcess.CountsUnavailable e) {
                countsError = e.getMessage();
            }
        }
        LoadResults.Sample sample = measure(server, connections, -1, what);
        LoadResults.Counts counts = null;
        if (before != null) {
            counts = server.counters().minus(before);
        }
        String profile = null;
        if (folder != null) {
            server.profile("stop");
            try {
                FlameGraphs.convert(folder, store + " c=" + connections + " (load run " + recorder.id() + ")");
                profile = request.profilesDir.relativize(folder).toString();
            } catch (IOException | RuntimeException e) {
                warnings.add("flame graphs of " + what + " could not be converted: " + e.getMessage());
            }
        }
        return new LoadResults.Profiled(sample, counts, countsError, profile);
    }

    private ServerProcess startServer(StoreType store, List<String> jvmArgs, Path profiler, String when) {
        String what = store + " server (" + when + ")";
        try {
            long t0 = System.nanoTime();
            ServerProcess s = ServerProcess.start(store, request.datasetSize, serverJvm.java(), jvmArgs, profiler,
                    recorder.dir().resolve("server-" + store.name() + ".log"));
            warmUp(s, plan.maxConnections(), plan.startWarmupSeconds(), what + " start");
            line(what + ": pid " + s.pid() + ", port " + s.port() + ", ready and warmed up in "
                    + clock((System.nanoTime() - t0) / 1_000_000_000L));
            return s;
        } catch (IOException e) {
            fail(what, e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void warmUp(ServerProcess server, int connections, int seconds, String what)
            throws IOException, InterruptedException {
        if (seconds > 0) {
            wrk.run(server.url(), Wrk.threadsFor(connections, cores), connections, seconds, script, requests, -1,
                    recorder.dir().resolve("wrk.log"), what + " (warm-up)");
            wrkSecondsDone += seconds;
        }
    }

    private LoadResults.Sample measure(ServerProcess server, int connections, int round, String what)
            throws IOException, InterruptedException {
        LoadResults.Sample s = wrk.run(server.url(), Wrk.threadsFor(connections, cores), connections,
                plan.durationSeconds(), script, requests, round, recorder.dir().resolve("wrk.log"), what);
        wrkSecondsDone += plan.durationSeconds();
        return s;
    }

    private void fail(String what, Exception e) {
        if (stopping()) {
            return; // killed by the interruption, not failed
        }
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        failures.add(what + ": " + reason);
        line(what + " FAILED: " + reason);
    }

    private boolean stopping() {
        return interruption.stopping() || Thread.currentThread().isInterrupted();
    }

    private LoadResults results() {
        return new LoadResults(LoadResults.SCHEMA, design, List.copyOf(points.values()));
    }

    private void publish(String current) {
        if (stopping()) {
            return;
        }
        long left = Math.max(0, plan.wrkSeconds() - wrkSecondsDone);
        recorder.publish(results(), order, new Progress(done, plan.intervals(), left, current,
                ProcessHandle.current().pid(), Instant.now()), warnings);
    }

    private Outcome store() {
        LoadResults results = results();
        boolean any = results.points().stream().anyMatch(p -> !p.rounds().isEmpty());
        RunStatus status;
        String error;
        if (interruption.stopping()) {
            status = RunStatus.INTERRUPTED;
            error = "interrupted (Ctrl-C / SIGINT or SIGTERM) after " + done + " of " + plan.intervals() + " intervals";
        } else {
            status = failures.isEmpty() && any ? RunStatus.COMPLETE : RunStatus.FAILED;
            error = failures.isEmpty() ? (any ? null : "no interval was measured")
                    : failures.size() + " failure(s): " + String.join("; ", failures);
        }
        try {
            recorder.commit(status, error, results, order, warnings);
        } catch (RuntimeException e) {
            err.println("lab load: could not store run " + recorder.id() + ": " + e.getMessage());
            out.println(recorder.id());
            return new Outcome(recorder.id(), RunStatus.FAILED, e.getMessage());
        } finally {
            interruption.storeDone();
        }
        out.println();
        LoadTable.print(results, out);
        for (String w : warnings) {
            line("warning: " + w);
        }
        String took = clock(Duration.between(recorder.startedAt(), Instant.now()).toSeconds());
        if (status == RunStatus.COMPLETE) {
            line("load run complete in " + took + ", stored in " + recorder.finalDir());
        } else {
            err.println("[lab] load run " + status.json() + " after " + took + ": " + error);
            line("load run stored as " + status.json() + " in " + recorder.finalDir());
        }
        out.println(recorder.id());
        out.flush();
        return new Outcome(recorder.id(), status, error);
    }

    private Environment environment() {
        try {
            return Environment.capture(request.repoRoot).withVersions(null,
                    agentJar == null ? null : AgentProfiler.jarVersion(agentJar), flame == null ? null : flame.version());
        } catch (RuntimeException e) {
            warnings.add("environment capture failed: " + e.getMessage());
            return Environment.unknown();
        }
    }

    private RunConfiguration configuration() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("mix", request.mix.toString());
        extra.put("connections", plan.connections());
        extra.put("durationSeconds", plan.durationSeconds());
        extra.put("warmupSeconds", plan.warmupSeconds());
        if (plan.stores().stream().anyMatch(StoreType::isActor)) {
            // the servers' actor stores wait as StoreType.create() makes them, not as JMH runs' auto
            extra.put(LoadResults.ACTOR_WAIT, StoreType.CREATED_WAIT.paramName());
        }
        return new RunConfiguration(null, plan.stores().stream().map(Enum::name).toList(), null, null, request.datasetSize,
                ZipfKeys.describe(request.datasetSize), ZipfKeys.exponentFor(request.datasetSize), plan.rounds(), null, null,
                null, plan.durationSeconds() + " s", agentJar != null, flame != null,
                flame == null ? null : FlameGraphs.EVENTS, extra);
    }

    private void line(String text) {
        long elapsed = began == 0 ? 0 : (System.nanoTime() - began) / 1_000_000_000L;
        out.println("[lab] " + (began == 0 ? "" : clock(elapsed) + "  ") + text);
        out.flush();
    }

    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it eventually
        }
    }
}
