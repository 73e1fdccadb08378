package lab.web.api;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import lab.core.record.AgentReportException;
import lab.core.record.BenchmarkResult;
import lab.core.record.ImportLimits;
import lab.core.record.JmhFormatException;
import lab.core.record.StoredRun;
import lab.web.Site;

/**
 * The JSON API: {@code GET /api/runs} (every run's manifest, newest first),
 * {@code GET /api/runs/{id}} (manifest + parsed JMH results, each with its row key), and
 * {@code POST /api/runs} (a JMH JSON result as the body, {@code Content-Type: application/json},
 * UTF-8, {@code ?label=} optional) so that runs from other machines and CI jobs reach one site, and
 * {@code POST /api/agent-reports} (a lab agent report, the same way; lab-agent's {@code upload=}):
 * 201 with {@code {"id": …, "url": …}}; 413 above the upload limit; 415 for another media type;
 * 400 with the reason for a bad charset, malformed or non-JMH JSON, or a result beyond
 * {@link ImportLimits}; 408 for a body that arrives too slowly; 503 while
 * {@link #MAX_CONCURRENT_UPLOADS} others are being received. The repository validates before it
 * writes anything, and writes through a temporary folder renamed at the end, so a rejected or
 * interrupted upload leaves nothing behind.
 */
public final class RunsApi {

    /**
     * Uploads read at once. Reading a body holds a server thread until the last byte arrives, so
     * a few slow or stalled clients could otherwise hold every thread and stall every page; the
     * rest are told to retry (503) instead of queueing. Each read is also bounded in time by the
     * server's minimum data rate and idle timeout ({@link lab.web.WebApp}).
     */
    public static final int MAX_CONCURRENT_UPLOADS = 4;

    private final Site site;
    private final Semaphore uploads = new Semaphore(MAX_CONCURRENT_UPLOADS);

    public RunsApi(Site site) {
        this.site = site;
    }

    public void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredRun r : site.runs().all()) {
            out.add(summary(r));
        }
        ctx.json(out);
    }

    public void get(Context ctx) {
        StoredRun run = site.run(ctx.pathParam("id"));
        Map<String, Object> out = summary(run);
        if (run.readError() == null && run.manifest().kind() == lab.core.record.RunKind.AGENT) {
            try {
                out.put("agentReport", run.agentReport().orElse(null));
            } catch (IllegalArgumentException e) {
                out.put("agentReportError", e.getMessage());
            }
        } else if (run.readError() == null) {
            try {
                List<Map<String, Object>> results = new ArrayList<>();
                for (BenchmarkResult r : run.results()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", r.key());
                    m.put("result", r);
                    results.add(m);
                }
                out.put("results", results);
            } catch (JmhFormatException e) {
                out.put("resultsError", e.getMessage());
            }
            try {
                run.loadResults().ifPresent(l -> out.put("load", l)); // a load run's samples, as stored
            } catch (IllegalArgumentException e) {
                out.put("loadError", e.getMessage());
            }
        }
        ctx.json(out);
    }

    public void upload(Context ctx) {
        receive(ctx, "the JMH result", "a JMH JSON result (the file -rf json writes)", (body, label) -> {
            try {
                return site.repository().importJmh(body, label == null || label.isBlank() ? "upload" : label, "upload");
            } catch (JmhFormatException e) {
                throw new BadRequestResponse("not a JMH JSON result: " + e.getMessage());
            }
        });
    }

    /**
     * {@code POST /api/agent-reports}: a lab agent report as the body (what lab-agent's
     * {@code upload=} sends, or {@code curl … --data-binary @counters.json}) becomes an agent run;
     * the same limits, answers and guarantees as {@link #upload}.
     */
    public void agentReport(Context ctx) {
        receive(ctx, "the agent report", "a lab agent report (the JSON object report= writes)", (body, label) -> {
            try {
                return site.repository().importAgent(body, label == null || label.isBlank() ? "agent" : label, "upload");
            } catch (AgentReportException e) {
                throw new BadRequestResponse("refused the agent report: " + e.getMessage());
            }
        });
    }

    /** Stores a body; throws an HTTP error with the reason when it cannot. */
    private interface Importer {
        String store(byte[] body, String label);
    }

    private void receive(Context ctx, String what, String expected, Importer importer) {
        // JSON only: a browser cannot send application/json cross-origin without a CORS preflight,
        // which this site never grants, so no other page (nor a sandboxed flame graph) can upload.
        MediaType.requireJson(ctx.header("Content-Type"), what);
        long limit = site.maxUploadBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new ContentTooLargeResponse("the body is " + declared + " bytes; the limit is " + limit + " bytes");
        }
        String label = ctx.queryParam("label");
        if (label != null && label.length() > ImportLimits.MAX_LABEL) {
            throw new BadRequestResponse("the label is longer than " + ImportLimits.MAX_LABEL + " characters");
        }
        if (!uploads.tryAcquire()) {
            ctx.header("Retry-After", "5");
            throw new HttpResponseException(503, MAX_CONCURRENT_UPLOADS + " uploads are being received; try again in a few seconds");
        }
        String id;
        try {
            byte[] body = Bodies.readAtMost(ctx, limit);
            if (body.length == 0) {
                throw new BadRequestResponse("empty body: POST " + expected);
            }
            id = importer.store(body, label);
        } finally {
            uploads.release();
        }
        site.runs().invalidate();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("url", "/runs/" + id);
        ctx.header("Location", "/api/runs/" + id);
        ctx.status(201).json(out);
    }

    static Map<String, Object> summary(StoredRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("url", "/runs/" + r.id());
        m.put("readError", r.readError());
        m.put("manifest", r.manifest());
        return m;
    }
}
