package lab.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Beyond the log: ids are dense (1, 2, 3, ...), so a task needs no hash map at all. Task
 * {@code id} lives in chunk {@code id >>> 14}, slot {@code id & (2^14 - 1)}; a chunk is an
 * {@link AtomicReferenceArray} of 16384 slots. {@code get} is two array loads, no lock, no hash,
 * no box, no allocation: the read floor the other stores are measured against.
 *
 * <p>Concurrency choice, access by access:
 * <ul>
 *   <li>The chunk directory is copy-on-write: a grow copies it, adds the chunk and publishes the
 *       new array with one volatile write; a published directory is never written again. So a
 *       reader's volatile load of {@code directory} followed by a plain element load always sees
 *       a fully built array and fully built chunks. Grows (once per 16384 creates) take
 *       {@code growLock} so two creators do not each publish a directory and lose a chunk.</li>
 *   <li>Slots are read and written with volatile semantics ({@code get}/{@code set}/CAS of
 *       {@code AtomicReferenceArray}). Task is immutable, so even a plain store would publish its
 *       fields safely; volatile is there for linearizability: a get that starts after a create
 *       returned must see it, and two readers must not see two writes in opposite orders.</li>
 *   <li>update is a CAS loop over a non-null slot, delete a {@code getAndSet(null)}: only the
 *       thread that wins the slot reports success, so a task is deleted once and an update never
 *       resurrects a deleted task.</li>
 *   <li>Ids come from an {@link AtomicInteger} and are drawn before the slot is set: unique,
 *       possibly visible out of order. {@code size} is a separate counter moved after the slot
 *       changes: exact when the store is quiet, not a linearizable snapshot.</li>
 * </ul>
 * Deleted slots are not reclaimed; ids never repeat, so a deleted task's slot stays null.
 */
public final class DenseArrayStore implements TaskStore {

    static final int CHUNK_SHIFT = 14;
    static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;
    static final int SLOT_MASK = CHUNK_SIZE - 1;

    private static final AtomicReferenceArray<?>[] NO_CHUNKS = new AtomicReferenceArray<?>[0];

    // volatile: the publication point of every grow (see the class comment).
    private volatile AtomicReferenceArray<?>[] directory = NO_CHUNKS;
    private final ReentrantLock growLock = new ReentrantLock();
    private final AtomicInteger nextId = new AtomicInteger();
    private final AtomicInteger size = new AtomicInteger();
    private volatile boolean closed; // volatile: close() on one thread stops requests on all

    @Override
    public Task create(Task draft) {
        checkOpen();
        Checks.draft(draft);
        int id = Checks.newId(nextId.incrementAndGet());
        Task stored = draft.withId(id);
        chunkForWrite(id >>> CHUNK_SHIFT).set(id & SLOT_MASK, stored);
        size.incrementAndGet();
        return stored;
    }

    @Override
    public Task get(int id) {
        checkOpen();
        AtomicReferenceArray<Task> chunk = chunk(id);
        return chunk == null ? null : chunk.get(id & SLOT_MASK);
    }

    @Override
    public boolean update(Task task) {
        checkOpen();
        Checks.stored(task);
        int id = task.id();
        AtomicReferenceArray<Task> chunk = chunk(id);
        if (chunk == null) {
            return false;
        }
        int slot = id & SLOT_MASK;
        while (true) {
            Task current = chunk.get(slot);
            if (current == null) {
                return false; // never created, not yet visible, or deleted
            }
            if (chunk.compareAndSet(slot, current, task)) {
                return true;
            }
        }
    }

    @Override
    public boolean delete(int id) {
        checkOpen();
        AtomicReferenceArray<Task> chunk = chunk(id);
        if (chunk == null || chunk.getAndSet(id & SLOT_MASK, null) == null) {
            return false;
        }
        size.decrementAndGet();
        return true;
    }

    @Override
    public List<Task> getAll() {
        checkOpen();
        AtomicReferenceArray<?>[] dir = directory;
        List<Task> all = new ArrayList<>(Math.max(0, size.get()));
        for (AtomicReferenceArray<?> c : dir) {
            @SuppressWarnings("unchecked")
            AtomicReferenceArray<Task> chunk = (AtomicReferenceArray<Task>) c;
            for (int i = 0; i < CHUNK_SIZE; i++) {
                Task t = chunk.get(i);
                if (t != null) {
                    all.add(t);
                }
            }
        }
        return all;
    }

    @Override
    public int size() {
        checkOpen();
        return size.get();
    }

    @Override
    public void close() {
        closed = true; // no thread to release
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreClosedException("DenseArrayStore");
        }
    }

    /** The chunk holding {@code id}, or null when no task with that id was ever placed there. */
    @SuppressWarnings("unchecked")
    private AtomicReferenceArray<Task> chunk(int id) {
        if (id <= 0) {
            return null;
        }
        AtomicReferenceArray<?>[] dir = directory; // one volatile load, then plain loads
        int index = id >>> CHUNK_SHIFT;
        return index < dir.length ? (AtomicReferenceArray<Task>) dir[index] : null;
    }

    @SuppressWarnings("unchecked")
    private AtomicReferenceArray<Task> chunkForWrite(int index) {
        AtomicReferenceArray<?>[] dir = directory;
        if (index < dir.length) {
            return (AtomicReferenceArray<Task>) dir[index];
        }
        growLock.lock();
        try {
            dir = directory; // re-read under the lock: another creator may have grown it
            if (index >= dir.length) {
                // Chunks are added in order, up to and including the one needed: ids are dense, so
                // every earlier chunk is (or is about to be) used anyway.
                AtomicReferenceArray<?>[] grown = java.util.Arrays.copyOf(dir, index + 1);
                for (int i = dir.length; i <= index; i++) {
                    grown[i] = new AtomicReferenceArray<Task>(CHUNK_SIZE);
                }
                directory = grown; // publish: readers now see the new chunks, fully built
                dir = grown;
            }
            return (AtomicReferenceArray<Task>) dir[index];
        } finally {
            growLock.unlock();
        }
    }
}
