package lab.web.runs;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;
import lab.core.record.Environment;
import lab.core.record.JmhFormatException;
import lab.core.record.RunConfiguration;
import lab.core.record.RunManifest;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import lab.core.record.Figures;
import lab.web.Format;
import lab.web.Pages;
import lab.web.RunCache;
import lab.web.Site;
import lab.web.TemplateModel;
import lab.web.flame.FlameCatalogs;

/**
 * {@code GET /runs/{id}}: the decision-log tables of one run, its chart per table, links to the
 * flame graphs and layouts, the environment and configuration, and the stored files.
 *
 * <p>A final run's tables are built once, and each of its pages is rendered once and served from
 * the app's {@link lab.web.PageCache} (ETag, gzip). A running run is read again on every request
 * (at most every quarter second, see {@link RunIndex}) so its finished results appear as they
 * land, and its page refreshes itself. A run with more than {@link #ROWS_PER_PAGE} rows is cut
 * into pages ({@code ?page=2}); every row stays reachable, and all of them are in
 * {@code /api/runs/{id}} as JSON.
 */
public final class RunPage {

    /** Rows drawn on one page: a 96-result quick run is one page; a 5,000-result import is ten. */
    public static final int ROWS_PER_PAGE = 500;

    /** Seconds between reloads of a running run's page. */
    static final int REFRESH_SECONDS = 10;

    /** A name and a value of the environment or configuration. */
    public record Entry(String name, String value) {
    }

    /** A link to one page of a long run. */
    public record PageLink(int n, String href, boolean current) {
    }

    /** The run's tables cut into pages, its wake-up floors, or why there are none. */
    private record Built(List<List<DecisionTables.Table>> pages, String error, int results, List<ReferenceRows.Section> references) {
    }

    private final Site site;
    private final Pages pages;
    private final FlameCatalogs flames;
    private final RunCache<Built> built = new RunCache<>(64);

    public RunPage(Site site, Pages pages, FlameCatalogs flames) {
        this.site = site;
        this.pages = pages;
        this.flames = flames;
    }

    public void show(Context ctx) {
        StoredRun run = site.run(ctx.pathParam("id"));
        Built b = built.get(run, this::build);
        int page = page(ctx.queryParam("page"), b.pages().size());
        pages.render(ctx, "run", run.id() + "|" + page, () -> model(run, b, page), run);
    }

