package lab.web.flame;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.core.record.StoredRun;

/**
 * The async-profiler output of one run: which benchmark folders exist and which events each
 * holds. It is the whitelist for the flame routes: a folder is served only when the run's
 * manifest names it ({@code manifest.profiles}: BenchmarkResult key → folder relative to the
 * profiles root) or it sits directly in {@code profiles/<run-id>/}; a name from the URL is looked
 * up here, never resolved as a path.
 */
public final class FlameCatalog {

    private static final Pattern COLLAPSED = Pattern.compile("collapsed-([a-z0-9_.]+)\\.csv");
    private static final Pattern HTML = Pattern.compile("flame-([a-z0-9_.]+?)(-forward)?\\.html");
    private static final List<String> EVENT_ORDER = List.of("cpu", "wall", "alloc", "lock");

    /** One profiled benchmark: its folder, the result key (null when unknown), its events. */
    public record Folder(String name, String key, Path dir, Map<String, Source> events) {
    }

    /**
     * Where one event's flame graph comes from: collapsed stacks (preferred) or stored HTML.
     * {@code empty}: the profiler recorded no sample of this event (an empty collapsed file, e.g.
     * no contended lock at all), so there is nothing to draw.
     */
    public record Source(String event, Path collapsed, Path html, boolean empty) {
    }

    /** An event of a benchmark, as a link ({@code empty}: no samples, shown without a link). */
    public record Link(String event, String href, boolean empty) {
        public Link(String event, String href) {
            this(event, href, false);
        }
    }

    private final String runId;
    private final Map<String, Folder> byName;
    private final Map<String, Folder> byKey;

    private FlameCatalog(String runId, Map<String, Folder> byName, Map<String, Folder> byKey) {
        this.runId = runId;
        this.byName = byName;
        this.byKey = byKey;
    }

    /**
     * Reads the catalog of a run from the profiles folder. The site keeps one per final run
     * ({@link lab.web.RunCache}); a running run's is read again on each use, as its profiles land.
     */
    public static FlameCatalog read(StoredRun run, Path profilesRoot) {
        Path root = profilesRoot.toAbsolutePath().normalize();
        Map<String, Folder> byName = new TreeMap<>();
        Map<String, Folder> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : run.manifest().profiles().entrySet()) {
            Path dir = root.resolve(e.getValue()).normalize();
            if (!dir.startsWith(root) || dir.equals(root) || !Files.isDirectory(dir)) {
                continue;
            }
            Folder f = folder(dir, e.getKey());
            if (!f.events().isEmpty()) {
                byName.putIfAbsent(f.name(), f);
                byKey.put(e.getKey(), byName.get(f.name()));
            }
        }
        Path own = root.resolve(run.id()).normalize();
        if (own.startsWith(root) && Files.isDirectory(own)) {
            try (Stream<Path> s = Files.list(own)) {
                for (Path dir : s.filter(Files::isDirectory).toList()) {
                    String name = dir.getFileName().toString();
                    if (!name.startsWith(".") && !byName.containsKey(name)) {
                        Folder f = folder(dir, null);
                        if (!f.events().isEmpty()) {
                            byName.put(name, f);
                        }
                    }
                }
            } catch (IOException ignored) {
                // An unreadable profiles folder means no flame graphs, not a broken page.
            }
        }
        return new FlameCatalog(run.id(), byName, byKey);
    }

    private static Folder folder(Path dir, String key) {
        Map<String, Path> collapsed = new TreeMap<>();
        Map<String, Path> html = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> Files.isRegularFile(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                String n = p.getFileName().toString();
                Matcher c = COLLAPSED.matcher(n);
                Matcher h = HTML.matcher(n);
                if (c.matches()) {
                    collapsed.put(c.group(1), p);
                } else if (h.matches() && !n.endsWith("-reverse.html")) {
                    html.putIfAbsent(h.group(1), p);
                    if (h.group(2) != null) {
                        html.put(h.group(1), p);
                    }
                }
            }
        } catch (IOException e) {
            return new Folder(dir.getFileName().toString(), key, dir, Map.of());
        }
        List<String> events = new ArrayList<>(collapsed.keySet());
        html.keySet().stream().filter(k -> !collapsed.containsKey(k)).forEach(events::add);
        events.sort((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        Map<String, Source> out = new LinkedHashMap<>();
        for (String ev : events) {
            Path c = collapsed.get(ev);
            out.put(ev, new Source(ev, c, html.get(ev), c != null && size(c) == 0));
        }
        return new Folder(dir.getFileName().toString(), key, dir, Map.copyOf(out).isEmpty() ? Map.of() : Collections.unmodifiableMap(out));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static int rank(String event) {
        int i = EVENT_ORDER.indexOf(event);
        return i < 0 ? EVENT_ORDER.size() : i;
    }

    public List<Folder> folders() {
        return List.copyOf(byName.values());
    }

    public Optional<Folder> folder(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The flame graph links of one result (empty when it was not profiled). */
    public List<Link> links(String resultKey) {
        Folder f = byKey.get(resultKey);
        if (f == null) {
            return List.of();
        }
        return links(f);
    }

    public List<Link> links(Folder f) {
        List<Link> out = new ArrayList<>(f.events().size());
        for (Source src : f.events().values()) {
            out.add(new Link(src.event(), href(f.name(), src.event()), src.empty()));
        }
        return out;
    }

    public String href(String folder, String event) {
        return "/runs/" + runId + "/flame/" + URLEncoder.encode(folder, StandardCharsets.UTF_8).replace("+", "%20") + "/" + event;
    }
}
