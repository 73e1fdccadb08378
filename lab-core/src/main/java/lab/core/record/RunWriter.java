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
 * A run being written. Everything goes into {@code reports/.tmp-<id>/}; {@link #publish} makes
 * what is finished so far readable there (each file replaced atomically, run.json last, status
 * RUNNING), and {@link #commit} writes the final run.json and renames the folder to
 * {@code reports/<id>} in one atomic step, so a reader sees a running run, or a whole final one —
 * never a half-written file. A writer killed before it commits leaves an ABANDONED run.
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
     * Replaces one file of the run atomically (written beside it, then renamed over it), so a
     * reader of a running run sees the old bytes or the new ones.
     */
    public synchronized void writeFile(String name, byte[] bytes) {
        if (done) {
            throw new IllegalStateException("run " + id + " is already committed or abandoned");
        }
        try {
            Path tmp = tempDir.resolve("." + name + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, tempDir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + name + " of run " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Publishes a running run's manifest (status RUNNING, with its progress) in the temporary
     * folder, after the files it describes. Readers list the run as running while this process
     * lives.
     */
    public synchronized void publish(RunManifest manifest) {
        if (manifest.status() != RunStatus.RUNNING) {
            throw new IllegalArgumentException("publish is for running runs; commit stores a final one");
        }
        try {
            writeFile(StoredRun.MANIFEST, Json.MAPPER.writeValueAsBytes(manifest.withId(id).withFiles(presentFiles())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish run " + id + ": " + e.getMessage(), e);
        }
    }

    private List<String> presentFiles() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(tempDir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(StoredRun.MANIFEST) && !n.startsWith("."))
                    .sorted().forEach(files::add);
        }
        files.add(StoredRun.MANIFEST);
        return files;
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
            if (!manifest.status().isFinal()) {
                throw new IllegalArgumentException("a committed run is final, not " + manifest.status().json());
            }
            RunManifest m = manifest.withId(id).withFiles(presentFiles());
            Path tmpManifest = tempDir.resolve(".run.json.tmp");
            Json.MAPPER.writeValue(tmpManifest.toFile(), m);
            Files.move(tmpManifest, tempDir.resolve(StoredRun.MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(tempDir.resolve(WRITER));
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
        deleteTree(tempDir);
    }

    /** The file in a run folder that names the process writing it. */
    static final String WRITER = ".writer";

    /** Records this process as the writer of a new run folder. */
    static void markWriter(Path tempDir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(tempDir.resolve(WRITER), self.pid() + "\n"
                + self.info().startInstant().map(Object::toString).orElse("") + "\n");
    }

    /**
     * Whether the process that began this folder is still running: same pid and the same start
     * time (pids are reused). False when the folder has no writer file (a run of an older lab).
     */
    static boolean writerAlive(Path tempDir) {
        try {
            List<String> lines = Files.readAllLines(tempDir.resolve(WRITER));
            long pid = Long.parseLong(lines.get(0).trim());
            String started = lines.size() > 1 ? lines.get(1).trim() : "";
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> started.isEmpty() || p.info().startInstant().map(Object::toString).orElse("").equals(started))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Deletes a run folder and what it holds (symbolic links themselves, never their targets). */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