    private static int page(String param, int count) {
        if (param == null || param.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(param.trim());
            if (n >= 1 && n <= count) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequestResponse("page must be a number from 1 to " + count);
    }

    private Map<String, Object> model(StoredRun run, Built b, int page) {
        RunManifest m = run.manifest();
        List<DecisionTables.Table> tables = b.pages().get(page - 1);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", (m.label().isBlank() ? run.id() : m.label()) + " — run");
        model.put("run", TemplateModel.of(RunSummary.of(run)));
        model.put("running", m.status() == RunStatus.RUNNING);
        model.put("abandoned", m.status() == RunStatus.ABANDONED);
        model.put("refresh", m.status() == RunStatus.RUNNING ? Integer.toString(REFRESH_SECONDS) : null);
        model.put("tables", TemplateModel.of(tables));
        model.put("resultCount", b.results());
        model.put("resultsError", b.error());
        model.put("environment", environment(m.environment()));
        model.put("configuration", configuration(m.configuration()));
        model.put("design", TemplateModel.of(RunDesignView.of(m)));
        model.put("references", TemplateModel.of(page == 1 ? b.references() : List.of()));
        model.put("hasReferences", page == 1 && ReferenceRows.any(b.references()));
        model.put("analyses", tables.stream().map(DecisionTables.Table::analysis).filter(a -> !a.isEmpty()).distinct().toList());
        model.put("warnings", m.warnings());
        model.put("files", files(run));
        model.put("hasJmh", run.file(StoredRun.JMH_RESULT).isPresent());
        model.put("hasLayouts", run.file("layouts.json").isPresent());
        model.put("flameCount", flames.of(run).folders().size());
        model.put("anyNoError", tables.stream().anyMatch(DecisionTables.Table::anyNoError));
        List<PageLink> links = new ArrayList<>();
        if (b.pages().size() > 1) {
            for (int i = 1; i <= b.pages().size(); i++) {
                links.add(new PageLink(i, "/runs/" + run.id() + "?page=" + i, i == page));
            }
        }
        model.put("pages", TemplateModel.of(links));
        model.put("page", page);
        model.put("rowsPerPage", ROWS_PER_PAGE);
        return model;
    }

    private Built build(StoredRun run) {
        if (run.readError() != null) {
            return new Built(List.of(List.of()), null, 0, List.of());
        }
        try {
            List<BenchmarkResult> results = run.results();
            List<BenchmarkResult> profiled;
            String error = null;
            try {
                profiled = run.profiledResults();
            } catch (JmhFormatException e) {
                profiled = List.of();
                error = StoredRun.JMH_PROFILED + " cannot be read (the counts are not shown): " + e.getMessage();
            }
            Integer cores = run.manifest().environment().cores();
            List<DecisionTables.Table> tables = DecisionTables.build(run.id(), results, profiled, cores, flames.of(run));
            return new Built(DecisionTables.pages(tables, ROWS_PER_PAGE), error, results.size(),
                    ReferenceRows.build(results, cores, flames.of(run)));
        } catch (JmhFormatException e) {
            return new Built(List.of(List.of()), "jmh.json cannot be read: " + e.getMessage(), 0, List.of());
        }
    }

    private static List<String> files(StoredRun run) {
        List<String> out = new ArrayList<>();
        for (String f : run.manifest().files()) {
            if (run.file(f).isPresent()) {
                out.add(f);
            }
        }
        if (out.isEmpty() && run.file("jmh.json").isPresent()) {
            out.add("jmh.json");
        }
        return out;
    }

    static List<Entry> environment(Environment e) {
        List<Entry> out = new ArrayList<>();
        add(out, "JVM", join(e.jvmVendor(), e.jvmName(), e.jvmVersion()));
        add(out, "Java home", e.javaHome());
        add(out, "JVM flags", e.jvmFlags() == null || e.jvmFlags().isEmpty() ? null : String.join(" ", e.jvmFlags()));
        add(out, "OS", e.os());
        add(out, "Kernel", e.kernel());
        add(out, "Arch", e.arch());
        add(out, "CPU", e.cpuModel());
        add(out, "Cores", e.cores() == null ? null : e.cores().toString());
        add(out, "Memory", e.memoryBytes() == null ? null : Format.bytes(e.memoryBytes()));
        add(out, "Host", e.hostname());
        add(out, "Git commit", e.gitCommit() == null ? null
                : e.gitCommit() + (Boolean.TRUE.equals(e.gitDirty()) ? " (dirty: uncommitted changes)" : ""));
        add(out, "JMH", e.jmhVersion());
        add(out, "Lab agent", e.agentVersion());
        add(out, "async-profiler", e.asyncProfilerVersion());
        return out;
    }

    static List<Entry> configuration(RunConfiguration c) {
        List<Entry> out = new ArrayList<>();
        add(out, "Profile", c.profile());
        add(out, "Stores", c.stores() == null ? null : String.join(", ", c.stores()));
        add(out, "Workloads", c.workloads() == null ? null : String.join(", ", c.workloads()));
        add(out, "Threads", c.threads() == null ? null : c.threads().toString().replaceAll("[\\[\\]]", ""));
        add(out, "Dataset", c.datasetSize() == null ? null : Figures.fixed(c.datasetSize(), 0) + " tasks");
        add(out, "Keys", join(c.keyDistribution(), c.zipfExponent() == null ? null : "s = " + c.zipfExponent()));
        add(out, "Forks", c.forks() == null ? null : c.forks().toString());
        add(out, "Warm-up", join(c.warmupIterations() == null ? null : c.warmupIterations() + " ×", c.warmupTime()));
        add(out, "Measurement", join(c.measurementIterations() == null ? null : c.measurementIterations() + " ×", c.measurementTime()));
        add(out, "Lab agent", c.agent() == null ? null : c.agent() ? "on" : "off");
        add(out, "Flame graphs", c.flame() == null ? null : c.flame() ? "on" : "off");
        add(out, "Events", c.events() == null ? null : String.join(", ", c.events()));
        if (c.extra() != null) {
            c.extra().forEach((k, v) -> add(out, k, String.valueOf(v)));
        }
        return out;
    }

    private static void add(List<Entry> out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Entry(name, value));
        }
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(p);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
