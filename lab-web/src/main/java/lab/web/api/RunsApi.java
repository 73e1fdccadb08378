package lab.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;
import lab.core.record.JmhFormatException;
import lab.core.record.Json;
import lab.core.record.StoredRun;
import lab.web.Site;

/**
 * The JSON API: {@code GET /api/runs} (every run's manifest, newest first),
 * {@code GET /api/runs/{id}} (manifest + parsed JMH results, each with its row key), and
 * {@code POST /api/runs} (a JMH JSON result as the body, {@code Content-Type: application/json},
 * {@code ?label=} optional) so that runs
 * from other machines and CI jobs reach one site: 201 with {@code {"id": …, "url": …}}; 413 above
 * the upload limit; 400 with the parser's reason for malformed or non-JMH JSON. The repository
 * validates before it writes anything, and writes through a temporary folder renamed at the end,
 * so a rejected or interrupted upload leaves nothing behind.
 */
public final class RunsApi {

    private final Site site;

    public RunsApi(Site site) {
        this.site = site;
    }

    public void list(Context ctx) throws JsonProcessingException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredRun r : site.runs().all()) {
            out.add(summary(r));
        }
        json(ctx, 200, out);
    }

    public void get(Context ctx) throws JsonProcessingException {
        StoredRun run = site.run(ctx.pathParam("id"));
        Map<String, Object> out = summary(run);
        if (run.readError() == null) {
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
        }
        json(ctx, 200, out);
    }

    public void upload(Context ctx) throws JsonProcessingException {
        // JSON only: a browser cannot send application/json cross-origin without a CORS preflight,
        // which this site never grants, so no other page (nor a sandboxed flame graph) can upload.
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new HttpResponseException(415, "send the JMH result with Content-Type: application/json"
                    + " (curl -H 'Content-Type: application/json' --data-binary @result.json …)");
        }
        long limit = site.maxUploadBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new ContentTooLargeResponse("the body is " + declared + " bytes; the limit is " + limit + " bytes");
        }
        byte[] body = readAtMost(ctx, limit);
        if (body.length == 0) {
            throw new BadRequestResponse("empty body: POST a JMH JSON result (the file -rf json writes)");
        }
        String label = ctx.queryParam("label");
        if (label != null && label.length() > 200) {
            throw new BadRequestResponse("the label is longer than 200 characters");
        }
        String id;
        try {
            id = site.repository().importJmh(body, label == null || label.isBlank() ? "upload" : label, "upload");
        } catch (JmhFormatException e) {
            throw new BadRequestResponse("not a JMH JSON result: " + e.getMessage());
        }
        site.runs().invalidate();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("url", "/runs/" + id);
        ctx.header("Location", "/api/runs/" + id);
        json(ctx, 201, out);
    }

    private static byte[] readAtMost(Context ctx, long limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new ContentTooLargeResponse("the body is larger than the limit of " + limit + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BadRequestResponse("could not read the body: " + e.getMessage());
        }
    }

    static Map<String, Object> summary(StoredRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("url", "/runs/" + r.id());
        m.put("readError", r.readError());
        m.put("manifest", r.manifest());
        return m;
    }

    static void json(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.MAPPER.writeValueAsBytes(body));
    }
}
