package lab.core.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The reports folder: one sub-folder per stored run, named by its id. {@code .tmp-<id>} folders
 * are runs being written ({@link RunWriter}): listed as RUNNING while their writer lives and as
 * ABANDONED once it is gone; other names that are not run ids are not runs and are skipped.
 */
public final class RunRepository {

    private final Path reportsDir;

    public RunRepository(Path reportsDir) {
        this.reportsDir = reportsDir.toAbsolutePath().normalize();
    }

    /** {@code <lab.home>/reports}: ./lab sets lab.home to the checkout; else the working directory. */
    public static Path defaultReports() {
        return labHome().resolve("reports");
    }

    /** {@code <lab.home>/profiles}. */
    public static Path defaultProfiles() {
        return labHome().resolve("profiles");
    }

    public static Path labHome() {
        return Path.of(System.getProperty("lab.home", ".")).toAbsolutePath().normalize();
    }

    public Path dir() {
        return reportsDir;
    }

    /** Every run, stored, running or abandoned, newest first (start time, then id). */
    public List<StoredRun> list() {
        if (!Files.isDirectory(reportsDir)) {
            return List.of();
        }
        List<StoredRun> runs = new ArrayList<>();
        try (Stream<Path> s = Files.list(reportsDir)) {
            for (Path p : s.toList()) {
                String id = runIdOf(p.getFileName().toString());
                if (id != null && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    StoredRun run = StoredRun.load(p);
                    if (run != null) {
                        runs.add(run);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + reportsDir + ": " + e.getMessage(), e);
        }
        // A run committed between listing and loading shows up twice: keep the committed one.
        java.util.Set<String> committed = new java.util.HashSet<>();
        for (StoredRun r : runs) {
            if (!r.dir().getFileName().toString().startsWith(StoredRun.TEMP_PREFIX)) {
                committed.add(r.id());
            }
        }
        runs.removeIf(r -> r.dir().getFileName().toString().startsWith(StoredRun.TEMP_PREFIX) && committed.contains(r.id()));
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    /** The run id a folder name stands for ({@code <id>} or {@code .tmp-<id>}), or null. */
    private static String runIdOf(String folder) {
        String id = folder.startsWith(StoredRun.TEMP_PREFIX) ? folder.substring(StoredRun.TEMP_PREFIX.length()) : folder;
        return RunId.isValid(id) ? id : null;
    }

    /**
     * Deletes the folders of abandoned runs (their writer is gone); running and stored runs are
     * never touched.
     *
     * @return the ids removed
     */
    public List<String> removeAbandoned() {
        List<String> removed = new ArrayList<>();
        for (StoredRun r : list()) {
            if (r.manifest().status() == RunStatus.ABANDONED) {
                RunWriter.deleteTree(r.dir());
                removed.add(r.id());
            }
        }
        return removed;
    }

    /**
     * The newest complete, readable run of a kind: what the claims and the load page read by
     * default (the JMH run a load run's matrix shows ns/op from, the load run the RPS claims are
     * judged on).
     */
    public Optional<StoredRun> newestComplete(RunKind kind) {
        return list().stream()
                .filter(r -> r.readable() && r.manifest().status() == RunStatus.COMPLETE && r.manifest().kind() == kind)
                .findFirst();
    }

    public static final Comparator<StoredRun> NEWEST_FIRST = Comparator
            .comparing((StoredRun r) -> r.manifest().startedAt() == null ? Instant.EPOCH : r.manifest().startedAt())
            .thenComparing(StoredRun::id).reversed();

    /**
     * The run with this id, or empty.
     *
     * @throws IllegalArgumentException when {@code id} is not a run id (so it cannot name a path)
     */
    public Optional<StoredRun> find(String id) {
        RunId.requireValid(id);
        for (int attempt = 0; attempt < 2; attempt++) {
            Path dir = reportsDir.resolve(id);
            if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(StoredRun.load(dir));
            }
            Path temp = reportsDir.resolve(StoredRun.TEMP_PREFIX + id);
            if (Files.isDirectory(temp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.ofNullable(StoredRun.load(temp));
            }
            // neither: perhaps committed (renamed) between the two checks; look once more
        }
        return Optional.empty();
    }

    /** Starts a run: a fresh id (suffixed -2, -3 … on a clash) and its temporary folder. */
    public RunWriter begin(String label, Instant startedAt) {
        String base = RunId.create(startedAt, label);
        try {
            Files.createDirectories(reportsDir);
            for (int n = 1; n < 1000; n++) {
                String id = n == 1 ? base : suffixed(base, n);
                Path finalDir = reportsDir.resolve(id);
                if (Files.exists(finalDir)) {
                    continue;
                }
                Path temp = reportsDir.resolve(".tmp-" + id);
                try {
                    Files.createDirectory(temp); // atomic: two writers cannot both get this id
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                RunWriter.markWriter(temp);
                return new RunWriter(id, temp, finalDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + reportsDir + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("no free run id for " + base);
    }

    private static String suffixed(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > RunId.MAX_LENGTH
                ? base.substring(0, RunId.MAX_LENGTH - suffix.length()) : base;
        return head + suffix;
    }

    /**
     * Stores any JMH JSON result as a complete run: jmh.json verbatim, run.json from what the JSON
     * tells (JVM, JMH version, benchmarks, params). Nothing is written when the bytes are not a
     * JMH result.
     *
     * @return the new run's id
     * @throws JmhFormatException with the reason when the bytes are not a JMH result
     */
    public String importJmh(byte[] json, String label, String source) {
        List<BenchmarkResult> results = JmhResults.parse(json);
        if (results.isEmpty()) {
            throw new JmhFormatException("the JMH result holds no benchmark results (an empty array)");
        }
        ImportLimits.check(results);
        if (label != null && label.length() > ImportLimits.MAX_LABEL) {
            throw new JmhFormatException("the label is longer than " + ImportLimits.MAX_LABEL + " characters");
        }
        Instant now = Instant.now();
        RunWriter w = begin(label == null || label.isBlank() ? "import" : label, now);
        try {
            Files.write(w.dir().resolve(StoredRun.JMH_RESULT), json);
            RunManifest m = new RunManifest(RunManifest.SCHEMA, w.id(), label == null ? "" : label, RunStatus.COMPLETE,
                    source, now, now, environmentOf(results), configurationOf(results), null, null, null, null);
            return w.commit(m).id();
        } catch (IOException | RuntimeException e) {
            w.abandon();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException("could not store the imported result: " + e.getMessage(), (IOException) e);
        }
    }

    /**
     * Stores a lab agent report as a complete run of kind {@link RunKind#AGENT}: agent.json
     * verbatim, run.json from what the report tells (its window as the run's start and end, the
     * JVM, the agent's version, includes and warnings). Nothing is written when the bytes are not
     * an agent report the lab can store.
     *
     * @return the new run's id
     * @throws AgentReportException with the reason when they are not
     */
    public String importAgent(byte[] json, String label, String source) {
        AgentReport report = AgentReports.parse(json);
        if (label != null && label.length() > ImportLimits.MAX_LABEL) {
            throw new AgentReportException("the label is longer than " + ImportLimits.MAX_LABEL + " characters");
        }
        RunWriter w = begin(label == null || label.isBlank() ? "agent" : label, Instant.now());
        try {
            Files.write(w.dir().resolve(StoredRun.AGENT), json);
            AgentReport.Agent a = report.agent();
            Environment env = new Environment(null, null, a.jvm(), null, null, null, null, null, null, null, null, null, null,
                    null, a.version(), null, null);
            java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();
            extra.put("Agent mode", a.mode());
            extra.put("Includes", a.includes());
            extra.put("Agent options", a.options());
            extra.put("Pid", a.pid());
            extra.values().removeIf(java.util.Objects::isNull);
            RunConfiguration config = new RunConfiguration(null, null, null, null, null, null, null, null, null, null, null,
                    null, true, null, null, extra);
            RunManifest m = new RunManifest(RunManifest.SCHEMA, w.id(), label == null ? "" : label, RunStatus.COMPLETE, source,
                    report.window().start(), report.window().end(), env, config, null, null, null, report.warnings(),
                    RunKind.AGENT, null, null, null);
            return w.commit(m).id();
        } catch (IOException | RuntimeException e) {
            w.abandon();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException("could not store the agent report: " + e.getMessage(), (IOException) e);
        }
    }

    private static Environment environmentOf(List<BenchmarkResult> results) {
        BenchmarkResult r = results.get(0);
        return new Environment(null, r.vmVersion() != null ? r.vmVersion() : r.jdkVersion(), r.vmName(), null, null,
                null, null, null, null, null, null, null, null, r.jmhVersion(), null, null, null);
    }

    private static RunConfiguration configurationOf(List<BenchmarkResult> results) {
        Set<String> stores = new LinkedHashSet<>();
        Set<String> workloads = new LinkedHashSet<>();
        Set<Integer> threads = new TreeSet<>();
        Integer forks = null;
        for (BenchmarkResult r : results) {
            if (r.param("store") != null) {
                stores.add(r.param("store"));
            }
            workloads.add(r.method());
            threads.add(r.threads());
            forks = forks == null ? r.forks() : Math.max(forks, r.forks());
        }
        return new RunConfiguration(null, stores.isEmpty() ? null : first(stores), first(workloads), first(threads), null,
                null, null, forks, null, null, null, null, null, null, null, null);
    }

    private static <T> List<T> first(Set<T> values) {
        return values.stream().limit(ImportLimits.MAX_LIST).toList();
    }
}
