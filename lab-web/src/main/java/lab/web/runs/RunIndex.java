package lab.web.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.core.record.RunId;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;

/**
 * Every run's manifest, kept in memory so that a page never re-reads 1,000 run.json files.
 *
 * <p>Why a directory mtime check and not a WatchService: runs appear in {@code reports/} only by
 * creating {@code .tmp-<id>} and renaming it to {@code <id>} (or a delete), and each changes the
 * folder's modification time, so one {@code stat} per request tells whether to re-list. A
 * WatchService needs its own thread and misses changes on some network file systems. Because
 * some file systems keep coarse mtimes, an index built within {@link #SETTLE_NANOS} of the
 * folder's last change is treated as possibly stale and rebuilt on the next request.
 *
 * <p>A run that is not final (RUNNING, or ABANDONED until it is removed) changes inside its own
 * folder — new results, progress — without touching {@code reports/}: it is re-read from disk at
 * most every {@link #LIVE_NANOS}, so its page shows results as they land, and the moment its
 * writer dies it shows as abandoned. Final runs are kept as loaded: they never change, so each
 * one's jmh.json is parsed once (lazily, on first view).
 */
public final class RunIndex {

    static final long SETTLE_NANOS = 2_000_000_000L;
    static final long LIVE_NANOS = 250_000_000L;

    private final RunRepository repository;
    private volatile Snapshot snapshot;

    /**
     * @param version changes whenever the list or any run in it changes; pages that show other
     *                runs (pickers, "other runs") key their caches on it
     */
    private record Snapshot(FileTime stamp, long builtAtNanos, boolean settled, List<StoredRun> runs,
                            Map<String, StoredRun> byId, boolean anyLive, long version) {
    }

    private long versions;

    public RunIndex(RunRepository repository) {
        this.repository = repository;
    }

    /** Every run, newest first: stored, running and abandoned; unreadable runs carry their {@code readError()}. */
    public List<StoredRun> all() {
        return current().runs();
    }

    /** Changes whenever {@link #all()} would list anything different. */
    public long version() {
        return current().version();
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
        long now = System.nanoTime();
        if (s != null && s.stamp().equals(stamp) && (s.settled() || now - s.builtAtNanos() < 50_000_000L)) {
            // Unsettled but rebuilt moments ago: do not re-list on every request of a burst.
            return s.anyLive() && now - s.builtAtNanos() >= LIVE_NANOS ? refreshLive(s) : s;
        }
        return rebuild(stamp);
    }

    private synchronized Snapshot rebuild(FileTime stamp) {
        Snapshot s = snapshot;
        if (s != null && s.settled() && s.stamp().equals(stamp)) {
            return s;
        }
        long age = System.currentTimeMillis() - stamp.toMillis();
        return publish(stamp, age * 1_000_000L > SETTLE_NANOS, repository.list());
    }

    /** Re-reads the runs that can still change; a run that vanished (committed or removed) makes a re-list. */
    private synchronized Snapshot refreshLive(Snapshot s) {
        if (snapshot != s) {
            return snapshot == null ? rebuild(stamp()) : snapshot;
        }
        List<StoredRun> runs = new ArrayList<>(s.runs().size());
        boolean changed = false;
        for (StoredRun r : s.runs()) {
            if (r.isFinal()) {
                runs.add(r);
                continue;
            }
            Optional<StoredRun> fresh = repository.find(r.id());
            if (fresh.isEmpty()) {
                return publish(stamp(), false, repository.list());
            }
            runs.add(fresh.get());
            changed |= !fresh.get().manifest().equals(r.manifest());
        }
        runs.sort(RunRepository.NEWEST_FIRST);
        if (!changed) {
            Snapshot same = new Snapshot(s.stamp(), System.nanoTime(), s.settled(), s.runs(), s.byId(), true, s.version());
            snapshot = same;
            return same;
        }
        return publish(s.stamp(), s.settled(), runs);
    }

    private Snapshot publish(FileTime stamp, boolean settled, List<StoredRun> runs) {
        Map<String, StoredRun> byId = new LinkedHashMap<>();
        boolean anyLive = false;
        for (StoredRun r : runs) {
            byId.put(r.id(), r);
            anyLive |= !r.isFinal();
        }
        Snapshot fresh = new Snapshot(stamp, System.nanoTime(), settled, List.copyOf(runs), Map.copyOf(byId), anyLive, ++versions);
        snapshot = fresh;
        return fresh;
    }

    private java.nio.file.attribute.FileTime stamp() {
        try {
            return Files.getLastModifiedTime(repository.dir());
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
