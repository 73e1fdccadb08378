package lab.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import lab.core.store.ActorWait;
import lab.core.store.StoreType;
import lab.core.store.Task;
import lab.core.store.TaskStatus;
import lab.core.store.TaskStore;

/**
 * The preloaded dataset every benchmark reads and writes: {@code size} tasks with ids
 * {@code 1..size}, created through the store's own {@code create} so each store builds its
 * structure the way it would in service.
 *
 * <p>Fast path. Every task shares one title and one description string and one pair of
 * instants: only the {@link Task} objects themselves are allocated, so a million tasks load in a
 * fraction of a second. The actor stores (CHANNEL, DISRUPTOR) are loaded from several threads at
 * once: one caller waits a full request/reply hand-off per task (microseconds: seconds for a
 * million), while concurrent callers keep its queue non-empty so the actor drains it without
 * parking.
 */
public final class Dataset {

    /** The draft every preloaded task is created from. */
    public static final Task DRAFT = Task.draft("benchmark task", "preloaded by lab.core.bench.Dataset", TaskStatus.TODO);

    private static final int ACTOR_LOADERS = 8;

    /**
     * Loader threads for an actor store: {@link #ACTOR_LOADERS} when everyone parks; when callers
     * spin, one fewer than cores, so that the actor keeps a core (eight spinning loaders on two
     * cores would make every hand-off wait for a time slice).
     */
    static int loadersFor(ActorWait wait) {
        return wait == ActorWait.BLOCKING ? ACTOR_LOADERS : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    private Dataset() {
    }

    /** A new store of the type holding {@code size} tasks with ids 1..size. The caller closes it. */
    public static TaskStore preload(StoreType type, int size) {
        return preload(type, ActorWait.BLOCKING, size);
    }

    /** As {@link #preload(StoreType, int)}, an actor store waiting with {@code wait} (others ignore it). */
    public static TaskStore preload(StoreType type, ActorWait wait, int size) {
        TaskStore store = type.create(wait);
        try {
            if (type.isActor()) {
                loadConcurrently(store, size, loadersFor(wait));
            } else {
                for (int i = 0; i < size; i++) {
                    store.create(DRAFT);
                }
            }
            verify(type, store, size);
            return store;
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    /**
     * One replacement per preloaded task, indexed by id (element 0 unused): the {@code write}
     * workloads update with these, so the benchmark itself allocates nothing per operation and
     * {@code gc.alloc.rate.norm} is the store's own allocation. Built from {@link #DRAFT} rather
     * than read back from the store: a million reads through CHANNEL's actor cost seconds.
     */
    public static Task[] replacements(int size) {
        Task[] byId = new Task[size + 1];
        for (int id = 1; id <= size; id++) {
            byId[id] = new Task(id, "benchmark task (updated)", DRAFT.description(), TaskStatus.IN_PROGRESS,
                    DRAFT.createdAt(), DRAFT.updatedAt());
        }
        return byId;
    }

    private static void loadConcurrently(TaskStore store, int size, int loaders) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < loaders; t++) {
            int share = size / loaders + (t < size % loaders ? 1 : 0);
            Thread loader = new Thread(() -> {
                try {
                    for (int i = 0; i < share; i++) {
                        store.create(DRAFT);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "dataset-loader-" + t);
            threads.add(loader);
            loader.start();
        }
        for (Thread loader : threads) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while preloading", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("preloading failed: " + failure.get(), failure.get());
        }
    }

    private static void verify(StoreType type, TaskStore store, int size) {
        if (store.size() != size || (size > 0 && (store.get(1) == null || store.get(size) == null))) {
            throw new IllegalStateException(type + " holds " + store.size() + " tasks after preloading " + size
                    + " (ids 1.." + size + " expected)");
        }
    }
}
