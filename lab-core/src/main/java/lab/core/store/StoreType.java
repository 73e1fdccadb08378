package lab.core.store;

import java.util.Objects;
import java.util.function.Function;
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
    CHANNEL("ChannelStore", "actor: one worker thread owns the map; requests through an ArrayBlockingQueue, one CompletableFuture reply per request; wait strategy a parameter", ChannelStore::new, true),
    CONCURRENT("XSyncStore", "ConcurrentHashMap<Integer,Task> + AtomicInteger (the log's lock-free map)", ConcurrentStore::new),
    NON_BLOCKING("XSyncStore (unboxed)", "JCTools NonBlockingHashMapLong<Task> + atomic id", NonBlockingStore::new),
    DENSE_ARRAY("DenseArrayStore", "beyond the log: dense ids index a growable chunked AtomicReferenceArray table", DenseArrayStore::new),
    INT_SHARD("IntShardStore", "beyond the log: as SHARD_UNIT over Agrona's unboxed Int2ObjectHashMap: Go's map[int]*Task, 0 B/op reads and writes on every JVM", IntShardStore::new),
    DISRUPTOR("DisruptorStore", "beyond the log: CHANNEL's actor done the JVM way: LMAX Disruptor ring for requests, a reused reply slot per caller (0 B/op reads); wait strategy a parameter", DisruptorStore::new, true);

    private final String logName;
    private final String design;
    private final Function<ActorWait, TaskStore> factory;
    private final boolean actor;

    StoreType(String logName, String design, Supplier<TaskStore> factory) {
        this.logName = logName;
        this.design = design;
        this.factory = ignoredWait -> factory.get();
        this.actor = false;
    }

    StoreType(String logName, String design, Function<ActorWait, TaskStore> factory, boolean actor) {
        this.logName = logName;
        this.design = design;
        this.factory = factory;
        this.actor = actor;
    }

    /**
     * How the actor stores {@link #create()} makes wait: {@link ActorWait#BLOCKING}, the log's
     * shape, and the one strategy that never keeps a core busy — what a server wants, whose request
     * threads outnumber the cores (the Task API's load runs record it). JMH runs choose their own
     * ({@link ActorWait#auto()}).
     */
    public static final ActorWait CREATED_WAIT = ActorWait.BLOCKING;

    /** A new, empty store of this type, its actor (if any) waiting with {@link #CREATED_WAIT}. The caller closes it. */
    public TaskStore create() {
        return factory.apply(CREATED_WAIT);
    }

    /**
     * A new, empty store whose actor and callers wait with {@code wait}; stores that are not
     * actors ignore it (the same store as {@link #create()}). The caller closes it.
     */
    public TaskStore create(ActorWait wait) {
        return factory.apply(Objects.requireNonNull(wait, "wait strategy"));
    }

    /** Whether every operation is a message to one owner thread (the {@code wait} param applies). */
    public boolean isActor() {
        return actor;
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
