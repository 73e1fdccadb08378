package lab.core.record;

import java.io.IOException;
import java.nio.file.Files;
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
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private final Path dir;
    private final RunManifest manifest;
    private final String readError;
    private volatile List<BenchmarkResult> results;

    private StoredRun(Path dir, RunManifest manifest, String readError) {
        this.dir = dir;
        this.manifest = manifest;
        this.readError = readError;
    }

    static StoredRun load(Path dir) {
        String id = dir.getFileName().toString();
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
            // The folder name is the id the lab serves the run under, whatever the file says.
            return new StoredRun(dir, m.withId(id), null);
        } catch (IOException | RuntimeException e) {
            return unreadable(dir, id, "run.json is unreadable: " + e.getMessage());
        }
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

    /**
     * The JMH results of the run (parsed once, then cached). Empty when the run has no jmh.json
     * (e.g. it failed before JMH wrote one).
     *
     * @throws JmhFormatException when jmh.json exists but is not JMH JSON
     */
    public List<BenchmarkResult> results() {
        List<BenchmarkResult> r = results;
        if (r == null) {
            Path f = dir.resolve(JMH_RESULT);
            r = readError == null && Files.isRegularFile(f) ? List.copyOf(JmhResults.parse(f)) : List.of();
            results = r;
        }
        return r;
    }

    /**
     * A file of this run by plain name. Names with separators, "..", a leading dot, or anything
     * that resolves outside the run folder give empty: URLs pass names straight here.
     */
    public Optional<Path> file(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        Path p = dir.resolve(name).normalize();
        if (!p.getParent().equals(dir.normalize()) || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    @Override
    public String toString() {
        return "StoredRun[" + id() + ", " + manifest.status().json() + (readError == null ? "" : ", " + readError) + "]";
    }
}
