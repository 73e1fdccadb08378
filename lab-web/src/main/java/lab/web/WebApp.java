package lab.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import lab.core.record.Json;
import lab.web.api.RunsApi;
import lab.web.claims.ClaimsPage;
import lab.web.compare.ComparePage;
import lab.web.flame.FlamePages;
import lab.web.layout.LayoutPage;
import lab.web.runs.RunFiles;
import lab.web.runs.RunPage;
import lab.web.runs.RunsPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report site: every route, filter and error mapper is listed here, in one place (Javalin's
 * guidance); the handlers live in packages by feature ({@code lab.web.runs}, {@code .flame},
 * {@code .layout}, {@code .api}, {@code .compare}, {@code .claims}). Tests build the app with this
 * factory and talk to it over HTTP.
 *
 * <p>Site pages are served with a Content-Security-Policy that allows scripts and styles only from
 * the site itself ({@code /assets/…}; inline {@code style} attributes are allowed for the SVG
 * charts): put page scripts in {@code src/main/resources/web/assets/}, not inline. Stored HTML
 * (flame graphs, run files) replaces it with a {@code sandbox} policy.
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    static final String SITE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

    private static final String STARTED = "lab.started";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final Map<String, String> ASSETS = Map.of(
            "site.css", "text/css; charset=utf-8",
            "sort.js", "text/javascript; charset=utf-8");

    private WebApp() {
    }

    public static Javalin create(Site site) {
        RunsPage runsPage = new RunsPage(site);
        RunPage runPage = new RunPage(site);
        RunFiles runFiles = new RunFiles(site);
        FlamePages flame = new FlamePages(site);
        LayoutPage layouts = new LayoutPage(site);
        RunsApi api = new RunsApi(site);
        ComparePage compare = new ComparePage(site);
        ClaimsPage claims = new ClaimsPage(site);

        return Javalin.create(config -> {
            config.fileRenderer(new ThymeleafRenderer());
            config.http.maxRequestSize = site.maxUploadBytes();
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;

            config.routes.before(ctx -> {
                ctx.attribute(STARTED, new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()});
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Content-Security-Policy", SITE_CSP);
                ctx.header("Referrer-Policy", "same-origin");
            });

            // Pages
            config.routes.get("/", ctx -> ctx.redirect("/runs"));
            config.routes.get("/runs", runsPage::list);
            config.routes.get("/runs/{id}", runPage::show);
            config.routes.get("/runs/{id}/files/{name}", runFiles::download);
            config.routes.get("/runs/{id}/flame", flame::index);
            config.routes.get("/runs/{id}/flame/{folder}/{event}", flame::graph);
            config.routes.get("/runs/{id}/layouts", layouts::show);
            config.routes.get("/runs/{id}/claims", claims::forRun);
            config.routes.get("/compare", compare::show);
            config.routes.get("/compare/flame", compare::flame);
            config.routes.get("/claims", claims::latest);

            // JSON API
            config.routes.get("/api/runs", api::list);
            config.routes.get("/api/runs/{id}", api::get);
            config.routes.get("/api/runs/{id}/claims", claims::api);
            config.routes.get("/api/compare", compare::api);
            config.routes.post("/api/runs", api::upload);

            // Assets served from the jar (no CDN: the site works without a network)
            config.routes.get("/assets/{name}", WebApp::asset);

            // Server time of every response (read by SitePerf and visible in the browser's dev tools)
            config.routes.after(ctx -> {
                long[] t0 = ctx.attribute(STARTED);
                if (t0 != null) {
                    // wall time, and the handling thread's CPU time (what the request cost when other processes compete)
                    ctx.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.3f, cpu;dur=%.3f",
                            (System.nanoTime() - t0[0]) / 1e6, (THREADS.getCurrentThreadCpuTime() - t0[1]) / 1e6));
                }
            });

            // Errors: JSON under /api, an escaped HTML page elsewhere
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "no page at this address");
                }
            });
        });
    }

    private static void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        String type = ASSETS.get(name);
        if (type == null) {
            error(ctx, 404, "no such asset");
            return;
        }
        try (InputStream in = WebApp.class.getResourceAsStream("/web/assets/" + name)) {
            if (in == null) {
                error(ctx, 404, "no such asset");
                return;
            }
            ctx.contentType(type).header("Cache-Control", "max-age=300").result(in.readAllBytes());
        }
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            try {
                ctx.contentType("application/json; charset=utf-8").result(Json.MAPPER.writeValueAsBytes(body));
            } catch (IOException e) {
                ctx.result("{\"status\":" + status + "}");
            }
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Error " + status);
        model.put("status", status);
        model.put("message", message == null ? "" : message);
        ctx.header("Content-Security-Policy", SITE_CSP);
        ctx.render("error", model);
    }
}
