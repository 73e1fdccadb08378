package lab.web.runs;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.core.record.StoredRun;
import lab.web.Site;

/**
 * {@code GET /runs/{id}/files/{name}}: a stored file of a run (jmh.json, layouts.json, the
 * printable dumps), downloaded as-is. The name is resolved only by {@link StoredRun#file}, which
 * refuses separators, "..", dot-files and anything outside the run folder. Every response is
 * sandboxed and not sniffed, so a stored HTML or SVG file cannot run as the site.
 */
public final class RunFiles {

    private final Site site;

    public RunFiles(Site site) {
        this.site = site;
    }

    public void download(Context ctx) throws IOException {
        StoredRun run = site.run(ctx.pathParam("id"));
        String name = ctx.pathParam("name");
        Path file = run.file(name).orElseThrow(() -> new NotFoundResponse("run " + run.id() + " has no file of that name"));
        ctx.header("Content-Security-Policy", "sandbox");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType(name));
        if (ctx.queryParam("download") != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + run.id() + "-" + name + "\"");
        }
        InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        ctx.result(in);
    }

    static String contentType(String name) {
        if (name.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (name.endsWith(".txt") || name.endsWith(".csv") || name.endsWith(".log")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }
}
