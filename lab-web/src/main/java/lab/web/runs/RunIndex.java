package lab.web.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.core.record.RunId;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;

/**
 * Every stored run's manifest, kept in memory so that a page never re-reads 1,000 run.json files.
 *
 * <p>Why a directory mtime check and not a WatchService: runs appear in {@code reports/} only by
 * an atomic rename of {@code .tmp-<id>} to {@code <id>} (or a delete), and either changes the
 * folder's modification time, so one {@code stat} per request tells whether to re-list. A
 * WatchService needs its own thread and misses changes on some network file systems. Because
 * some file systems keep coarse mtimes, an index built within {@link #SETTLE_NANOS} of the
 * folder's last change is treated as possibly stale and rebuilt on the next request.
 *
 * <p>The {@link StoredRun} objects are kept, so each run's jmh.json is parsed once (lazily, on
 * first view) and not per request.
 */
public final class RunIndex {

    static final long SETTLE_NANOS = 2_000_000_000L;

    private final RunRepository repository;
    private volatile Snapshot snapshot;

    private record Snapshot(FileTime stamp, long builtAtNanos, boolean settled, List<StoredRun> runs,
                            Map<String, StoredRun> byId) {
    }

    public RunIndex(RunRepository repository) {
        this.repository = repository;
    }

    /** Every stored run, newest first; unreadable runs carry their {@code readError()}. */
    public List<StoredRun> all() {
        return current().runs();
    }

    /**
     * The run with this id, or empty.
     *
     * @throws IllegalArgumentException when {@code id} is not a run id
     */
    public Optional<StoredRun> find(String id) {
        RunId.requireValid(id);
        return Optional.ofNullable(current().byId().get(id));
    }

    /** Forget the snapshot: the next call re-lists (after this process itself stored a run). */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        FileTime stamp = stamp();
        if (s != null && s.settled() && s.stamp().equals(stamp)) {
            return s;
        }
        if (s != null && !s.settled() && s.stamp().equals(stamp) && System.nanoTime() - s.builtAtNanos() < 50_000_000L) {
            // Unsettled, but rebuilt moments ago: do not re-list on every request of a burst.
            return s;
        }
        return rebuild(stamp);
    }

    private synchronized Snapshot rebuild(FileTime stamp) {
        Snapshot s = snapshot;
        if (s != null && s.settled() && s.stamp().equals(stamp)) {
            return s;
        }
        List<StoredRun> runs = repository.list();
        Map<String, StoredRun> byId = new LinkedHashMap<>();
        for (StoredRun r : runs) {
            byId.put(r.id(), r);
        }
        long age = System.currentTimeMillis() - stamp.toMillis();
        boolean settled = age * 1_000_000L > SETTLE_NANOS;
        Snapshot fresh = new Snapshot(stamp, System.nanoTime(), settled, List.copyOf(runs), Map.copyOf(byId));
        snapshot = fresh;
        return fresh;
    }

    private FileTime stamp() {
        try {
            return Files.getLastModifiedTime(repository.dir());
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
