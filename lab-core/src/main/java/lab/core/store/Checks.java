package lab.core.store;

/**
 * The argument checks every store shares, so that every store rejects bad input with the same
 * message. Package-private: the checks are part of each store's contract, not an API.
 */
final class Checks {

    private Checks() {
    }

    /** A draft for {@code create}: not null, id 0 (the store assigns ids). */
    static Task draft(Task draft) {
        if (draft == null) {
            throw new IllegalArgumentException("draft task must not be null");
        }
        if (draft.id() != 0) {
            throw new IllegalArgumentException("a draft has id 0 (the store assigns ids), was " + draft.id());
        }
        return draft;
    }

    /** A task for {@code update}: not null. Ids that were never assigned simply find nothing. */
    static Task stored(Task task) {
        if (task == null) {
            throw new IllegalArgumentException("task to update must not be null");
        }
        return task;
    }

    /**
     * Ids run from 1 to {@code Integer.MAX_VALUE}. Running out is a hard failure rather than a
     * silent wrap to negative ids that would break the "unique, increasing" contract.
     */
    static int newId(int id) {
        if (id <= 0) {
            throw new IllegalStateException("task ids exhausted: more than " + Integer.MAX_VALUE + " creates");
        }
        return id;
    }
}
