package lab.core.store;

import java.util.List;

/**
 * The storage layer of the Task API, as the decision log's Go interface has it, on the JVM.
 *
 * <p>Contract shared by every implementation (checked by the contract test over every
 * {@link StoreType}):
 * <ul>
 *   <li>ids are assigned by the store, unique, increasing, starting at 1, never reused after a
 *       delete. "Increasing" is in the order ids are drawn: every store but the actors (CHANNEL,
 *       DISRUPTOR) draws the id (counter or id lock) before the task becomes visible, as the
 *       log's Go stores did, so under parallel creates id 2 can be visible a moment before
 *       id 1;</li>
 *   <li>{@link #get(int)} returns {@code null} for an unknown id (including 0 and negatives):
 *       the read path allocates nothing, so no {@code Optional} (CHANNEL excepted: its messages
 *       are the allocation the log measured);</li>
 *   <li>{@link #update(Task)} replaces only a present task: it never re-creates a deleted one;
 *       a task is deleted at most once;</li>
 *   <li>{@link #getAll()} is a snapshot: a new list the caller owns. It and {@link #size()} are
 *       atomic (linearizable) in MEMORY and the actors (CHANNEL, DISRUPTOR); the other stores
 *       read them shard by shard or from striped counters: exact when the store is quiet, a mix
 *       of moments under writes;</li>
 *   <li>null or non-draft input is rejected with {@link IllegalArgumentException};</li>
 *   <li>after {@link #close()} every request fails with {@link StoreClosedException}; requests
 *       in flight at close are answered or fail, never hang; close is idempotent and returns only
 *       once every thread the store started has ended.</li>
 * </ul>
 * get / update / delete (and create, one creator at a time) are linearizable in every store:
 * checked with Lincheck by {@code StoreLinearizabilityTest}.
 */
public interface TaskStore extends AutoCloseable {

    /** Stores a draft (id 0) under a new id and returns the stored task. */
    Task create(Task draft);

    /**
     * Stores {@code count} tasks made from one draft, as {@code count} calls of
     * {@link #create} by one caller would (consecutive new ids), and returns the last one stored.
     * The benchmarks preload their datasets with it: an actor store does it in one message,
     * where a message per task pays a thread hand-off each (about 20 µs of CPU on the lab's VM:
     * twenty seconds for a million tasks, in every fork).
     */
    default Task createMany(Task draft, int count) {
        Task last = null;
        for (int i = 0; i < count; i++) {
            last = create(draft);
        }
        return last;
    }

    /** The task with this id, or {@code null}. Allocates nothing. */
    Task get(int id);

    /** Replaces the task with {@code task.id()}; false when no such task is stored. */
    boolean update(Task task);

    /** Removes the task; false when no such task is stored. */
    boolean delete(int id);

    /** Every live task, in no particular order. */
    List<Task> getAll();

    int size();

    /** Releases every thread the store started. Idempotent. */
    @Override
    void close();
}
