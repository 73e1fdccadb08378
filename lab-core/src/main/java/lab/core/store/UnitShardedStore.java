package lab.core.store;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link ShardUnitStore} and {@link PooledShardStore} share: 32 slim {@link ShardUnit}s picked
 * by {@code id & mask}, keyed by {@link ShardStore#shardKey}, ids from one {@link AtomicInteger}.
 * The two differ only in getAll (short-lived threads vs per-core pools) and in the threads they
 * keep, which is the log's Phase 2 comparison, so everything else is written once here.
 *
 * <p>A superclass, not a delegate: the shards stay a field of the store object itself, so a read is
 * the same loads as if each store had its own copy (a delegate would add a pointer hop to every
 * operation, the abstraction overhead the log's ShardUnit phase removed). A benchmark fork loads
 * one store type, so these final methods see one receiver class.
 *
 * <p>Concurrency choice: as {@link ShardStore}: 32 RW locks, one atomic id drawn before the shard
 * write (ids unique, may become visible out of order); size and getAll are per-shard snapshots,
 * exact when the store is quiet.
 */
abstract class UnitShardedStore implements TaskStore {

    static final int SHARDS = ShardStore.SHARDS;
    static final int MASK = ShardStore.MASK;

    final ShardUnit[] shards = new ShardUnit[SHARDS];
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile boolean closed; // volatile: close() on one thread stops requests on all

    UnitShardedStore() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new ShardUnit(64); // the log's make(map[int]*Task, 64)
        }
    }

    /** The name requests after close are told about. */
    abstract String storeName();

    @Override
    public final Task create(Task draft) {
        checkOpen();
        Checks.draft(draft);
        int id = Checks.newId(nextId.incrementAndGet());
        Task stored = draft.withId(id);
        shards[id & MASK].set(ShardStore.shardKey(id), stored);
        return stored;
    }

    @Override
    public final Task get(int id) {
        checkOpen();
        return id <= 0 ? null : shards[id & MASK].get(ShardStore.shardKey(id));
    }

    @Override
    public final boolean update(Task task) {
        checkOpen();
        Checks.stored(task);
        int id = task.id();
        return id > 0 && shards[id & MASK].replace(ShardStore.shardKey(id), task);
    }

    @Override
    public final boolean delete(int id) {
        checkOpen();
        return id > 0 && shards[id & MASK].remove(ShardStore.shardKey(id));
    }

    @Override
    public final int size() {
        checkOpen();
        int n = 0;
        for (ShardUnit shard : shards) {
            n += shard.size();
        }
        return n;
    }

    /** From now on every request fails with {@link StoreClosedException}. */
    final void markClosed() {
        closed = true;
    }

    final void checkOpen() {
        if (closed) {
            throw new StoreClosedException(storeName());
        }
    }
}
