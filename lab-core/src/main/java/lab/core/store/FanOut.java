package lab.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The log's Phase 4 getAll: one short-lived thread per shard, each copying its own shard, all
 * joined before the results are concatenated (Go: temporary goroutines and a buffered channel).
 *
 * <p>A JVM platform thread costs tens of microseconds to start, not the ~300 ns of a goroutine:
 * that difference is exactly what the getAll benchmark shows next to the pooled variant.
 */
final class FanOut {

    private FanOut() {
    }

    /**
     * Runs {@code snapshotOf.apply(i)} for every shard {@code i} on its own new thread and joins
     * them all, uninterruptibly: returning early would leave threads running after the caller
     * believes the store idle (and after a close()).
     */
    static List<Task> onShortLivedThreads(String threadPrefix, int shards, IntFunction<List<Task>> snapshotOf) {
        @SuppressWarnings("unchecked")
        List<Task>[] parts = new List[shards];
        Throwable[] failures = new Throwable[shards];
        Thread[] threads = new Thread[shards];
        for (int i = 0; i < shards; i++) {
            int shard = i;
            // Each thread writes only its own array slot; Thread.join() gives the happens-before
            // edge that makes the slot visible to the joining thread.
            Thread t = new Thread(() -> {
                try {
                    parts[shard] = snapshotOf.apply(shard);
                } catch (Throwable e) {
                    failures[shard] = e;
                }
            }, threadPrefix + shard);
            t.setDaemon(true);
            threads[i] = t;
            t.start();
        }
        boolean interrupted = false;
        for (Thread t : threads) {
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
        int total = 0;
        for (int i = 0; i < shards; i++) {
            if (failures[i] != null) {
                throw new IllegalStateException("getAll failed on shard " + i, failures[i]);
            }
            total += parts[i].size();
        }
        List<Task> all = new ArrayList<>(total);
        for (List<Task> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
