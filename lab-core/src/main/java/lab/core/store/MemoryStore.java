package lab.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The decision log's baseline: one {@code HashMap} behind one {@link ReentrantReadWriteLock},
 * ids from a plain {@code int} behind a separate {@link ReentrantLock} (the Go code's
 * {@code idMutex}).
 *
 * <p>Concurrency choice. Every read takes the one read lock and every write the one write lock,
 * so all threads meet on a single lock word: that global serialisation point is what the log
 * measures and what every later store removes. The id lock is separate, as in the log, so a create
 * takes two locks one after the other: id first, then the map. Because the two are not held
 * together, an id drawn earlier can become visible after a later one; ids are still unique and
 * increasing in the order they are drawn.
 *
 * <p>Reads look up with {@code Keys.lookup}, not autoboxing: see there why that makes get
 * allocation-free on JDK 17 (16 B/op of {@code Integer} otherwise, measured) and why JDK 25's C2
 * brings the box back for {@code HashMap}.
 *
 * <p>The same class is the shard of {@link ShardStore} (the log's first sharded version used full
 * MemoryStores as shards). The package-level {@code *Direct} methods serve that use: the parent
 * assigns ids, so a shard's {@code idLock} and {@code nextId} stay allocated and unused — the
 * dead weight the log's ShardUnit later removes, and what the JOL layout pass shows.
 */
public final class MemoryStore implements TaskStore {

    private final HashMap<Integer, Task> tasks;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // Views are fetched once: readLock()/writeLock() return the same objects, but a field load
    // is cheaper to read in a profile than a call.
    private final Lock readLock = lock.readLock();
    private final Lock writeLock = lock.writeLock();

    private final ReentrantLock idLock = new ReentrantLock();
    private int nextId; // guarded by idLock

    // volatile: a close() on one thread must be seen by the next request on any other thread.
    private volatile boolean closed;

    public MemoryStore() {
        this(16);
    }

    /** A store (or shard) whose map is sized for {@code expected} tasks, as the log's shards were. */
    MemoryStore(int expected) {
        this.tasks = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
    }

    @Override
    public Task create(Task draft) {
        checkOpen();
        Checks.draft(draft);
        int id;
        idLock.lock();
        try {
            id = Checks.newId(++nextId);
        } finally {
            idLock.unlock();
        }
        Task stored = draft.withId(id);
        putDirect(id, stored);
        return stored;
    }

    @Override
    public Task get(int id) {
        checkOpen();
        return id <= 0 ? null : getDirect(id);
    }

    @Override
    public boolean update(Task task) {
        checkOpen();
        Checks.stored(task);
        return task.id() > 0 && replaceDirect(task.id(), task);
    }

    @Override
    public boolean delete(int id) {
        checkOpen();
        return id > 0 && removeDirect(id);
    }

    @Override
    public List<Task> getAll() {
        checkOpen();
        List<Task> all = new ArrayList<>();
        snapshotInto(all);
        return all;
    }

    @Override
    public int size() {
        checkOpen();
        return sizeDirect();
    }

    @Override
    public void close() {
        closed = true; // no thread to release: the store never starts one
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreClosedException("MemoryStore");
        }
    }

    // ---- shard API: the parent store checks its own state and ids, assigns ids, and chooses the
    // key (ShardStore passes ShardStore.shardKey(id), not the id: see there why) ----

    void putDirect(int key, Task task) {
        writeLock.lock();
        try {
            tasks.put(key, task);
        } finally {
            writeLock.unlock();
        }
    }

    Task getDirect(int key) {
        readLock.lock();
        try {
            return tasks.get(Keys.lookup(key)); // see Keys: no box on the heap
        } finally {
            readLock.unlock();
        }
    }

    boolean replaceDirect(int key, Task task) {
        writeLock.lock();
        try {
            // replace() only writes when the key is present: update never resurrects a deleted task.
            return tasks.replace(Keys.lookup(key), task) != null; // see Keys
        } finally {
            writeLock.unlock();
        }
    }

    boolean removeDirect(int key) {
        writeLock.lock();
        try {
            return tasks.remove(Keys.lookup(key)) != null;
        } finally {
            writeLock.unlock();
        }
    }

    void snapshotInto(List<Task> into) {
        readLock.lock();
        try {
            into.addAll(tasks.values());
        } finally {
            readLock.unlock();
        }
    }

    int sizeDirect() {
        readLock.lock();
        try {
            return tasks.size();
        } finally {
            readLock.unlock();
        }
    }
}
