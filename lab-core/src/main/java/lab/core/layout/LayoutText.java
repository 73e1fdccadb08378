package lab.core.layout;

import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts.Deep;
import lab.core.record.Layouts.Footprint;
import lab.core.record.Layouts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal and text-file views of a {@link Layouts}: the side-by-side comparison (rows that
 * differ marked {@code *}), the per-task footprint table, the cross-configuration summary, and the
 * full dump of one configuration ({@code layout-<name>.txt}: JOL's own printable layouts included).
 */
public final class LayoutText {

    public static final String MARK_LEGEND = "* = the two sides differ (field offsets are shown, not compared)";
    private static final int LABEL = 44;
    private static final int CELL = 28;

    private LayoutText() {
    }

    /**
     * What {@code ./lab layout} prints: per configuration its header, the side-by-side pair and
     * the footprint table ({@code dumps}: JOL's printable layouts of every class too), then the
     * summary across configurations.
     */
    public static String terminal(Layouts report, boolean dumps) {
        if (!report.classPath().isEmpty()) {
            return userClasses(report);
        }
        StringBuilder sb = new StringBuilder();
        String left = report.comparison().left();
        String right = report.comparison().right();
        for (Configuration c : report.configurations()) {
            sb.append('\n').append(configurationHeader(c));
            if (!c.ran()) {
                continue;
            }
            sb.append("\n   ").append(MARK_LEGEND).append('\n');
            sb.append(sideBySide(c, left, right, report.comparison().samples()));
            sb.append('\n').append(footprintTable(c));
            if (dumps) {
                for (ClassInfo info : c.classes().values()) {
                    sb.append('\n').append(info.printable());
                }
            }
        }
        sb.append("\n== summary (bytes; deep sizes exclude threads and JVM-wide objects, see layouts.json \"exclusions\")\n");
        sb.append(summary(report));
        return sb.toString();
    }

    /**
     * A user's classes ({@code ./lab layout --classpath}): per configuration, JOL's own printout of
     * each class and the deep size of a new instance (or why there is none), then one table of
     * shallow and deep sizes, classes by configurations.
     */
    static String userClasses(Layouts report) {
        StringBuilder sb = new StringBuilder();
        sb.append("class path: ").append(String.join(java.io.File.pathSeparator, report.classPath())).append('\n');
        for (Configuration c : report.configurations()) {
            sb.append('\n').append(configurationHeader(c));
            for (ClassInfo info : c.classes().values()) {
                sb.append('\n').append(info.printable());
                sb.append(sampleLine(info)).append('\n');
            }
        }
        List<Configuration> ran = report.ran();
        if (ran.isEmpty()) {
            return sb.toString();
        }
        sb.append("\n== summary: instance size / deep size of a new instance, bytes\n");
        sb.append(String.format(Locale.ROOT, "%-40s", "class"));
        for (Configuration c : ran) {
            sb.append(String.format(Locale.ROOT, " %26s", c.name()));
        }
        sb.append('\n');
        Map<String, String> names = new LinkedHashMap<>();
        ran.forEach(c -> c.classes().values().forEach(i -> names.putIfAbsent(i.name(), i.name())));
        for (String name : names.keySet()) {
            sb.append(String.format(Locale.ROOT, "%-40s", name));
            for (Configuration c : ran) {
                ClassInfo i = c.classes().get(name);
                Deep d = i == null ? null : i.deep().get(Layouts.SAMPLE_NEW_INSTANCE);
                sb.append(String.format(Locale.ROOT, " %26s", i == null ? "-"
                        : i.instanceSize() + " / " + (d == null ? "-" : Long.toString(d.totalSize()))));
            }
            sb.append('\n');
        }
        sb.append("(\"-\" as a deep size: no instance could be made; the lines above say why)\n");
        return sb.toString();
    }

    /** The deep size of a user's class's new instance, or why there is none. */
    static String sampleLine(ClassInfo info) {
        Deep d = info.deep().get(Layouts.SAMPLE_NEW_INSTANCE);
        if (d != null) {
            return String.format(Locale.ROOT, "Deep size of a new instance (no-argument constructor): %,d bytes in %,d objects%n",
                    d.totalSize(), d.totalCount());
        }
        return "No deep size: " + (info.noSample() == null ? "no sample instance" : info.noSample()) + "\n";
    }

    static String configurationHeader(Configuration c) {
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(c.name()).append(": ").append(c.label()).append('\n');
        if (c.jvm() != null) {
            sb.append("   jvm: ").append(nz(c.jvm().vmName())).append(' ').append(nz(c.jvm().version()))
                    .append(" (").append(nz(c.jvm().vendor())).append(") ").append(nz(c.jvm().path())).append('\n');
        }
        sb.append("   flags: ").append(c.flags().isEmpty() ? "(defaults)" : String.join(" ", c.flags())).append('\n');
        if (c.vm() != null) {
            sb.append("   vm: cores ").append(c.vm().cores());
            c.vm().options().forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
            sb.append('\n');
        }
        if (!c.ran()) {
            sb.append("   COULD NOT RUN: ").append(c.error()).append('\n');
        }
        for (String w : c.warnings()) {
            sb.append("   warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /** Two classes next to each other: header, fields, gaps, sizes, deep samples, deep by class. */
    static String sideBySide(Configuration c, String leftName, String rightName, List<String> samples) {
        ClassInfo l = c.classInfo(leftName);
        ClassInfo r = c.classInfo(rightName);
        if (l == null || r == null) {
            return "   (no layout of " + (l == null ? leftName : rightName) + " in this configuration)\n";
        }
        return diff(l.simpleName() + sampleHint(l), r.simpleName() + sampleHint(r), SideBySide.of(l, r, samples));
    }

    /**
     * One {@link SideBySide.Diff} as the terminal prints it, rows that differ marked {@code *}: two
     * classes of a run here, one class in two runs in {@code ./lab compare A B --layouts}.
     */
    public static String diff(String leftTitle, String rightTitle, SideBySide.Diff diff) {
        StringBuilder sb = new StringBuilder();
        row(sb, "", leftTitle, rightTitle, false);
        for (SideBySide.Row row : diff.rows()) {
            if (row instanceof SideBySide.ClassRow && row == diff.byClass().get(0)) {
                sb.append("  deep size by class, ").append(diff.breakdown()).append(":\n");
            }
            boolean indented = row.section() == SideBySide.Section.FIELD || row.section() == SideBySide.Section.GAP
                    || row.section() == SideBySide.Section.DEEP_BY_CLASS;
            row(sb, (indented ? "  " : "") + row.label(), row.left(), row.right(), row.differs());
        }
        return sb.toString();
    }

    private static String sampleHint(ClassInfo c) {
        return c.deep().containsKey(Layouts.SAMPLE_SHARD_EMPTY) ? " (as a shard)" : "";
    }

    /** Per store: whole store, the tasks, bytes per task beyond the task, the empty store. */
    static String footprintTable(Configuration c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "   %-22s %10s %16s %16s %14s %12s%n",
                "store", "entries", "whole store B", "tasks alone B", "B/task beyond", "empty B"));
        for (Footprint f : c.footprints()) {
            sb.append(String.format(Locale.ROOT, "   %-22s %,10d %,16d %,16d %14.1f %,12d%n", f.logName(), f.entries(),
                    f.totalBytes(), f.taskBytes(), f.perEntryBytes(), f.fixedBytes()));
        }
        return sb.toString();
    }

    /**
     * The cross-configuration tables: the pair's shallow and deep sizes per configuration, then
     * bytes per task of every store (rows) per configuration (columns), one table per N.
     */
    static String summary(Layouts report) {
        StringBuilder sb = new StringBuilder();
        String left = report.comparison() == null ? "MemoryStore" : report.comparison().left();
        String right = report.comparison() == null ? "ShardUnit" : report.comparison().right();
        String tasks = "deep+" + LayoutProbe.TASKS_PER_SHARD + " tasks";
        sb.append(String.format(Locale.ROOT, "%-28s %-50s %-50s%n", "configuration",
                SideBySide.shortType(left) + ": shallow / deep empty / " + tasks,
                SideBySide.shortType(right) + ": shallow / deep empty / " + tasks));
        for (Configuration c : report.configurations()) {
            if (!c.ran()) {
                sb.append(String.format(Locale.ROOT, "%-28s could not run: %s%n", c.name(), c.error()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-28s %-50s %-50s%n", c.name(), triple(c.classInfo(left)),
                    triple(c.classInfo(right))));
        }
        List<Configuration> ran = report.ran();
        for (int n : report.entries()) {
            if (ran.isEmpty()) {
                break;
            }
            sb.append('\n').append(String.format(Locale.ROOT, "bytes per task beyond the task itself, %,d tasks%n", n));
            sb.append(String.format(Locale.ROOT, "%-22s", "store"));
            for (Configuration c : ran) {
                sb.append(String.format(Locale.ROOT, " %25s", c.name()));
            }
            sb.append('\n');
            Map<String, String> stores = new LinkedHashMap<>();
            for (Configuration c : ran) {
                for (Footprint f : c.footprints()) {
                    stores.putIfAbsent(f.store(), f.logName());
                }
            }
            stores.forEach((store, logName) -> {
                sb.append(String.format(Locale.ROOT, "%-22s", logName));
                for (Configuration c : ran) {
                    Footprint f = c.footprint(store, n);
                    sb.append(String.format(Locale.ROOT, " %25s", f == null ? "-" : String.format(Locale.ROOT, "%.1f", f.perEntryBytes())));
                }
                sb.append('\n');
            });
        }
        return sb.toString();
    }

    /** Everything about one configuration, for {@code layout-<name>.txt}. */
    static String dump(Layouts report, Configuration c) {
        StringBuilder sb = new StringBuilder(configurationHeader(c));
        if (!c.ran()) {
            return sb.toString();
        }
        if (c.vm() != null && c.vm().jolDetails() != null) {
            sb.append('\n').append(c.vm().jolDetails()).append('\n');
        }
        boolean user = !report.classPath().isEmpty();
        if (user) {
            sb.append("\nclass path: ").append(String.join(java.io.File.pathSeparator, report.classPath())).append('\n');
        }
        if (report.comparison() != null && !user) {
            sb.append("\n-- side by side; ").append(MARK_LEGEND).append('\n');
            sb.append(sideBySide(c, report.comparison().left(), report.comparison().right(), report.comparison().samples()));
        }
        if (!user) {
            sb.append("\n-- bytes per stored task\n").append(footprintTable(c));
        }
        for (ClassInfo info : c.classes().values()) {
            sb.append("\n-- ").append(info.name()).append('\n').append(info.printable());
            if (info.noSample() != null) {
                sb.append(sampleLine(info));
            }
            info.deep().forEach((sample, d) -> {
                sb.append(String.format(Locale.ROOT, "deep size, %s (%s): %,d B in %,d objects%n", sample,
                        d.description(), d.totalSize(), d.totalCount()));
                d.byClass().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %8d %10d  %s%n",
                        v.count(), v.bytes(), k)));
                d.excluded().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %8d   excluded  %s%n", v, k)));
            });
        }
        for (Footprint f : c.footprints()) {
            sb.append(String.format(Locale.ROOT, "%n-- %s holding %,d tasks: %,d B (tasks %,d B, empty store %,d B, "
                    + "%.1f B per task beyond it)%n", f.logName(), f.entries(), f.totalBytes(), f.taskBytes(),
                    f.fixedBytes(), f.perEntryBytes()));
            f.byClass().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %10d %14d  %s%n", v.count(), v.bytes(), k)));
            f.excluded().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %10d       excluded  %s%n", v, k)));
        }
        sb.append("\n").append(report.exclusions() == null ? "" : report.exclusions()).append('\n');
        return sb.toString();
    }

    private static String triple(ClassInfo c) {
        if (c == null) {
            return "-";
        }
        Deep e = c.deep().get(Layouts.SAMPLE_SHARD_EMPTY);
        Deep t = c.deep().get(Layouts.SAMPLE_SHARD_WITH_TASKS);
        return c.instanceSize() + " / " + (e == null ? "-" : e.totalSize()) + " / " + (t == null ? "-" : t.totalSize()) + " B";
    }

    private static void row(StringBuilder sb, String label, String left, String right, boolean differs) {
        sb.append(differs ? "* " : "  ").append(pad(label, LABEL)).append(' ').append(pad(left, CELL)).append(' ')
                .append(right).append('\n');
    }

    private static String simple(String name) {
        return SideBySide.shortType(name);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String nz(String s) {
        return s == null ? "?" : s;
    }
}
