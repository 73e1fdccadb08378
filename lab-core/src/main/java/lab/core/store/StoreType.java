package lab.core.store;

import java.util.function.Supplier;

/**
 * Every store of the lab, one constant each. This enum is the JMH {@code @Param} of every
 * benchmark and the parameter of every contract test: adding a store is one class plus one
 * constant here, and everything picks it up (Caffeine's {@code CacheType} pattern).
 */
public enum StoreType {
    MEMORY("MemoryStore", "HashMap + one ReentrantReadWriteLock; ids from an int under its own ReentrantLock", MemoryStore::new),
    SHARD("ShardStore", "32 shards, each a full MemoryStore, picked by id & mask; atomic ids; getAll on short-lived threads", ShardStore::new),
    SHARD_POOLED("ShardStoreGopool", "as SHARD over slim ShardUnits (as the log's gopool code), getAll submitted to per-core worker pools (shard i -> pool i & coreMask)", PooledShardStore::new),
    SHARD_UNIT("ShardUnit", "as SHARD with slim shards (ShardUnit): only the map and the RW lock", ShardUnitStore::new),
    CHANNEL("ChannelStore", "actor: one worker thread owns the map; requests through a BlockingQueue, one reply per request", ChannelStore::new),
    CONCURRENT("XSyncStore", "ConcurrentHashMap<Integer,Task> + AtomicInteger (the log's lock-free map)", ConcurrentStore::new),
    NON_BLOCKING("XSyncStore (unboxed)", "JCTools NonBlockingHashMapLong<Task> + atomic id", NonBlockingStore::new),
    DENSE_ARRAY("DenseArrayStore", "beyond the log: dense ids index a growable chunked AtomicReferenceArray table", DenseArrayStore::new);

    private final String logName;
    private final String design;
    private final Supplier<TaskStore> factory;

    StoreType(String logName, String design, Supplier<TaskStore> factory) {
        this.logName = logName;
        this.design = design;
        this.factory = factory;
    }

    /** A new, empty store of this type. The caller closes it. */
    public TaskStore create() {
        return factory.get();
    }

    /** The store's name in the decision log. */
    public String logName() {
        return logName;
    }

    /** One line on the JVM design. */
    public String design() {
        return design;
    }
}
