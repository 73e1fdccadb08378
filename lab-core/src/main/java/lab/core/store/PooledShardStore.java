package lab.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The log's ShardStoreGopool: the shards of {@link ShardUnitStore} (slim {@link ShardUnit}s, as
 * the log's gopool code shows), with getAll submitted to per-core worker pools instead of new
 * threads. There is one single-thread executor per core (the core count rounded up to a power of
 * two), and shard {@code i} always goes to pool {@code i & coreMask}: the "consistent pool
 * mapping" the log credits with steadier latency.
 *
 * <p>Concurrency choice. Reads and writes never touch the pools: they take one shard's RW lock,
 * exactly as in ShardUnitStore, so the only difference the benchmarks can see is getAll and the
 * resident threads. A single-thread executor per core is the JVM's closest shape to a per-core
 * goroutine pool; the JVM cannot pin it to a core, so "per core" means "as many as cores". The
 * pool threads are daemon (a forgotten store never keeps a JVM alive) and named
 * {@code pooled-shard-store-<n>-pool-<i>} so the tests can check that close() ended them.
 */
public final class PooledShardStore extends UnitShardedStore {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ExecutorService[] pools;
    private final int coreMask;
    // Every thread the pools ever started, so close() can join them: an executor reports
    // termination from inside its last worker, a moment before that thread has ended.
    private final List<Thread> poolThreads = new CopyOnWriteArrayList<>();

    public PooledShardStore() {
        this(Runtime.getRuntime().availableProcessors());
    }

    PooledShardStore(int cores) {
        int pools = Integer.highestOneBit(Math.max(1, cores));
        if (pools < cores) {
            pools <<= 1; // round up: every core gets a pool
        }
        this.coreMask = pools - 1;
        this.pools = new ExecutorService[pools];
        String prefix = "pooled-shard-store-" + INSTANCES.incrementAndGet() + "-pool-";
        for (int p = 0; p < pools; p++) {
            String name = prefix + p;
            this.pools[p] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                poolThreads.add(t);
                return t;
            });
        }
    }

    @Override
    public List<Task> getAll() {
        checkOpen();
        List<Future<List<Task>>> parts = new ArrayList<>(SHARDS);
        try {
            for (int i = 0; i < SHARDS; i++) {
                ShardUnit shard = shards[i];
                Callable<List<Task>> copy = shard::snapshot;
                parts.add(pools[i & coreMask].submit(copy));
            }
        } catch (RejectedExecutionException e) {
            // close() shut the pools between our checkOpen() and a submit. Parts already queued
            // still run (shutdown() drains queues), so nothing is left waiting on them.
            throw new StoreClosedException("PooledShardStore");
        }
        List<Task> all = new ArrayList<>();
        boolean interrupted = false;
        try {
            for (Future<List<Task>> part : parts) {
                while (true) {
                    try {
                        all.addAll(part.get());
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // finish: the parts are short copies under a read lock
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("getAll failed in a worker pool", e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return all;
    }

    /**
     * Stops every pool thread and waits until they have ended (terminated, then joined).
     * shutdown() (not shutdownNow()) lets a getAll already queued finish, so a caller inside
     * getAll gets its answer.
     */
    @Override
    public void close() {
        markClosed();
        for (ExecutorService pool : pools) {
            pool.shutdown();
        }
        boolean interrupted = false;
        for (ExecutorService pool : pools) {
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Thread t : poolThreads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    String storeName() {
        return "PooledShardStore";
    }
}
