package lab.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.agrona.collections.Hashing;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * {@link ShardUnit} over an unboxed map: Agrona's {@link Int2ObjectHashMap} (open addressing, the
 * keys in an {@code int[]}, the tasks in a parallel {@code Object[]}) and a
 * {@link ReentrantReadWriteLock}. No {@code Integer}, no node: a read is a hash, a probe of two
 * arrays and the task reference, and nothing is allocated on any path but a resize.
 *
 * <p>Concurrency choice: as ShardUnit, a read-write lock over a map that cannot be read during a
 * resize. The map is built with {@code shouldAvoidAllocation = false}: with {@code true} Agrona
 * caches one iterator per map and hands the same instance to every {@code values()} caller, which
 * two readers holding the read lock at once (two getAlls) would share and corrupt.
 */
public final class IntShardUnit {

    private final Int2ObjectHashMap<Task> tasks;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    IntShardUnit(int expected) {
        this.tasks = new Int2ObjectHashMap<>(expected, Hashing.DEFAULT_LOAD_FACTOR, false);
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
            return tasks.get(key); // the primitive get(int): no box, no Keys.lookup
        } finally {
            r.unlock();
        }
    }

    /** Writes only when the key is present, so an update never resurrects a deleted task. */
    boolean replace(int key, Task task) {
        Lock w = lock.writeLock();
        w.lock();
        try {
            return tasks.replace(key, task) != null;
        } finally {
            w.unlock();
        }
    }

    boolean remove(int key) {
        Lock w = lock.writeLock();
        w.lock();
        try {
            return tasks.remove(key) != null;
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
