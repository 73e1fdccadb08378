package lab.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable task. A task with id 0 is a draft: stores assign ids (from 1 up) in
 * {@link TaskStore#create(Task)} and hand back {@link #withId(int)}.
 *
 * <p>Immutability is what lets every store hand out the stored instance itself on a read: the
 * read path of a store must allocate nothing, so it cannot copy.
 */
public record Task(int id, String title, String description, TaskStatus status,
                   Instant createdAt, Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 4000;

    public Task {
        if (id < 0) {
            throw new IllegalArgumentException("task id must be >= 0 (0 = not yet stored), was " + id);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("task title must not be blank");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("task title is " + title.length()
                    + " characters long, at most " + MAX_TITLE_LENGTH + " are allowed");
        }
        if (description == null) {
            description = "";
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("task description is " + description.length()
                    + " characters long, at most " + MAX_DESCRIPTION_LENGTH + " are allowed");
        }
        if (status == null) {
            throw new IllegalArgumentException("task status must be one of TODO, IN_PROGRESS, DONE, was null");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("task updatedAt " + updatedAt + " is before createdAt " + createdAt);
        }
    }

    /** A draft (id 0) created and updated now. */
    public static Task draft(String title, String description, TaskStatus status) {
        Instant now = Instant.now();
        return new Task(0, title, description, status, now, now);
    }

    /** A draft whose status is given by name; unknown names are rejected with the accepted ones. */
    public static Task draft(String title, String description, String status) {
        return draft(title, description, TaskStatus.parse(status));
    }

    public Task withId(int newId) {
        return new Task(newId, title, description, status, createdAt, updatedAt);
    }

    /** The same task with new content, keeping id and creation time. */
    public Task updated(String newTitle, String newDescription, TaskStatus newStatus, Instant at) {
        return new Task(id, newTitle, newDescription, newStatus, createdAt, at.isBefore(createdAt) ? createdAt : at);
    }
}
