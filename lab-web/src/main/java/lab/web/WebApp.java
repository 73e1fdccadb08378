package lab.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import lab.core.record.JmhFormatException;
import lab.core.record.Json;
import lab.core.record.RunKind;
import lab.core.record.StoredRun;
import lab.web.agent.AgentRunPage;
import lab.web.api.RunsApi;
import lab.web.claims.AgreementPage;
import lab.web.claims.ClaimsPage;
import lab.web.compare.ComparePage;
import lab.web.flame.FlameCatalogs;
import lab.web.flame.FlamePages;
import lab.web.layout.LayoutComparePage;
import lab.web.layout.LayoutPage;
import lab.web.load.LoadPage;
import lab.web.runs.RunFiles;
import lab.web.runs.RunPage;
import lab.web.runs.RunsPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report site: every route, filter and error mapper is listed here, in one place (Javalin's
 * guidance); the handlers live in packages by feature ({@code lab.web.runs}, {@code .flame},
 * {@code .layout}, {@code .api}, {@code .compare}, {@code .claims}). Tests build the app with this
 * factory and talk to it over HTTP. Each app owns its caches ({@link PageCache}, the per-run
 * {@link RunCache}s): nothing is shared between two apps through static state.
 *
 * <p>Site pages are served with a Content-Security-Policy that allows scripts and styles only from
 * the site itself ({@code /assets/…}, Javalin's static files from the jar; inline {@code style}
 * attributes are allowed for the SVG charts): put page scripts in
 * {@code src/main/resources/web/assets/}, not inline. Stored HTML (flame graphs, run files)
 * replaces it with a {@code sandbox} policy.
 *
 * <p>Slow clients: a request body must arrive at {@link #MIN_UPLOAD_BYTES_PER_SECOND} or faster,
 * with no pause longer than {@link #READ_IDLE_MILLIS} (Jetty fails the read, the client gets 408),
 * and {@link RunsApi#MAX_CONCURRENT_UPLOADS} bodies are read at once; so trickled or stalled
 * uploads cannot hold the server's threads while pages wait.
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    static final String SITE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

    /** A request body slower than this (averaged from its first byte) is cut off with 408: 32 MiB take at most 34 min. */
    public static final long MIN_UPLOAD_BYTES_PER_SECOND = 16 * 1024;

    /** The longest a blocked read or write of a request may wait for the other side. */
    public static final long READ_IDLE_MILLIS = 10_000;

    private static final String STARTED = "lab.started";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WebApp() {
    }

    public static Javalin create(Site site) {
        ThymeleafRenderer renderer = new ThymeleafRenderer();
        Pages pages = new Pages(renderer, new PageCache());
        FlameCatalogs flames = new FlameCatalogs(site.profiles());
        RunsPage runsPage = new RunsPage(site);
        RunPage runPage = new RunPage(site, pages, flames);
        LoadPage loadPage = new LoadPage(site, pages, flames);
        AgentRunPage agentRunPage = new AgentRunPage(site, pages);
        RunFiles runFiles = new RunFiles(site);
        FlamePages flame = new FlamePages(site, pages, flames);
        LayoutPage layouts = new LayoutPage(site, pages);
        LayoutComparePage layoutCompare = new LayoutComparePage(site, pages);
        RunsApi api = new RunsApi(site);
        ComparePage compare = new ComparePage(site, pages, flames);
        ClaimsPage claims = new ClaimsPage(site, pages);
        AgreementPage agreement = new AgreementPage(site, pages);

        return Javalin.create(config -> {
            config.fileRenderer(renderer);
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = site.maxUploadBytes();
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setMinRequestDataRate(MIN_UPLOAD_BYTES_PER_SECOND);
                http.setIdleTimeout(READ_IDLE_MILLIS);
            });

            // Assets from the jar (no CDN: the site works without a network)
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/web/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=300");
            });

            config.routes.before(ctx -> {
                ctx.attribute(STARTED, new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()});
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Content-Security-Policy", SITE_CSP);
                ctx.header("Referrer-Policy", "same-origin");
            });

            // Pages
            config.routes.get("/", ctx -> ctx.redirect("/runs"));
            config.routes.get("/runs", runsPage::list);
            config.routes.get("/runs/{id}", ctx -> {
                // one address per run, the page its kind needs
                StoredRun run = site.run(ctx.pathParam("id"));
                if (run.manifest().kind() == RunKind.LOAD) {
                    loadPage.show(ctx, run);
                } else if (run.manifest().kind() == RunKind.AGENT) {
                    agentRunPage.show(ctx, run);
                } else {
                    runPage.show(ctx);
                }
            });
            config.routes.get("/runs/{id}/files/{name}", runFiles::download);
            config.routes.get("/runs/{id}/flame", flame::index);
            config.routes.get("/runs/{id}/flame/{folder}/{event}", flame::graph);
            config.routes.get("/runs/{id}/layouts", layouts::show);
            config.routes.get("/runs/{id}/claims", claims::forRun);
            config.routes.get("/compare", compare::show);
            config.routes.get("/compare/flame", compare::flame);
            config.routes.get("/compare/layouts", layoutCompare::show);
            config.routes.get("/claims", claims::latest);
            config.routes.get("/claims/agreement", agreement::show);

            // JSON API
            config.routes.get("/api/runs", api::list);
            config.routes.get("/api/runs/{id}", api::get);
            config.routes.get("/api/runs/{id}/claims", claims::api);
            config.routes.get("/api/compare", compare::api);
            config.routes.post("/api/runs", api::upload);
            config.routes.post("/api/agent-reports", api::agentReport);

            // Server time of every response (read by SitePerf and visible in the browser's dev tools)
            config.routes.after(ctx -> {
                long[] t0 = ctx.attribute(STARTED);
                if (t0 != null) {
                    // wall time, and the handling thread's CPU time (what the request cost when other processes compete)
                    ctx.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.3f, cpu;dur=%.3f",
                            (System.nanoTime() - t0[0]) / 1e6, (THREADS.getCurrentThreadCpuTime() - t0[1]) / 1e6));
                }
            });

            // Errors: JSON under /api, an escaped HTML page elsewhere; never an exception's text.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(JmhFormatException.class, (e, ctx) -> error(ctx, 400, "a stored jmh.json cannot be read: "
                    + e.getMessage()));
            config.routes.exception(UnsupportedCharsetException.class, (e, ctx) -> error(ctx, 400,
                    "the request's Content-Type names a charset this server does not know: '" + printable(e.getCharsetName()) + "'"));
            config.routes.exception(IllegalCharsetNameException.class, (e, ctx) -> error(ctx, 400,
                    "the request's Content-Type names an invalid charset: '" + printable(e.getCharsetName()) + "'"));
            config.routes.exception(Exception.class, (e, ctx) -> {
                String ref = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
                LOG.warn("{} {} failed (reference {})", ctx.method(), ctx.path(), ref, e);
                error(ctx, 500, "internal error (reference " + ref + " in the server's log)");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "no page at this address");
                }
            });
        });
    }

    private static String printable(String s) {
        String cut = s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.res().setHeader("Content-Encoding", null);
        ctx.res().setHeader("ETag", null);
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            ctx.json(body);
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
