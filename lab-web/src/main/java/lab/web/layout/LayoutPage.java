package lab.web.layout;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lab.core.record.Figures;
import lab.core.record.Layouts;
import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts.Footprint;
import lab.core.layout.SideBySide;
import lab.core.record.StoredRun;
import lab.core.store.StoreType;
import lab.web.Links;
import lab.web.Pages;
import lab.web.Site;

/**
 * {@code GET /runs/{id}/layouts}: the run's JOL results (its {@code layouts.json}). Two class
 * layouts side by side — by default the decision log's pair, a MemoryStore-style shard against
 * ShardUnit, in the same JVM configuration — with the rows that differ marked; the user picks any
 * two classes and any two JVM configurations ({@code ?left=…&right=…&lconf=…&rconf=…}). Below,
 * the deep sizes of the comparison's samples and the per-task footprint of every store in every
 * configuration. JOL's figures are exact for the JVM that produced them, so they carry no error.
 * A layout run of a user's classes ({@code ./lab layout --classpath}) shows the same, without
 * footprints; every layouts page links to {@code /compare/layouts} with this run as the base.
 */
public final class LayoutPage {

    private final Site site;
    private final Pages pages;

    public LayoutPage(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** One row of the side-by-side table; a side is blank when that layout has no such row. */
    public record Row(String lOff, String lSize, String lType, String lName,
                      String rOff, String rSize, String rType, String rName, boolean diff) {
    }

    public record Option(String value, String text) {
    }

    public record Side(String conf, String confLabel, String className, ClassInfo info) {
    }

    public record Sample(String name, String lDesc, String lTotal, String lCount, String rDesc, String rTotal,
                         String rCount, boolean diff) {
    }

    /** A store's bytes per stored task beyond the task itself, one cell per configuration. */
    public record FootprintRow(String store, String logName, List<String> perEntry, List<String> detail, List<String> sort) {
    }

    public record ConfigStatus(String name, String label, String error, String file) {
    }

    public void show(Context ctx) {
        StoredRun run = site.run(ctx.pathParam("id"));
        String lconf = ctx.queryParam("lconf");
        String left = ctx.queryParam("left");
        String rconf = ctx.queryParam("rconf");
        String right = ctx.queryParam("right");
        // Rendered once per choice of classes and configurations; a bad name is a 400 and nothing is kept.
        pages.render(ctx, "layouts", run.id() + "|" + lconf + "|" + left + "|" + rconf + "|" + right,
                () -> model(run, lconf, left, rconf, right), run);
    }

    private Map<String, Object> model(StoredRun run, String lconf, String leftClass, String rconf, String rightClass) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Layouts — " + run.id());
        model.put("runId", run.id());
        model.put("label", run.manifest().label());
        model.put("compareLink", Links.query("/compare/layouts", "base", run.id()));
        model.put("classPath", "");
        Layouts report;
        try {
            report = run.layouts().orElseThrow(() ->
                    new NotFoundResponse("run " + run.id() + " has no layouts.json (the JOL pass did not run)"));
        } catch (IllegalArgumentException e) {
            model.put("error", "layouts.json cannot be read: " + e.getMessage());
            return model;
        }
        List<Configuration> ran = report.ran();
        List<ConfigStatus> statuses = new ArrayList<>();
        for (Configuration c : report.configurations()) {
            String dump = "layout-" + c.name() + ".txt";
            statuses.add(new ConfigStatus(c.name(), c.label(), c.error(), run.file(dump).isPresent() ? dump : null));
        }
        model.put("configurations", statuses);
        model.put("classPath", String.join(java.io.File.pathSeparator, report.classPath()));
        model.put("exclusions", report.exclusions());
        if (ran.isEmpty()) {
            model.put("error", "no JVM configuration of the JOL pass ran; see the errors below");
            return model;
        }
        Side left = side(ran, lconf, leftClass, report.comparison().left(), "left");
        Side right = side(ran, rconf != null ? rconf : left.conf(), rightClass, report.comparison().right(), "right");
        SideBySide.Diff diff = SideBySide.of(left.info(), right.info(), report.comparison().samples());

        Set<String> classNames = new TreeSet<>();
        ran.forEach(c -> classNames.addAll(c.classes().keySet()));
        List<Option> confOptions = ran.stream().map(c -> new Option(c.name(), c.label() == null ? c.name() : c.label())).toList();

        model.put("left", left);
        model.put("right", right);
        model.put("classes", List.copyOf(classNames));
        model.put("confOptions", confOptions);
        model.put("rows", diff.slots().stream().map(LayoutPage::row).toList());
        model.put("summary", diff.totals().stream().map(LayoutPage::total).toList());
        model.put("samples", diff.deep().stream().map(LayoutPage::sample).toList());
        model.put("footprintConfs", ran.stream().map(c -> c.label() == null ? c.name() : c.label()).toList());
        model.put("footprints", footprints(ran));
        model.put("entries", ran.get(0).footprints().isEmpty() ? "" : Figures.fixed(ran.get(0).footprints().get(0).entries(), 0));
        return model;
    }

