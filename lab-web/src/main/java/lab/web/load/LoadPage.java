package lab.web.load;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.record.Environment;
import lab.core.record.LoadResults;
import lab.core.record.RunManifest;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import lab.web.Format;
import lab.web.Pages;
import lab.web.Site;
import lab.web.TemplateModel;
import lab.web.flame.FlameCatalogs;

/**
 * {@code GET /runs/{id}} of a load run ({@code ./lab load}): the decision log's "Load Testing
 * Decision Matrix" side by side with what was measured — per store the log's benchmark ns/op and
 * "Est. Max RPS", our read ns/op from the newest complete JMH run, the measured maximum requests/s
 * with its interval, the p99 latency at that load, the profiled pass's locks and allocations per
 * request and the failed requests — then every store × connection count, a chart of the maxima,
 * the server's flame graphs, and the machine the client shared with the server.
 *
 * <p>The page depends on two runs (the load run, and the JMH run its reads come from): it is
 * rendered once per pair when both are final, per request while either can change.
 */
public final class LoadPage {

    private final Site site;
    private final Pages pages;
    private final FlameCatalogs flames;
    private final LogMatrix log = LogMatrix.shipped();

    public LoadPage(Site site, Pages pages, FlameCatalogs flames) {
        this.site = site;
        this.pages = pages;
        this.flames = flames;
    }

    public void show(Context ctx, StoredRun run) {
        StoredRun jmh = MeasuredReads.newestJmhRun(site.runs().all()).orElse(null);
        String key = run.id() + "|" + (jmh == null ? "-" : jmh.id());
        if (jmh == null) {
            pages.render(ctx, "load", key, () -> model(run, null), run);
        } else {
            pages.render(ctx, "load", key, () -> model(run, jmh), run, jmh);
        }
    }

    private Map<String, Object> model(StoredRun run, StoredRun jmh) {
        RunManifest m = run.manifest();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", (m.label().isBlank() ? run.id() : m.label()) + " — load run");
        model.put("run", TemplateModel.of(lab.web.runs.RunSummary.of(run)));
        model.put("running", m.status() == RunStatus.RUNNING);
        model.put("refresh", m.status() == RunStatus.RUNNING ? "10" : null);
        model.put("warnings", m.warnings());
        LoadResults results = null;
        String problem = null;
        try {
            results = run.loadResults().orElse(null);
            if (results == null) {
                problem = run.readable() ? "this load run has no " + StoredRun.LOAD + " (it failed before its first interval)"
                        : run.readError();
            }
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        model.put("problem", problem);
        MeasuredReads reads = MeasuredReads.of(jmh);
        model.put("jmhRun", reads.runId());
        model.put("jmhLabel", reads.runLabel() == null || reads.runLabel().isBlank() ? reads.runId() : reads.runLabel());
        model.put("readThreads", reads.threads());
        model.put("machine", machine(results, m.environment()));
        model.put("design", design(results, run));
        if (results != null) {
            LoadTables.Built b = LoadTables.build(results, log, reads, flames.of(run));
            model.put("logHeader", b.logHeader());
            model.put("matrix", TemplateModel.of(b.matrix()));
            model.put("cells", TemplateModel.of(b.cells()));
            model.put("chart", TemplateModel.of(b.chart()));
            model.put("hasChart", !b.chart().rows().isEmpty());
        }
        return model;
    }

    /** "2 cores (AMD EPYC), shared by wrk and the server". */
    static String machine(LoadResults results, Environment e) {
        Integer cores = results != null && results.design() != null && results.design().cores() > 0 ? Integer.valueOf(results.design().cores())
                : e.cores();
        return (cores == null ? "an unknown number of cores" : cores + (cores == 1 ? " core" : " cores"))
                + (e.cpuModel() == null ? "" : " (" + e.cpuModel() + ")")
                + (e.jvmName() == null ? "" : ", " + e.jvmName() + " " + (e.jvmVersion() == null ? "" : e.jvmVersion()));
    }

    /** The load's design as name/value pairs. */
    static List<Map<String, String>> design(LoadResults results, StoredRun run) {
        List<Map<String, String>> out = new ArrayList<>();
        var rd = run.manifest().design();
        if (rd != null) {
            add(out, "Rounds", rd.rounds() + " (every store × connection count once per round, in a shuffled order; seed "
                    + rd.seed() + ")");
            add(out, "Profiled pass", rd.profiledFork() ? "one per store and connection count, on a separate server with the lab"
                    + " agent and async-profiler: the counts per request and the flame graphs come from it, the timing figures never"
                    : "none");
        }
        LoadResults.Design d = results == null ? null : results.design();
        if (d != null) {
            add(out, "Request mix", d.mix().toString().replaceAll("[{}]", "").replace("=", " "));
            add(out, "Connections", d.connections().toString().replaceAll("[\\[\\]]", ""));
            add(out, "Interval", Format.seconds(d.durationSeconds()) + " measured after " + Format.seconds(d.warmupSeconds())
                    + " of warm-up (a fresh server's first: " + Format.seconds(d.startWarmupSeconds()) + ")");
            add(out, "Dataset", lab.core.record.Figures.fixed(d.datasetSize(), 0) + " tasks");
            add(out, "Keys", d.keyDistribution());
            add(out, "Client", (d.wrk() == null ? "wrk" : d.wrk()) + " (socket timeout " + Format.seconds(d.wrkTimeoutSeconds()) + ")");
            if (d.serverJvm() != null) {
                add(out, "Server JVM", d.serverJvm().name() + " " + String.join(" ", d.serverJvm().args()));
            }
            add(out, "Agent includes", d.agentIncludes());
        }
        add(out, "Actor stores wait", actorWait(run));
        return out;
    }

    /**
     * How the servers' actor stores waited, when the run says: a JMH run's actors spin, then
     * park (ActorWait.auto()), so an actor's requests/s here and its ns/op there come from two
     * strategies.
     */
    static String actorWait(StoredRun run) {
        var c = run.manifest().configuration();
        Object wait = c == null || c.extra() == null ? null : c.extra().get(LoadResults.ACTOR_WAIT);
        return wait == null ? null : wait + " (as the servers create their stores; the JMH runs' actors spin, then park,"
                + " unless --wait said otherwise: their ns/op comes from another strategy)";
    }

    private static void add(List<Map<String, String>> out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.add(Map.of("name", name, "value", value));
        }
    }
}
