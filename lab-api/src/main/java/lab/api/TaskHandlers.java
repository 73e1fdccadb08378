package lab.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import lab.core.record.Json;
import lab.core.store.Task;
import lab.core.store.TaskStatus;
import lab.core.store.TaskStore;

/**
 * The handlers of {@link TaskApi}: HTTP in, one store call (two for an update), HTTP out. Every
 * check on the content is the store's own ({@link Task}'s constructor, {@link TaskStatus#parse},
 * the store's draft check), so the API refuses exactly what the store refuses, with its reason.
 */
final class TaskHandlers {

    /**
     * A request body: the fields of a task a client may set. {@code id} may be given (a client
     * echoing a task back) but must match: a create refuses any id but 0 (the store's draft
     * check), an update refuses an id other than the path's.
     */
    record TaskBody(Integer id, String title, String description, String status) {
    }

    private final TaskStore store;

    TaskHandlers(TaskStore store) {
        this.store = store;
    }

    void create(Context ctx) throws IOException {
        TaskBody body = body(ctx);
        Instant now = Instant.now();
        Task draft = new Task(body.id() == null ? 0 : body.id(), body.title(), body.description(), status(body), now, now);
        ctx.status(201).json(store.create(draft));
    }

    void get(Context ctx) {
        Task task = store.get(id(ctx));
        if (task == null) {
            notFound(ctx);
            return;
        }
        ctx.json(task);
    }

    /**
     * Replaces the task's content, keeping its id and creation time: a read for the creation
     * time, then the store's update (which finds nothing, and so gives 404, when the task was
     * deleted in between).
     */
    void update(Context ctx) throws IOException {
        int id = id(ctx);
        TaskBody body = body(ctx);
        if (body.id() != null && body.id() != id) {
            throw new IllegalArgumentException("the body's id " + body.id() + " is not the path's id " + id);
        }
        Task current = store.get(id);
        if (current == null) {
            notFound(ctx);
            return;
        }
        Task updated = current.updated(body.title(), body.description(), status(body), Instant.now());
        if (!store.update(updated)) {
            notFound(ctx);
            return;
        }
        ctx.json(updated);
    }

    void delete(Context ctx) {
        if (store.delete(id(ctx))) {
            ctx.status(204);
        } else {
            notFound(ctx);
        }
    }

    /** Every task, streamed (a million tasks are a few hundred MB of JSON). */
    void list(Context ctx) {
        ctx.jsonStream(store.getAll());
    }

    /**
     * The body as a task, read with the same mapper Javalin writes with. Not
     * {@code ctx.bodyAsClass}: for the JSON literal {@code null} its Kotlin null check throws a
     * NullPointerException (a 500) where the client deserves a 400.
     */
    private static TaskBody body(Context ctx) throws IOException {
        TaskBody body = Json.MAPPER.readValue(ctx.bodyAsBytes(), TaskBody.class);
        if (body == null) {
            throw new IllegalArgumentException("the body must be a task: {\"title\": …, \"description\": …, \"status\": \"TODO\"}");
        }
        return body;
    }

    /** The status by name; a missing one is left to the task's own check (which names the accepted ones). */
    private static TaskStatus status(TaskBody body) {
        return body.status() == null ? null : TaskStatus.parse(body.status());
    }

    private static int id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a task id is a whole number, was '" + raw + "'");
        }
    }

    private static void notFound(Context ctx) {
        TaskApi.error(ctx, 404, "no task with id " + ctx.pathParam("id"));
    }
}
