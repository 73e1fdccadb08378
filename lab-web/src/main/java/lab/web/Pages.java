package lab.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import lab.core.record.StoredRun;

/**
 * How a page handler answers: rendered once and cached when what it shows can never change (every
 * run it draws is final), rendered per request otherwise. One per app instance, with its cache.
 */
public final class Pages {

    static final String HTML = "text/html; charset=utf-8";

    private final ThymeleafRenderer renderer;
    private final PageCache cache;

    public Pages(ThymeleafRenderer renderer, PageCache cache) {
        this.renderer = renderer;
        this.cache = cache;
    }

    /**
     * Renders {@code template}; when every run in {@code runs} is final, once per {@code key}
     * (which must name everything else the page depends on: the query, the index version …).
     */
    public void render(Context ctx, String template, String key, Supplier<Map<String, ?>> model, StoredRun... runs) {
        if (cacheable(runs)) {
            cache.serve(ctx, template + "|" + key + "|" + stamps(runs), HTML,
                    () -> renderer.render(template, model.get()).getBytes(StandardCharsets.UTF_8));
        } else {
            ctx.header("Cache-Control", "no-store"); // a running run: its next request may show more
            ctx.html(renderer.render(template, model.get()));
        }
    }

    /** Serves stored bytes (a flame graph) once compressed, with an ETag, when its run is final. */
    public void bytes(Context ctx, String key, String contentType, Supplier<byte[]> body, StoredRun run) {
        if (cacheable(run)) {
            cache.serve(ctx, key + "|" + stamps(run), contentType, body);
        } else {
            ctx.header("Cache-Control", "no-store");
            ctx.contentType(contentType).result(body.get());
        }
    }

    static boolean cacheable(StoredRun... runs) {
        for (StoredRun r : runs) {
            if (!r.isFinal()) {
                return false;
            }
        }
        return true;
    }

    /** What identifies a final run's content beyond its id (a run removed and stored again under the same id differs). */
    private static String stamps(StoredRun... runs) {
        StringBuilder sb = new StringBuilder();
        for (StoredRun r : runs) {
            sb.append(r.id()).append('@').append(r.manifest().status().json()).append('@').append(r.manifest().endedAt())
                    .append('@').append(r.readable()).append(';');
        }
        return sb.toString();
    }
}
