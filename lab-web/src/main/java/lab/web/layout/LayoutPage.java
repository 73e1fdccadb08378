package lab.web.layout;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import lab.core.layout.LayoutsJson;
import lab.core.layout.LayoutsJson.ClassInfo;
import lab.core.layout.LayoutsJson.Configuration;
import lab.core.layout.LayoutsJson.Footprint;
import lab.core.record.StoredRun;
import lab.core.store.StoreType;
import lab.web.Format;
import lab.web.Site;

/**
 * {@code GET /runs/{id}/layouts}: the run's JOL results (its {@code layouts.json}). Two class
 * layouts side by side — by default the decision log's pair, a MemoryStore-style shard against
 * ShardUnit, in the same JVM configuration — with the rows that differ marked; the user picks any
 * two classes and any two JVM configurations ({@code ?left=…&right=…&lconf=…&rconf=…}). Below,
 * the deep sizes of the comparison's samples and the per-task footprint of every store in every
 * configuration. JOL's figures are exact for the JVM that produced them, so they carry no error.
 */
public final class LayoutPage {

    private static final Map<StoredRun, Object> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Site site;

    public LayoutPage(Site site) {
        this.site = site;
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
        Path file = run.file(LayoutsJson.FILE_NAME)
                .orElseThrow(() -> new NotFoundResponse("run " + run.id() + " has no layouts.json (the JOL pass did not run)"));
        Object parsed = CACHE.computeIfAbsent(run, r -> {
            try {
                return LayoutsJson.read(file);
            } catch (RuntimeException e) {
                return "layouts.json cannot be read: " + e.getMessage();
            }
        });
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Layouts — " + run.id());
        model.put("runId", run.id());
        model.put("label", run.manifest().label());
        if (parsed instanceof String error) {
            model.put("error", error);
            ctx.render("layouts", model);
            return;
        }
        LayoutsJson.Report report = (LayoutsJson.Report) parsed;
        List<Configuration> ran = report.ran();
        List<ConfigStatus> statuses = new ArrayList<>();
        for (Configuration c : report.configurations()) {
            String dump = "layout-" + c.name() + ".txt";
            statuses.add(new ConfigStatus(c.name(), c.label(), c.error(), run.file(dump).isPresent() ? dump : null));
        }
        model.put("configurations", statuses);
        model.put("exclusions", report.exclusions());
        if (ran.isEmpty()) {
            model.put("error", "no JVM configuration of the JOL pass ran; see the errors below");
            ctx.render("layouts", model);
            return;
        }
        String defaultLeft = report.comparison() != null && report.comparison().left() != null
                ? report.comparison().left() : "lab.core.store.MemoryStore";
        String defaultRight = report.comparison() != null && report.comparison().right() != null
                ? report.comparison().right() : "lab.core.store.ShardUnit";
        Side left = side(ran, ctx.queryParam("lconf"), ctx.queryParam("left"), defaultLeft, "left");
        Side right = side(ran, ctx.queryParam("rconf") != null ? ctx.queryParam("rconf") : left.conf(),
                ctx.queryParam("right"), defaultRight, "right");

        Set<String> classNames = new TreeSet<>();
        ran.forEach(c -> classNames.addAll(c.classes().keySet()));
        List<Option> confOptions = ran.stream().map(c -> new Option(c.name(), c.label() == null ? c.name() : c.label())).toList();

        model.put("left", left);
        model.put("right", right);
        model.put("classes", List.copyOf(classNames));
        model.put("confOptions", confOptions);
        model.put("rows", rows(left.info(), right.info()));
        model.put("summary", summary(left.info(), right.info()));
        model.put("samples", samples(report, left.info(), right.info()));
        model.put("footprintConfs", ran.stream().map(c -> c.label() == null ? c.name() : c.label()).toList());
        model.put("footprints", footprints(ran));
        model.put("entries", ran.get(0).footprints().isEmpty() ? "" : Format.fixed(ran.get(0).footprints().get(0).entries(), 0));
        ctx.render("layouts", model);
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

    private record Line(String key, long off, long size, String type, String name) {
    }

    private static List<Line> lines(ClassInfo c) {
        List<Line> out = new ArrayList<>();
        out.add(new Line("header", 0, c.headerSize(), "", "(object header)"));
        for (LayoutsJson.Field f : c.fields()) {
            String owner = f.declaringClass() == null ? "" : simple(f.declaringClass()) + ".";
            out.add(new Line("f:" + f.name(), f.offset(), f.size(), f.type(), owner + f.name()));
        }
        int n = 0;
        for (LayoutsJson.Gap g : c.gaps()) {
            out.add(new Line("gap:" + g.kind() + "#" + (n++), g.offset(), g.size(), "",
                    "external".equals(g.kind()) ? "(alignment padding)" : "(gap)"));
        }
        out.sort((a, b) -> Long.compare(a.off(), b.off()));
        return out;
    }

    static List<Row> rows(ClassInfo l, ClassInfo r) {
        List<Line> left = lines(l);
        List<Line> right = lines(r);
        Map<String, Line> rightByKey = new LinkedHashMap<>();
        right.forEach(x -> rightByKey.put(x.key(), x));
        Set<String> used = new LinkedHashSet<>();
        List<Row> out = new ArrayList<>();
        for (Line a : left) {
            Line b = rightByKey.get(a.key());
            if (b != null) {
                used.add(b.key());
            }
            out.add(row(a, b));
        }
        for (Line b : right) {
            if (!used.contains(b.key())) {
                out.add(row(null, b));
            }
        }
        return out;
    }

    private static Row row(Line a, Line b) {
        boolean diff = a == null || b == null || a.off() != b.off() || a.size() != b.size() || !a.type().equals(b.type())
                || !a.key().equals(b.key());
        return new Row(a == null ? "" : Long.toString(a.off()), a == null ? "" : Long.toString(a.size()),
                a == null ? "" : a.type(), a == null ? "" : a.name(),
                b == null ? "" : Long.toString(b.off()), b == null ? "" : Long.toString(b.size()),
                b == null ? "" : b.type(), b == null ? "" : b.name(), diff);
    }

    static List<Row> summary(ClassInfo l, ClassInfo r) {
        List<Row> out = new ArrayList<>();
        out.add(total("instance size", l.instanceSize(), r.instanceSize()));
        out.add(total("header", l.headerSize(), r.headerSize()));
        out.add(total("lost to gaps and padding", l.lossTotal(), r.lossTotal()));
        return out;
    }

    private static Row total(String what, long a, long b) {
        return new Row("", a + " B", "", what, "", b + " B", "", what, a != b);
    }

    private static List<Sample> samples(LayoutsJson.Report report, ClassInfo l, ClassInfo r) {
        Set<String> names = new LinkedHashSet<>();
        if (report.comparison() != null) {
            names.addAll(report.comparison().samples());
        }
        names.addAll(l.deep().keySet());
        names.addAll(r.deep().keySet());
        List<Sample> out = new ArrayList<>();
        for (String n : names) {
            LayoutsJson.Deep a = l.deep().get(n);
            LayoutsJson.Deep b = r.deep().get(n);
            if (a == null && b == null) {
                continue;
            }
            out.add(new Sample(n, a == null ? "" : a.description(), a == null ? "—" : Format.fixed(a.totalSize(), 0) + " B",
                    a == null ? "" : Format.fixed(a.totalCount(), 0), b == null ? "" : b.description(),
                    b == null ? "—" : Format.fixed(b.totalSize(), 0) + " B", b == null ? "" : Format.fixed(b.totalCount(), 0),
                    a == null || b == null || a.totalSize() != b.totalSize()));
        }
        return out;
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
                cells.add(f == null ? "—" : Format.fixed(f.perEntryBytes(), 1));
                sort.add(f == null ? "" : Double.toString(f.perEntryBytes()));
                details.add(f == null ? "" : "total " + Format.fixed(f.totalBytes(), 0) + " B = tasks " + Format.fixed(f.taskBytes(), 0)
                        + " B + empty store " + Format.fixed(f.fixedBytes(), 0) + " B + " + Format.fixed(f.perEntryBytes(), 1)
                        + " B × " + Format.fixed(f.entries(), 0) + " entries");
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

    private static String simple(String cls) {
        int dot = cls.lastIndexOf('.');
        return dot < 0 ? cls : cls.substring(dot + 1);
    }
}
