package lab.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The log's slim shard: only the map and its {@link ReentrantReadWriteLock}, no id counter and no
 * id lock (the parent store assigns ids). Compare its layout with {@link MemoryStore}'s in the
 * JOL pass: the difference is the log's Phase 3 saving.
 *
 * <p>Concurrency choice: a read-write lock, as the log's "Lock Strategy Analysis" chose, because
 * the workload is 80% reads; a {@code HashMap} cannot be read safely while it is resized, so the
 * readers do need the lock. The two lock views are not cached in fields: that would add two
 * references to the very object whose slimness is the point.
 *
 * <p>Keys are the parent's shard-local keys ({@link ShardStore#shardKey}), not ids.
 */
public final class ShardUnit {

    private final HashMap<Integer, Task> tasks;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    ShardUnit(int expected) {
        this.tasks = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
    }

    void set(int key, Task task) {
        Lock w = lock.writeLock();
        w.lock();
        try {
            tasks.put(key, task);
        } finally {
            w.unlock();
        }
    }

    Task get(int key) {
        Lock r = lock.readLock();
        r.lock();
        try {
            return tasks.get(Keys.lookup(key)); // see Keys: no box on the heap
        } finally {
            r.unlock();
        }
    }

    /** Writes only when the key is present, so an update never resurrects a deleted task. */
    boolean replace(int key, Task task) {
        Lock w = lock.writeLock();
        w.lock();
        try {
            return tasks.replace(Keys.lookup(key), task) != null; // see Keys
        } finally {
            w.unlock();
        }
    }

    boolean remove(int key) {
        Lock w = lock.writeLock();
        w.lock();
        try {
            return tasks.remove(Keys.lookup(key)) != null;
        } finally {
            w.unlock();
        }
    }

    List<Task> snapshot() {
        Lock r = lock.readLock();
        r.lock();
        try {
            return new ArrayList<>(tasks.values());
        } finally {
            r.unlock();
        }
    }

    int size() {
        Lock r = lock.readLock();
        r.lock();
        try {
            return tasks.size();
        } finally {
            r.unlock();
        }
    }
}
