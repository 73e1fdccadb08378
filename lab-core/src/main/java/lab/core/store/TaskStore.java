package lab.core.store;

import java.util.List;

/**
 * The storage layer of the Task API, as the decision log's Go interface has it, on the JVM.
 *
 * <p>Contract shared by every implementation (checked by the contract test over every
 * {@link StoreType}):
 * <ul>
 *   <li>ids are assigned by the store, unique, increasing, starting at 1;</li>
 *   <li>{@link #get(int)} returns {@code null} for an unknown id (including 0 and negatives):
 *       the read path allocates nothing, so no {@code Optional};</li>
 *   <li>{@link #getAll()} is a snapshot: a new list the caller owns;</li>
 *   <li>after {@link #close()} every request fails with {@link StoreClosedException}; requests
 *       in flight at close are answered or fail, never hang; close is idempotent.</li>
 * </ul>
 */
public interface TaskStore extends AutoCloseable {

    /** Stores a draft (id 0) under a new id and returns the stored task. */
    Task create(Task draft);

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
