package lab.web.agent;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.compare.AgentComparisonText;
import lab.core.record.AgentReport;
import lab.core.record.Figures;
import lab.core.record.RunKind;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import lab.web.Format;
import lab.web.Links;
import lab.web.Pages;
import lab.web.Site;
import lab.web.TemplateModel;

/**
 * {@code GET /runs/{id}} of an agent run (a lab agent report stored by {@code ./lab import} or
 * {@code POST /api/agent-reports}): the counting window and what was instrumented, the totals and
 * locks by kind with their rates per second of the window, the contended share, parks, allocations
 * by class (the top classes charted, every class in a table), the per-thread table, and links to
 * compare it with the other agent runs. Counts are exact and the page says so: no ± anywhere.
 *
 * <p>Rendered once per run and version of the run index (the comparison links list other runs).
 */
public final class AgentRunPage {

    /** Classes drawn in the chart. */
    static final int CHART_CLASSES = 15;

    /** Rows drawn per table (classes, threads); every row is in agent.json. */
    public static final int ROWS_PER_TABLE = 500;

    /** Other agent runs offered for comparison. */
    static final int COMPARE_LINKS = 20;

    /** A name, its count, its rate per second of the window, its share of the total. */
    public record Count(String name, String count, String rate, String share) {
    }

    /** One thread's row. */
    public record ThreadRow(String name, String locks, String contended, String parks, String allocations,
                            String locksRate, String allocationsRate) {
    }

    /** A name and a value of the window's table. */
    public record Entry(String name, String value) {
    }

    /** A link to the comparison with another agent run. */
    public record CompareLink(String href, String text, String command) {
    }

    private final Site site;
    private final Pages pages;

