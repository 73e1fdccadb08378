package lab.core.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run being written. Everything goes into {@code reports/.tmp-<id>/}, which no reader lists;
 * {@link #commit} writes run.json last and renames the folder to {@code reports/<id>} in one
 * atomic step, so a reader sees either no run or a whole one — whatever its status.
 */
public final class RunWriter {

    private final String id;
    private final Path tempDir;
    private final Path finalDir;
    private boolean done;

    RunWriter(String id, Path tempDir, Path finalDir) {
        this.id = id;
        this.tempDir = tempDir;
        this.finalDir = finalDir;
    }

    public String id() {
        return id;
    }

    /** The folder to write the run's files into until {@link #commit}. */
    public Path dir() {
        return tempDir;
    }

    /** The folder the run will have once committed. */
    public Path finalDir() {
        return finalDir;
    }

    /**
     * Writes run.json (the manifest with this run's id and the files present) and publishes the
     * run. Idempotent guard: a second commit (e.g. from a shutdown hook racing normal completion)
     * is refused.
     */
    public synchronized StoredRun commit(RunManifest manifest) {
        if (done) {
            throw new IllegalStateException("run " + id + " is already committed or abandoned");
        }
        try {
            List<String> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(tempDir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(StoredRun.MANIFEST) && !n.startsWith("."))
                        .sorted().forEach(files::add);
            }
            files.add(StoredRun.MANIFEST);
            RunManifest m = manifest.withId(id).withFiles(files);
            Path tmpManifest = tempDir.resolve(".run.json.tmp");
            Json.MAPPER.writeValue(tmpManifest.toFile(), m);
            Files.move(tmpManifest, tempDir.resolve(StoredRun.MANIFEST), StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(tempDir, finalDir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the reports folder does not support atomic renames: " + e.getMessage(), e);
            }
            done = true;
            return StoredRun.load(finalDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store run " + id + " (its files stay in " + tempDir + "): "
                    + e.getMessage(), e);
        }
    }

    /** Deletes the temporary folder: nothing of this run stays. */
    public synchronized void abandon() {
        if (done) {
            return;
        }
        done = true;
        if (!Files.exists(tempDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(tempDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + tempDir + ": " + e.getMessage(), e);
        }
    }

    public synchronized boolean isDone() {
        return done;
    }
}
