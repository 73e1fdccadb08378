package lab.core.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The log's ShardStore after Phase 3: the same 32 shards picked by {@code id & mask}, but each is
 * a slim {@link ShardUnit} (map + RW lock, no unused id counter or id lock) that the store
 * reaches directly rather than through a second store's API. getAll fans out on short-lived
 * threads, one per shard, as in Phase 4.
 *
 * <p>Concurrency choice: as {@link ShardStore}: 32 RW locks, one {@link AtomicInteger} for ids
 * (drawn before the shard write, so ids are unique but may become visible out of order).
 * {@link #size()} and {@link #getAll()} are per-shard snapshots, exact when the store is quiet.
 */
public final class ShardUnitStore implements TaskStore {

    private static final int SHARDS = ShardStore.SHARDS;
    private static final int MASK = ShardStore.MASK;

    private final ShardUnit[] shards = new ShardUnit[SHARDS];
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile boolean closed; // volatile: close() on one thread stops requests on all

    public ShardUnitStore() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new ShardUnit(64);
        }
    }

    @Override
    public Task create(Task draft) {
        checkOpen();
        Checks.draft(draft);
        int id = Checks.newId(nextId.incrementAndGet());
        Task stored = draft.withId(id);
        shards[id & MASK].set(ShardStore.shardKey(id), stored);
        return stored;
    }

    @Override
    public Task get(int id) {
        checkOpen();
        return id <= 0 ? null : shards[id & MASK].get(ShardStore.shardKey(id));
    }

    @Override
    public boolean update(Task task) {
        checkOpen();
        Checks.stored(task);
        int id = task.id();
        return id > 0 && shards[id & MASK].replace(ShardStore.shardKey(id), task);
    }

    @Override
    public boolean delete(int id) {
        checkOpen();
        return id > 0 && shards[id & MASK].remove(ShardStore.shardKey(id));
    }

    @Override
    public List<Task> getAll() {
        checkOpen();
        return FanOut.onShortLivedThreads("shard-unit-store-getall-", SHARDS, i -> shards[i].snapshot());
    }

    @Override
    public int size() {
        checkOpen();
        int n = 0;
        for (ShardUnit shard : shards) {
            n += shard.size();
        }
        return n;
    }

    /** getAll joins its threads before returning, so no thread outlives a request: nothing to stop. */
    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreClosedException("ShardUnitStore");
        }
    }
}
