package lab.core.layout;

import lab.core.record.Layouts.Deep;
import lab.core.record.Layouts;
import lab.core.record.Layouts.Footprint;
import lab.core.store.StoreType;
import lab.core.store.Task;
import lab.core.store.TaskStore;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a store costs per stored task, beyond the task itself.
 *
 * <p>What to notice. A {@code HashMap<Integer, Task>} entry is a {@code HashMap.Node} (hash, key,
 * value, next), a boxed {@code Integer} key (ids above 127 are never cached) and a share of the
 * table (one reference per bucket, the table at most 3/4 full): about 50-60 bytes with compressed
 * oops. {@code NonBlockingHashMapLong} keeps unboxed keys in a {@code long[]} (no node, no
 * Integer); DenseArrayStore needs one reference slot per id. Compressed oops off widens every
 * reference and header; compact object headers (JDK 25) take 4 bytes off every object.
 *
 * <p>And notice what sharding would do to a {@code HashMap<Integer, ...>} keyed by id: the shard
 * is chosen by {@code id & 31} and {@code Integer.hashCode} is the id itself, so inside one shard
 * every id has the same five low bits and only 1/32 of the buckets would be used; below id 65,536
 * ({@code HashMap.hash} mixes in {@code h >>> 16} only above it) the chains turned into red-black
 * trees ({@code HashMap$TreeNode}, 56 bytes instead of 32). This pass found it (74 instead of 58
 * bytes per task at 100,000 tasks); the sharded stores now key each shard by
 * {@code ShardStore.shardKey(id)} (the id without the shard bits), and the by-class breakdown of
 * each footprint shows plain {@code HashMap$Node}s again.
 *
 * <p>How. One store per type, filled in steps up to each N: the empty store's deep size is the
 * fixed part, then at each N the filled store's deep size (tasks included) and the deep size of
 * the very Task instances the store handed back from {@code create}. The figures add up by
 * construction: {@code total = tasks + fixed + perEntry * N}.
 */
final class Footprints {

    private Footprints() {
    }

    /** The empty store's deep size and the footprints at each N (ascending), for one store type. */
    record Result(Deep empty, String storeClass, List<Footprint> footprints) {
    }

    /**
     * Waits (at most 2 s) until the store's own threads are parked. ChannelStore's worker, once
     * it waits in {@code take()}, hangs a wait node on the queue's lock: walking while it is
     * between two requests would count that node or not, by chance.
     */
    static void settle(List<Thread> threads) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (Thread t : threads) {
            while (System.nanoTime() < deadline) {
                Thread.State s = t.getState();
                if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED
                        || s == Thread.State.NEW) {
                    break;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static Result measure(StoreType type, List<Integer> entries, DeepWalker walker) {
        TreeSet<Integer> sizes = new TreeSet<>(entries);
        int max = sizes.isEmpty() ? 0 : sizes.last();
        Task[] stored = new Task[max];
        List<Footprint> out = new ArrayList<>();
        TaskStore store = type.create();
        try {
            List<Thread> threads = new ArrayList<>();
            walker.walk("the store's threads", 0, threads, store); // the store starts them in its constructor
            settle(threads);
            Deep empty = walker.walk("a new, empty " + type.logName(), 0, store);
            int filled = 0;
            for (int n : sizes) {
                while (filled < n) {
                    stored[filled] = store.create(SampleTasks.draft(filled + 1));
                    filled++;
                }
                settle(threads);
                Object[] tasks = new Object[n];
                System.arraycopy(stored, 0, tasks, 0, n);
                // The tasks first (as roots: the array holding them is not counted), then what the
                // store adds: its structure. Every task is reachable from the store, so the two add
                // up to the store's deep size.
                Deep[] split = walker.walkNested("the " + n + " stored tasks alone", tasks,
                        type.logName() + " beyond its tasks", store, n);
                Deep own = split[0];
                Deep whole = DeepWalker.combine(type.logName() + " holding " + n + " tasks", n, split[0], split[1]);
                long structure = whole.totalSize() - own.totalSize();
                double perEntry = n == 0 ? 0 : (structure - empty.totalSize()) / (double) n;
                out.add(new Layouts.Footprint(type.name(), store.getClass().getName(), type.logName(), n,
                        whole.totalSize(), own.totalSize(), structure, empty.totalSize(), perEntry,
                        whole.byClass(), whole.excluded()));
            }
            return new Result(empty, store.getClass().getName(), out);
        } finally {
            store.close();
        }
    }
}
