package lab.core.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One folder of reports/. A run whose run.json cannot be read is still a StoredRun — with
 * {@link #readError()} set and a manifest made from what the folder tells — so lists can show it
 * with its error instead of hiding it.
 */
public final class StoredRun {

    public static final String MANIFEST = "run.json";
    public static final String JMH_RESULT = "jmh.json";
    /** The profiled fork of each benchmark (agent, async-profiler, gc): counts, not scores. */
    public static final String JMH_PROFILED = "jmh-profiled.json";
    /** A load run's measurements ({@link LoadResults}). */
    public static final String LOAD = "load.json";
    /** An agent run's report, verbatim as the agent wrote it ({@link AgentReport}). */
    public static final String AGENT = "agent.json";
    /** JMH's console output of every fork. */
    public static final String JMH_LOG = "jmh.log";
    /** A run being written lives in {@code .tmp-<id>} until it is committed. */
    public static final String TEMP_PREFIX = ".tmp-";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private final Path dir;
    private final RunManifest manifest;
    private final String readError;
    private volatile List<BenchmarkResult> results;
    private volatile List<BenchmarkResult> profiledResults;
    private volatile Optional<Layouts> layouts;
    private volatile Optional<LoadResults> loadResults;
    private volatile Optional<AgentReport> agentReport;

    private StoredRun(Path dir, RunManifest manifest, String readError) {
        this.dir = dir;
        this.manifest = manifest;
        this.readError = readError;
    }

    static StoredRun load(Path dir) {
        String name = dir.getFileName().toString();
        if (name.startsWith(TEMP_PREFIX)) {
            return loadUnfinished(dir, name.substring(TEMP_PREFIX.length()));
        }
        String id = name;
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return unreadable(dir, id, "run.json is missing");
        }
        try {
            RunManifest m = Json.MAPPER.readValue(file.toFile(), RunManifest.class);
            if (m.schema() > RunManifest.SCHEMA) {
                // A newer lab wrote it: what we know of the format is read, the rest ignored.
                m = new RunManifest(m.schema(), m.id(), m.label(), m.status(), m.source(), m.startedAt(), m.endedAt(),
                        m.environment(), m.configuration(), m.files(), m.profiles(), m.error(),
                        append(m.warnings(), "written by a newer storelab (schema " + m.schema() + "); fields it added are not shown"));
            }
            if (m.status() == null) {
                return unreadable(dir, id, "run.json has no status");
            }
            if (!m.status().isFinal()) {
                // A committed folder is final whatever its manifest says (a writer that crashed mid-commit).
                m = m.withStatus(RunStatus.FAILED, "stored as " + m.status().json() + " in a committed folder");
            }
            // The folder name is the id the lab serves the run under, whatever the file says.
            return new StoredRun(dir, m.withId(id), null);
        } catch (IOException | RuntimeException e) {
            return unreadable(dir, id, "run.json is unreadable: " + e.getMessage());
        }
    }

    /**
     * A {@code .tmp-<id>} folder: RUNNING while the process that writes it is alive, ABANDONED
     * otherwise — with whatever it had published (its measured results stay readable). A folder
     * whose live writer has not published a manifest yet (an import being stored) is no run yet:
     * null.
     */
    private static StoredRun loadUnfinished(Path dir, String id) {
        boolean alive = RunWriter.writerAlive(dir);
        Path file = dir.resolve(MANIFEST);
        RunManifest m = null;
        if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                m = Json.MAPPER.readValue(file.toFile(), RunManifest.class);
            } catch (IOException | RuntimeException e) {
                m = null;
            }
        }
        if (m == null) {
            if (alive) {
                return null;
            }
            StoredRun u = unreadable(dir, id, "killed before it published anything (no readable run.json)");
            return new StoredRun(dir, u.manifest.withStatus(RunStatus.ABANDONED, u.manifest.error()), null);
        }
        m = m.withId(id);
        if (m.status() == RunStatus.RUNNING && !alive) {
            m = m.withStatus(RunStatus.ABANDONED, "its process (pid " + (m.progress() == null ? "?" : m.progress().pid())
                    + ") is gone: killed before it could store the run; what it had measured is kept");
        } else if (m.status().isFinal()) {
            // Written as final but never renamed: the commit itself was cut short.
            m = m.withStatus(alive ? RunStatus.RUNNING : RunStatus.ABANDONED,
                    alive ? null : "killed while it was being stored as " + m.status().json());
        }
        return new StoredRun(dir, m, null);
    }

    private static List<String> append(List<String> list, String item) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static StoredRun unreadable(Path dir, String id, String error) {
        Instant when;
        try {
            FileTime t = Files.getLastModifiedTime(dir);
            when = t.toInstant();
        } catch (IOException e) {
            when = Instant.EPOCH;
        }
        RunManifest m = new RunManifest(RunManifest.SCHEMA, id, "", RunStatus.FAILED, null, when, null, null, null,
                null, null, error, null);
        return new StoredRun(dir, m, error);
    }

    public String id() {
        return manifest.id();
    }

    public Path dir() {
        return dir;
    }

    public RunManifest manifest() {
        return manifest;
    }

    /** Why the run could not be read, or null. */
    public String readError() {
        return readError;
    }

    public boolean readable() {
        return readError == null;
    }

    /** Whether the run can still change (a running run); final runs can be rendered once. */
    public boolean isFinal() {
        return manifest.status().isFinal();
    }

    /**
     * The timing results of the run (parsed once, then cached): scores, their intervals and B/op
     * come from these. Each carries its JVM configuration and the round of each fork when the
     * runner recorded them. Empty when the run has no jmh.json (e.g. it failed before JMH wrote one).
     *
     * @throws JmhFormatException when jmh.json exists but is not JMH JSON
     */
    public List<BenchmarkResult> results() {
        List<BenchmarkResult> r = results;
        if (r == null) {
            r = annotated(parse(JMH_RESULT), true);
            results = r;
        }
        return r;
    }

    /**
     * The profiled fork of each benchmark (lab agent, async-profiler and gc in one fork): the lab.*
     * counts come from these. Their gc.alloc.rate.norm includes the agent's and the profiler's own
     * allocation, so it is not the store's B/op. Empty when the run has none.
     */
    public List<BenchmarkResult> profiledResults() {
        List<BenchmarkResult> r = profiledResults;
        if (r == null) {
            r = annotated(parse(JMH_PROFILED), false);
            profiledResults = r;
        }
        return r;
    }

    /** The profiled fork's result for a timing result's key, if the run has one. */
    public Optional<BenchmarkResult> profiled(String key) {
        return profiledResults().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * The run's JOL layouts ({@code layouts.json}, parsed once, then cached); empty when the run has
     * none (the layout pass did not run, or failed before writing).
     *
     * @throws IllegalArgumentException when layouts.json exists but cannot be read as one (the
     *                                  message says why)
     */
    public Optional<Layouts> layouts() {
        Optional<Layouts> l = layouts;
        if (l == null) {
            Optional<Path> f = readError == null ? file(Layouts.FILE_NAME) : Optional.empty();
            try {
                l = f.map(p -> Layouts.parse(readNoFollow(p)));
            } catch (JmhFormatException unreadable) {
                throw new IllegalArgumentException(unreadable.getMessage(), unreadable);
            }
            layouts = l;
        }
        return l;
    }

    /**
     * A load run's {@code load.json} (parsed once, then cached); empty when the run has none.
     *
     * @throws IllegalArgumentException when load.json exists but cannot be read as one (the message
     *                                  says why)
     */
    public Optional<LoadResults> loadResults() {
        Optional<LoadResults> r = loadResults;
        if (r == null) {
            Optional<Path> f = readError == null ? file(LOAD) : Optional.empty();
            try {
                r = f.isPresent() ? Optional.of(Json.MAPPER.readValue(readNoFollow(f.get()), LoadResults.class)) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(LOAD + " of run " + id() + " is unreadable: " + e.getMessage(), e);
            }
            loadResults = r;
        }
        return r;
    }

    /**
     * An agent run's report ({@code agent.json}, parsed once, then cached); empty when the run has
     * none.
     *
     * @throws IllegalArgumentException when agent.json exists but cannot be read as one (the
     *                                  message says why)
     */
    public Optional<AgentReport> agentReport() {
        Optional<AgentReport> r = agentReport;
        if (r == null) {
            Optional<Path> f = readError == null ? file(AGENT) : Optional.empty();
            try {
                r = f.map(p -> AgentReports.parse(readNoFollow(p)));
            } catch (AgentReportException | JmhFormatException e) {
                throw new IllegalArgumentException(AGENT + " of run " + id() + " is unreadable: " + e.getMessage(), e);
            }
            agentReport = r;
        }
        return r;
    }

    private List<BenchmarkResult> parse(String name) {
        Optional<Path> f = readError == null ? file(name) : Optional.empty();
        return f.isPresent() ? JmhResults.parse(readNoFollow(f.get())) : List.of();
    }

    /**
     * Attaches the runner's {@link ResultInfo} to each result. Timing results line up with
     * {@code manifest.results()} by position, profiled ones by {@link ResultInfo#profiledIndex()}.
     * An entry the manifest does not describe yet (a running run published jmh.json a moment
     * before run.json) keeps JMH's view only.
     */
    private List<BenchmarkResult> annotated(List<BenchmarkResult> parsed, boolean timing) {
        List<ResultInfo> infos = manifest.results();
        if (infos.isEmpty() || parsed.isEmpty()) {
            return List.copyOf(parsed);
        }
        List<BenchmarkResult> out = new java.util.ArrayList<>(parsed.size());
        if (timing) {
            for (int i = 0; i < parsed.size(); i++) {
                BenchmarkResult r = parsed.get(i);
                ResultInfo info = i < infos.size() ? infos.get(i) : null;
                out.add(info != null && describes(info, r) ? r.withRunInfo(info.jvm(), info.rounds()) : r);
            }
            return List.copyOf(out);
        }
        // Profiled forks: the manifest says which entry of jmh-profiled.json belongs to which result.
        java.util.Map<Integer, ResultInfo> byIndex = new java.util.HashMap<>();
        for (ResultInfo info : infos) {
            if (info.profiledIndex() != null) {
                byIndex.put(info.profiledIndex(), info);
            }
        }
        for (int i = 0; i < parsed.size(); i++) {
            BenchmarkResult r = parsed.get(i);
            ResultInfo info = byIndex.get(i);
            out.add(info != null && describes(info, r) ? r.withRunInfo(info.jvm(), List.of()) : r);
        }
        return List.copyOf(out);
    }

    private static boolean describes(ResultInfo info, BenchmarkResult r) {
        return baseKey(info).equals(r.keyWithoutJvm());
    }

    private static String baseKey(ResultInfo info) {
        int jvm = info.key().indexOf("|jvm=");
        return jvm < 0 ? info.key() : info.key().substring(0, jvm);
    }

    /**
     * A file of this run by plain name. Names with separators, "..", a leading dot, or anything
     * that resolves outside the run folder give empty: URLs pass names straight here. A symbolic
     * link is not a file of the run (it could point anywhere): open the path with
     * {@link LinkOption#NOFOLLOW_LINKS} too, so a link swapped in afterwards is not followed.
     */
    public Optional<Path> file(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        Path p = dir.resolve(name).normalize();
        if (!p.getParent().equals(dir.normalize()) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private static byte[] readNoFollow(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new JmhFormatException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "StoredRun[" + id() + ", " + manifest.status().json() + (readError == null ? "" : ", " + readError) + "]";
    }
}
