package lab.api;

import com.fasterxml.jackson.core.JacksonException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.core.record.Json;
import lab.core.store.StoreClosedException;
import lab.core.store.TaskStore;

/**
 * The Task API over one store: the service the decision log's stores were the storage layer of.
 * Every route and error mapper is listed here (Javalin's guidance, as in the report site's
 * {@code WebApp}); the handlers are in {@link TaskHandlers}.
 *
 * <pre>
 * POST   /tasks        {"title": …, "description": …, "status": "TODO"}  201 the stored task (with its id)
 * GET    /tasks/{id}   200 the task, 404
 * PUT    /tasks/{id}   {"title": …, "description": …, "status": …}      200 the updated task, 404
 * DELETE /tasks/{id}   204, 404
 * GET    /tasks        200 every task
 * </pre>
 *
 * Bodies are JSON with the {@link lab.core.store.Task} fields, read and written with the lab's one
 * Jackson configuration ({@link Json#MAPPER}). A body the store refuses (a blank or too long
 * title, an unknown status, an id on a create) gets 400 with the store's own reason, as
 * {@code {"status": 400, "error": "…"}}; so does a body that is not JSON.
 */
public final class TaskApi {

    private TaskApi() {
    }

    /** The API over {@code store}; the caller starts it and closes the store after stopping it. */
    public static Javalin create(TaskStore store) {
        TaskHandlers tasks = new TaskHandlers(store);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;

            config.routes.post("/tasks", tasks::create);
            config.routes.get("/tasks", tasks::list);
            config.routes.get("/tasks/{id}", tasks::get);
            config.routes.put("/tasks/{id}", tasks::update);
            config.routes.delete("/tasks/{id}", tasks::delete);

            // The store's validation (Task's constructor, TaskStatus.parse, the draft check) and bad ids
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            // A body Jackson cannot read as a task
            config.routes.exception(JacksonException.class, (e, ctx) ->
                    error(ctx, 400, "the body is not a task in JSON: " + e.getOriginalMessage()));
            config.routes.exception(StoreClosedException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "no route " + ctx.method() + " " + ctx.path());
                }
            });
        });
    }

    static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message == null ? "" : message);
        ctx.status(status).json(body);
    }
}
