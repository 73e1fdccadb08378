package lab.core.store;

import java.util.List;

/**
 * The log's ShardStore after Phase 3: the same 32 shards picked by {@code id & mask}, but each is
 * a slim {@link ShardUnit} (map + RW lock, no unused id counter or id lock) that the store
 * reaches directly rather than through a second store's API. getAll fans out on short-lived
 * threads, one per shard, as in Phase 4.
 *
 * <p>Concurrency choice: as {@link ShardStore} (see {@link UnitShardedStore}, which it shares
 * with {@link PooledShardStore}).
 */
public final class ShardUnitStore extends UnitShardedStore {

    @Override
    String storeName() {
        return "ShardUnitStore";
    }

    @Override
    public List<Task> getAll() {
        checkOpen();
        return FanOut.onShortLivedThreads("shard-unit-store-getall-", SHARDS, i -> shards[i].snapshot());
    }

    /** getAll joins its threads before returning, so no thread outlives a request: nothing to stop. */
    @Override
    public void close() {
        markClosed();
    }
}
