package lab.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jctools.maps.NonBlockingHashMapLong;

/**
 * XSyncStore unboxed: JCTools' {@link NonBlockingHashMapLong} (Cliff Click's non-blocking hash
 * map, specialised for primitive {@code long} keys) plus an {@link AtomicInteger} for ids.
 *
 * <p>Concurrency choice. Every operation is CAS-based, readers and writers alike never lock, and
 * a resize is helped along by whoever meets it: the closest JVM match for the log's lock-free
 * {@code xsync.MapOf}. The keys are primitive, so {@code get(int)} needs no {@code Integer} box
 * and its read path allocates nothing whatever escape analysis does: the contrast with
 * {@link ConcurrentStore} isolates the cost of boxing. Ids are drawn before the put (unique,
 * possibly visible out of order); {@code size()} sums a striped counter, exact when quiet.
 */
public final class NonBlockingStore implements TaskStore {

    private final NonBlockingHashMapLong<Task> tasks = new NonBlockingHashMapLong<>();
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
        return id <= 0 ? null : tasks.get((long) id);
    }

    @Override
    public boolean update(Task task) {
        checkOpen();
        Checks.stored(task);
        // replace() CASes only over a present value: an update never resurrects a deleted task.
        return task.id() > 0 && tasks.replace((long) task.id(), task) != null;
    }

    @Override
    public boolean delete(int id) {
        checkOpen();
        return id > 0 && tasks.remove((long) id) != null;
    }

    @Override
    public List<Task> getAll() {
        checkOpen();
        return new ArrayList<>(tasks.values()); // weakly consistent iteration
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
            throw new StoreClosedException("NonBlockingStore");
        }
    }
}
