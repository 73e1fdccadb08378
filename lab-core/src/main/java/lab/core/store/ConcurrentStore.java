package lab.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The log's XSyncStore on the JDK: {@link ConcurrentHashMap}{@code <Integer,Task>} (the
 * standard library's concurrent map, as {@code xsync.MapOf} is Go's) plus an {@link AtomicInteger}
 * for ids.
 *
 * <p>Concurrency choice. Reads take no lock: {@code get} is volatile loads of the table and the
 * bin's nodes. Writes CAS an empty bin or lock only the one bin they change. So readers never
 * wait for writers, and writers only meet when they hash to the same bin. (CHM is not lock-free
 * in the strict sense the log uses for xsync: its writers do lock a bin.) The id is drawn before
 * the put, so ids are unique and increasing in drawing order but may become visible out of order.
 * {@code size()} sums striped counters and is exact only when the store is quiet.
 *
 * <p>Boxing. The map's keys are {@code Integer}s. {@code get} looks up with {@code Keys.lookup},
 * a box escape analysis can remove (0 B/op measured on reads of a preloaded store, JDK 17 and
 * JDK 25), where
 * autoboxing's {@code Integer.valueOf} leaves 16 B/op. One caveat C2 decides, not us: while the
 * table is being resized, a get that meets a forwarding node calls {@code Node.find(h, key)}, a
 * virtual call the key escapes into; once that path is compiled in, the box can come back on
 * reads that race with growth. NON_BLOCKING is the same store with primitive keys, no box at all.
 *
 * <p>Writes are another matter: {@code replace} runs through {@code replaceNode}, too big to
 * inline, so its key escapes and update allocates the 16-byte box (16.19 B/op measured with
 * {@code ./lab run --profile smoke --stores CONCURRENT --workloads write} on JDK 17, where the
 * HashMap stores' updates measure 0.14 B/op with the same lookup key).
 */
public final class ConcurrentStore implements TaskStore {

    private final ConcurrentHashMap<Integer, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile boolean closed; // volatile: close() on one thread stops requests on all

    @Override
    public Task create(Task draft) {
        checkOpen();
        Checks.draft(draft);
        int id = Checks.newId(nextId.incrementAndGet());
        Task stored = draft.withId(id);
        tasks.put(id, stored);
        return stored;
    }

    @Override
    public Task get(int id) {
        checkOpen();
        return id <= 0 ? null : tasks.get(Keys.lookup(id)); // see Keys: no box on the heap
    }

    @Override
    public boolean update(Task task) {
        checkOpen();
        Checks.stored(task);
        // replace() writes only when the id is present, atomically: never resurrects a deleted task.
        return task.id() > 0 && tasks.replace(Keys.lookup(task.id()), task) != null; // see Keys
    }

    @Override
    public boolean delete(int id) {
        checkOpen();
        return id > 0 && tasks.remove(Keys.lookup(id)) != null;
    }

    @Override
    public List<Task> getAll() {
        checkOpen();
        return new ArrayList<>(tasks.values()); // weakly consistent iteration: a per-bin snapshot
    }

    @Override
    public int size() {
        checkOpen();
        return tasks.size();
    }

    @Override
    public void close() {
        closed = true; // no thread to release
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreClosedException("ConcurrentStore");
        }
    }
}