    public AgentRunPage(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** Shows an agent run (WebApp picks the page by the run's kind). */
    public void show(Context ctx, StoredRun run) {
        pages.render(ctx, "agent-run", run.id() + "|" + site.runs().version(), () -> model(run), run);
    }

    private Map<String, Object> model(StoredRun run) {
        Map<String, Object> model = new LinkedHashMap<>();
        String label = run.manifest().label().isBlank() ? run.id() : run.manifest().label();
        model.put("title", label + " — agent run");
        model.put("label", label);
        model.put("id", run.id());
        model.put("status", run.manifest().status().json());
        model.put("error", run.manifest().error());
        AgentReport r;
        try {
            r = run.agentReport().orElse(null);
        } catch (IllegalArgumentException unreadable) {
            model.put("reportError", unreadable.getMessage());
            model.put("report", false);
            return model;
        }
        if (r == null) {
            model.put("reportError", "the run has no " + StoredRun.AGENT + (run.manifest().status() == RunStatus.COMPLETE ? "" :
                    " (it is " + run.manifest().status().json() + ")"));
            model.put("report", false);
            return model;
        }
        model.put("report", true);
        model.put("reportError", null);
        model.put("warnings", r.warnings());
        model.put("seconds", Figures.plain(r.window().seconds()));
        model.put("window", TemplateModel.of(window(r)));
        model.put("instrumentation", TemplateModel.of(instrumentation(r)));
        model.put("totals", TemplateModel.of(totals(r)));
        model.put("contendedShare", AgentComparisonText.share(r.locks().contendedShare()));
        model.put("byKind", TemplateModel.of(counts(r, r.locks().byKind().entrySet().stream().toList(), r.locks().acquired())));
        List<Map.Entry<String, Long>> classes = r.allocations().ranked();
        model.put("chart", classes.isEmpty() ? null
                : TemplateModel.of(CountChart.of(classes.subList(0, Math.min(CHART_CLASSES, classes.size())), r.window().seconds(),
                        "allocation sites executed")));
        model.put("chartClasses", Math.min(CHART_CLASSES, classes.size()));
        model.put("classes", TemplateModel.of(counts(r, first(classes), r.allocations().count())));
        model.put("classCount", classes.size());
        model.put("classesMore", Math.max(0, classes.size() - ROWS_PER_TABLE));
        List<AgentReport.ThreadCounts> threads = r.threadsByActivity();
        model.put("threads", TemplateModel.of(first(threads).stream().map(t -> new ThreadRow(t.name(),
                Figures.fixed(t.locks(), 0), Figures.fixed(t.contended(), 0), Figures.fixed(t.parks(), 0),
                Figures.fixed(t.allocations(), 0), Figures.plain(r.rate(t.locks())), Figures.plain(r.rate(t.allocations()))))
                .toList()));
        model.put("threadCount", threads.size());
        model.put("threadsMore", Math.max(0, threads.size() - ROWS_PER_TABLE));
        model.put("rowsPerTable", ROWS_PER_TABLE);
        model.put("compare", TemplateModel.of(compareLinks(run)));
        return model;
    }

    private static List<Entry> window(AgentReport r) {
        List<Entry> out = new ArrayList<>();
        AgentReport.Window w = r.window();
        AgentReport.Agent a = r.agent();
        add(out, "Window", "#" + w.number() + (w.inferred() ? " (read from the agent's start and report times: schema 1)" : ""));
        add(out, "Start", Format.time(w.start()) + " (" + w.start() + ")");
        add(out, "End", Format.time(w.end()) + " (" + w.end() + ")");
        add(out, "Length", Figures.plain(w.seconds()) + " s: the denominator of every rate on this page");
        add(out, "Ended by", w.endedBy() == null ? null : w.endedBy().equals("duration")
                ? "its duration (" + (w.duration() == null ? "?" : w.duration()) + ")" : w.endedBy().equals("exit") ? "the JVM's exit" : w.endedBy());
        add(out, "Agent", join(a.version(), a.mode() == null ? null : a.mode().equals("premain") ? "(-javaagent)"
                : a.mode().equals("agentmain") ? "(attached)" : "(" + a.mode() + ")"));
        add(out, "Options", a.options());
        add(out, "JVM", a.jvm());
        add(out, "Pid", a.pid());
        add(out, "Self-test", a.selfTest());
        add(out, "Reported", a.reportedAt() == null ? null : Format.time(a.reportedAt()));
        return out;
    }

    private static List<Entry> instrumentation(AgentReport r) {
        List<Entry> out = new ArrayList<>();
        AgentReport.Instrumentation i = r.instrumentation();
        if (i == null) {
            add(out, "Includes", r.agent().includes() == null || r.agent().includes().isEmpty() ? "none: only the JDK's lock classes"
                    : r.agent().includes());
            return out;
        }
        add(out, "Complete", i.complete() ? "yes: every count is trustworthy" : "no (see the warnings)");
        add(out, "Includes", i.includes().isEmpty() ? "none: only the JDK's lock classes (and parks) are counted"
                : String.join(", ", i.includes()));
        add(out, "Excludes", i.excludes().isEmpty() ? null : String.join(", ", i.excludes()));
        add(out, "Classes instrumented", Figures.fixed(i.classes(), 0) + " (" + Figures.fixed(i.atInstall(), 0) + " at install, "
                + Figures.fixed(i.loadedDuringWindow(), 0) + " loaded during the window)");
        StringBuilder byPattern = new StringBuilder();
        i.byPattern().forEach((p, n) -> byPattern.append(byPattern.length() == 0 ? "" : ", ").append(p).append(": ").append(n));
        add(out, "By pattern", byPattern.toString());
        add(out, "Not modifiable", i.notModifiable() == 0 ? null : Figures.fixed(i.notModifiable(), 0)
                + " (hidden classes: lambdas' and method handles'; their code is not counted)");
        add(out, "Failed", i.failed().isEmpty() ? null : i.failed().size() + ": " + String.join(", ",
                i.failed().keySet().stream().limit(20).toList()) + (i.failed().size() > 20 ? ", …" : ""));
        add(out, "Install", Double.isFinite(i.installSeconds()) ? Figures.plain(i.installSeconds()) + " s before the window (not in it)" : null);
        return out;
    }

    private static List<Count> totals(AgentReport r) {
        return List.of(count(r, "lock acquisitions", r.locks().acquired(), -1),
                count(r, "contended acquisitions", r.locks().contended(), r.locks().acquired()),
                count(r, "parks (LockSupport.park*)", r.parks(), -1),
                count(r, "allocations (sites executed)", r.allocations().count(), -1));
    }

    private static List<Count> counts(AgentReport r, List<Map.Entry<String, Long>> entries, long total) {
        List<Count> out = new ArrayList<>(entries.size());
        for (Map.Entry<String, Long> e : entries) {
            out.add(count(r, e.getKey(), e.getValue(), total));
        }
        return out;
    }

    /** @param total the share's denominator; negative for no share */
    private static Count count(AgentReport r, String name, long n, long total) {
        String share = total < 0 ? "" : total == 0 ? "—" : Figures.plain(100.0 * n / total) + "%";
        return new Count(name, Figures.fixed(n, 0), Figures.plain(r.rate(n)), share);
    }

    private List<CompareLink> compareLinks(StoredRun run) {
        List<CompareLink> out = new ArrayList<>();
        for (StoredRun other : site.runs().all()) {
            if (out.size() >= COMPARE_LINKS) {
                break;
            }
            if (other.id().equals(run.id()) || other.manifest().kind() != RunKind.AGENT || !other.readable()
                    || other.manifest().status() != RunStatus.COMPLETE) {
                continue;
            }
            String text = (other.manifest().label().isBlank() ? other.id() : other.manifest().label() + " (" + other.id() + ")")
                    + " · " + Format.time(other.manifest().startedAt());
            out.add(new CompareLink(Links.query("/compare", "base", other.id(), "head", run.id()), text,
                    "./lab compare " + other.id() + " " + run.id()));
        }
        return out;
    }

    private static <T> List<T> first(List<T> all) {
        return all.size() > ROWS_PER_TABLE ? all.subList(0, ROWS_PER_TABLE) : all;
    }

    private static void add(List<Entry> out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Entry(name, value));
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }
}
