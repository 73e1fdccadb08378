package lab.core.bench;


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
 * fraction of a second. The tasks go in through {@link TaskStore#createMany}: the same creates,
 * but an actor store (CHANNEL, DISRUPTOR) receives them as one message, where one message per
 * task cost a request/reply hand-off each — 20 CPU-seconds per million-task fork, measured with
 * eight loader threads feeding CHANNEL (ForkCostProbe).
 */
public final class Dataset {

    /** The draft every preloaded task is created from. */
    public static final Task DRAFT = Task.draft("benchmark task", "preloaded by lab.core.bench.Dataset", TaskStatus.TODO);

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
            store.createMany(DRAFT, size);
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

    private static void verify(StoreType type, TaskStore store, int size) {
        if (store.size() != size || (size > 0 && (store.get(1) == null || store.get(size) == null))) {
            throw new IllegalStateException(type + " holds " + store.size() + " tasks after preloading " + size
                    + " (ids 1.." + size + " expected)");
        }
    }
}
