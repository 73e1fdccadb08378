package lab.web.flame;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.record.StoredRun;
import lab.web.Pages;
import lab.web.Site;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * Flame graphs of a run. {@code GET /runs/{id}/flame} lists every profiled benchmark and its
 * events; {@code GET /runs/{id}/flame/{folder}/{event}} is the graph itself, drawn by
 * async-profiler's own converter ({@code one.convert.FlameGraph} from jfr-converter) from the
 * collapsed stacks JMH's async-profiler integration wrote — the same full-width, searchable
 * (Ctrl+F / 🔍) page async-profiler produces. {@code ?reverse} gives the bottom-up view. When a
 * benchmark has no collapsed file, the stored {@code flame-<event>-forward.html} is served.
 *
 * <p>Either way the HTML is served with {@code Content-Security-Policy: sandbox allow-scripts
 * allow-modals}: the page needs its own script to draw, and {@code prompt()} for its search box,
 * but runs in an opaque origin, so an uploaded or tampered file cannot read or act as the site.
 */
public final class FlamePages {

    public static final String SANDBOX = "sandbox allow-scripts allow-modals";

    private static final int CACHE_ENTRIES = 32;

    private final Site site;
    private final Pages pages;
    private final FlameCatalogs catalogs;
    private final Map<String, byte[]> rendered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    public FlamePages(Site site, Pages pages, FlameCatalogs catalogs) {
        this.site = site;
        this.pages = pages;
        this.catalogs = catalogs;
    }

    /** One profiled benchmark and its event links, for the index page. */
    public record Item(String folder, String key, List<FlameCatalog.Link> links, List<FlameCatalog.Link> reverse) {
    }

    public void index(Context ctx) {
        StoredRun run = site.run(ctx.pathParam("id"));
        pages.render(ctx, "flame", run.id(), () -> indexModel(run), run);
    }

    private Map<String, Object> indexModel(StoredRun run) {
        FlameCatalog catalog = catalogs.of(run);
        List<Item> items = new ArrayList<>();
        for (FlameCatalog.Folder f : catalog.folders()) {
            List<FlameCatalog.Link> links = catalog.links(f);
            List<FlameCatalog.Link> reverse = new ArrayList<>();
            for (FlameCatalog.Link l : links) {
                if (f.events().get(l.event()).collapsed() != null) {
                    reverse.add(new FlameCatalog.Link(l.event(), l.href() + "?reverse", l.empty()));
                }
            }
            items.add(new Item(f.name(), f.key() == null ? "" : f.key(), links, reverse));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Flame graphs — " + run.id());
        model.put("runId", run.id());
        model.put("label", run.manifest().label());
        model.put("items", items);
        model.put("warnings", run.manifest().warnings());
        return model;
    }

    public void graph(Context ctx) throws IOException {
        StoredRun run = site.run(ctx.pathParam("id"));
        String folderName = ctx.pathParam("folder");
        String event = ctx.pathParam("event");
        if (!event.matches("[a-z0-9_.]{1,32}") || folderName.contains("/") || folderName.contains("\\") || folderName.startsWith(".")) {
            throw new BadRequestResponse("not a flame graph name");
        }
        FlameCatalog.Folder folder = catalogs.of(run).folder(folderName)
                .orElseThrow(() -> new NotFoundResponse("run " + run.id() + " has no profile folder of that name"));
        FlameCatalog.Source source = folder.events().get(event);
        if (source == null) {
            throw new NotFoundResponse("no " + event + " profile for that benchmark");
        }
        boolean reverse = ctx.queryParam("reverse") != null;
        if (source.collapsed() == null && reverse) {
            throw new NotFoundResponse("the reverse view needs collapsed stacks, and this benchmark has only the stored HTML");
        }
        ctx.header("Content-Security-Policy", SANDBOX);
        ctx.header("X-Content-Type-Options", "nosniff");
        pages.bytes(ctx, "flame|" + run.id() + "|" + folder.name() + "|" + event + "|" + reverse, "text/html; charset=utf-8", () -> {
            try {
                return source.collapsed() != null ? render(source.collapsed(), title(run, folder, event, reverse), reverse)
                        : readNoFollow(source.html());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, run);
    }

    private static byte[] readNoFollow(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    private static String title(StoredRun run, FlameCatalog.Folder folder, String event, boolean reverse) {
        String what = folder.key() != null ? folder.key() : folder.name();
        String t = event + (reverse ? " (reverse)" : "") + " — " + what + " — run " + run.id();
        // The converter places the title in its HTML; keep it to characters that need no escaping.
        return t.replaceAll("[^A-Za-z0-9 ._=,|:()\\-—]", "_");
    }

    /**
     * async-profiler's converter: collapsed stacks in, its flame graph HTML out. Cached (LRU, by
     * file and modification time) for a running run's graphs, which the page cache does not keep.
     */
    byte[] render(Path collapsed, String title, boolean reverse) throws IOException {
        String cacheKey = collapsed + "|" + Files.getLastModifiedTime(collapsed).toMillis() + "|" + reverse + "|" + title;
        synchronized (rendered) {
            byte[] hit = rendered.get(cacheKey);
            if (hit != null) {
                return hit;
            }
        }
        Arguments args = reverse ? new Arguments("--title", title, "--reverse") : new Arguments("--title", title);
        FlameGraph graph = new FlameGraph(args);
        try (Reader in = Files.newBufferedReader(collapsed, StandardCharsets.UTF_8)) {
            graph.parseCollapsed(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8)) {
            graph.dump(ps);
        }
        byte[] html = out.toByteArray();
        synchronized (rendered) {
            rendered.put(cacheKey, html);
        }
        return html;
    }
}
