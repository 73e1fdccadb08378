package lab.web.runs;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import lab.core.record.BenchmarkResult;
import lab.core.record.Environment;
import lab.core.record.JmhFormatException;
import lab.core.record.RunConfiguration;
import lab.core.record.RunManifest;
import lab.core.record.StoredRun;
import lab.web.Format;
import lab.web.Site;
import lab.web.TemplateModel;
import lab.web.flame.FlameCatalog;

/**
 * {@code GET /runs/{id}}: the decision-log tables of one run, its chart per table, links to the
 * flame graphs and layouts, the environment and configuration, and the stored files.
 *
 * <p>The tables of a run are built once per loaded run and kept (a stored run never changes), so a
 * request costs one template pass.
 */
public final class RunPage {

    /** A name and a value of the environment or configuration. */
    public record Entry(String name, String value) {
    }

    /** The tables, and the same as template maps (see {@link TemplateModel}). */
    private record Built(List<DecisionTables.Table> tables, Object model, String error, int results) {
        Built(List<DecisionTables.Table> tables, String error, int results) {
            this(tables, TemplateModel.of(tables), error, results);
        }
    }

    private static final Map<StoredRun, Built> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Site site;

    public RunPage(Site site) {
        this.site = site;
    }

    public void show(Context ctx) {
        StoredRun run = site.run(ctx.pathParam("id"));
        Built built = CACHE.computeIfAbsent(run, this::build);
        RunManifest m = run.manifest();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", (m.label().isBlank() ? run.id() : m.label()) + " — run");
        model.put("run", RunSummary.of(run));
        model.put("tables", built.model());
        model.put("resultCount", built.results());
        model.put("resultsError", built.error());
        model.put("environment", environment(m.environment()));
        model.put("configuration", configuration(m.configuration()));
        model.put("warnings", m.warnings());
        model.put("files", files(run));
        model.put("hasJmh", run.file("jmh.json").isPresent());
        model.put("hasLayouts", run.file("layouts.json").isPresent());
        model.put("flameCount", FlameCatalog.of(run, site.profiles()).folders().size());
        model.put("anyNoError", built.tables().stream().anyMatch(DecisionTables.Table::anyNoError));
        ctx.render("run", model);
    }

    private Built build(StoredRun run) {
        if (run.readError() != null) {
            return new Built(List.of(), null, 0);
        }
        try {
            List<BenchmarkResult> results = run.results();
            return new Built(DecisionTables.build(results, FlameCatalog.of(run, site.profiles())), null, results.size());
        } catch (JmhFormatException e) {
            return new Built(List.of(), "jmh.json cannot be read: " + e.getMessage(), 0);
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
        add(out, "Dataset", c.datasetSize() == null ? null : Format.fixed(c.datasetSize(), 0) + " tasks");
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
