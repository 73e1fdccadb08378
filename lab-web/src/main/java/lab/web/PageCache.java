package lab.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Pages rendered once and then served as bytes. A final run (complete, failed, interrupted) never
 * changes, so each of its pages is rendered once, gzip-compressed once, and served with an
 * {@code ETag}: a repeat visit gets {@code 304 Not Modified}, a first one the stored bytes (the
 * gzip ones when the client accepts them; Javalin's own compression leaves a response alone once
 * it has a {@code Content-Encoding}). Before this, every request re-rendered the run page: 57
 * requests/s for a 96-result run with 8 connections.
 *
 * <p>One cache per app instance, bounded by {@link #maxBytes} (least recently used pages go
 * first). Two requests for a page not yet rendered wait for one rendering. Only 200 pages are
 * stored: an exception while rendering reaches the error mapper and nothing is kept.
 */
public final class PageCache {

    /** A rendered page: its bytes, the same gzip-compressed, and the validator of both. */
    public record Page(byte[] body, byte[] gzip, String etag, String contentType) {
        long size() {
            return body.length + gzip.length + 200L;
        }
    }

    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final long maxBytes;
    private final Map<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true);
    private final ConcurrentHashMap<String, FutureTask<Page>> rendering = new ConcurrentHashMap<>();
    private long bytes;

    public PageCache() {
        this(DEFAULT_MAX_BYTES);
    }

    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Serves the page stored under {@code key}, rendering it first if it is not stored. */
    public void serve(Context ctx, String key, String contentType, Supplier<byte[]> render) {
        send(ctx, get(key, contentType, render));
    }

    Page get(String key, String contentType, Supplier<byte[]> render) {
        synchronized (pages) {
            Page hit = pages.get(key);
            if (hit != null) {
                return hit;
            }
        }
        FutureTask<Page> task = new FutureTask<>(() -> page(render.get(), contentType));
        FutureTask<Page> running = rendering.putIfAbsent(key, task);
        if (running == null) {
            running = task;
            try {
                task.run();
            } finally {
                rendering.remove(key, task);
            }
        }
        Page p;
        try {
            p = running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a page was rendered", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (running == task) {
            store(key, p);
        }
        return p;
    }

    private void store(String key, Page p) {
        if (p.size() > maxBytes / 4) {
            return; // one page must not evict everything else
        }
        synchronized (pages) {
            Page old = pages.put(key, p);
            bytes += p.size() - (old == null ? 0 : old.size());
            var it = pages.entrySet().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                bytes -= it.next().getValue().size();
                it.remove();
            }
        }
    }

    /** Pages stored now (for tests). */
    int size() {
        synchronized (pages) {
            return pages.size();
        }
    }

    static Page page(byte[] body, String contentType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(body, out.toByteArray(), etag(body), contentType);
    }

    /** A weak validator (the same page in either encoding): a digest of the uncompressed bytes. */
    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(Context ctx, Page p) {
        ctx.header("ETag", p.etag());
        ctx.header("Vary", "Accept-Encoding");
        // Revalidate every time: cheap (a 304), and a new version of the lab may draw the page differently.
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), p.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(p.contentType());
        if (acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(p.gzip());
        } else {
            ctx.result(p.body());
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String bare = etag.substring(2);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals(bare) || t.equals("W/" + bare)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim();
                    if (q.startsWith("q=") && q.substring(2).trim().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