    private static Side side(List<Configuration> ran, String confName, String className, String defaultClass, String which) {
        Configuration conf = ran.get(0);
        if (confName != null && !confName.isBlank()) {
            conf = ran.stream().filter(c -> c.name().equals(confName)).findFirst()
                    .orElseThrow(() -> new BadRequestResponse("no JVM configuration of that name ran in this run (" + which + ")"));
        }
        String wanted = className == null || className.isBlank() ? defaultClass : className;
        ClassInfo info = conf.classInfo(wanted);
        if (info == null) {
            throw new BadRequestResponse("the " + which + " configuration has no layout of that class");
        }
        return new Side(conf.name(), conf.label() == null ? conf.name() : conf.label(), info.name(), info);
    }

    /** A slot row of the one side-by-side comparison (lab-core's {@link SideBySide}), as table cells. */
    static Row row(SideBySide.SlotRow r) {
        SideBySide.Slot a = r.leftSlot();
        SideBySide.Slot b = r.rightSlot();
        return new Row(a == null ? "" : Long.toString(a.offset()), a == null ? "" : Long.toString(a.size()),
                a == null ? "" : a.type(), a == null ? "" : name(a),
                b == null ? "" : Long.toString(b.offset()), b == null ? "" : Long.toString(b.size()),
                b == null ? "" : b.type(), b == null ? "" : name(b), r.differs());
    }

    private static String name(SideBySide.Slot s) {
        return s.owner().isEmpty() ? s.name() : s.owner() + "." + s.name();
    }

    static Row total(SideBySide.Total t) {
        return new Row("", t.left(), "", t.label(), "", t.right(), "", t.label(), t.differs());
    }

    static Sample sample(SideBySide.DeepRow d) {
        Layouts.Deep a = d.leftDeep();
        Layouts.Deep b = d.rightDeep();
        return new Sample(d.sample(), a == null ? "" : a.description(), a == null ? "—" : Figures.fixed(a.totalSize(), 0) + " B",
                a == null ? "" : Figures.fixed(a.totalCount(), 0), b == null ? "" : b.description(),
                b == null ? "—" : Figures.fixed(b.totalSize(), 0) + " B", b == null ? "" : Figures.fixed(b.totalCount(), 0),
                d.differs());
    }

    private static List<FootprintRow> footprints(List<Configuration> ran) {
        Set<String> stores = new TreeSet<>((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        Map<String, String> logNames = new LinkedHashMap<>();
        for (Configuration c : ran) {
            for (Footprint f : c.footprints()) {
                stores.add(f.store());
                logNames.putIfAbsent(f.store(), f.logName());
            }
        }
        List<FootprintRow> out = new ArrayList<>();
        for (String s : stores) {
            List<String> cells = new ArrayList<>();
            List<String> details = new ArrayList<>();
            List<String> sort = new ArrayList<>();
            for (Configuration c : ran) {
                Footprint f = c.footprints().stream().filter(x -> x.store().equals(s)).findFirst().orElse(null);
                cells.add(f == null ? "—" : Figures.fixed(f.perEntryBytes(), 1));
                sort.add(f == null ? "" : Double.toString(f.perEntryBytes()));
                details.add(f == null ? "" : "total " + Figures.fixed(f.totalBytes(), 0) + " B = tasks " + Figures.fixed(f.taskBytes(), 0)
                        + " B + empty store " + Figures.fixed(f.fixedBytes(), 0) + " B + " + Figures.fixed(f.perEntryBytes(), 1)
                        + " B × " + Figures.fixed(f.entries(), 0) + " entries");
            }
            out.add(new FootprintRow(s, logNames.get(s) == null ? s : logNames.get(s), cells, details, sort));
        }
        return out;
    }

    private static int rank(String store) {
        try {
            return StoreType.valueOf(store).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }
}
