package lab.core.layout;

import lab.core.store.Task;
import lab.core.store.TaskStatus;

import java.time.Instant;

/**
 * The tasks every footprint is measured with: a title and a description of realistic length,
 * distinct per task (so no two tasks share a string), and one {@link Instant} per task used for
 * both timestamps, as {@link Task#draft} does. What the stores add on top of these is the point;
 * the tasks' own bytes are measured and subtracted.
 */
final class SampleTasks {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final TaskStatus[] STATUSES = TaskStatus.values();

    private SampleTasks() {
    }

    /** The draft (id 0) of the i-th task. */
    static Task draft(int i) {
        Instant at = BASE.plusSeconds(i);
        return new Task(0, "Task " + i + ": review the storage layer",
                "Measure store " + i + " on read, write and getAll under the Zipf key distribution.",
                STATUSES[i % STATUSES.length], at, at);
    }
}
