package lab.core.layout;

import lab.core.cli.Command;
import lab.core.cli.Options;
import lab.core.cli.UsageException;
import lab.core.layout.LayoutsJson.Configuration;
import lab.core.layout.LayoutsJson.Report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./lab layout}: JOL's view of the stores, side by side, in every JVM configuration
 * available here, each measured in its own child JVM.
 */
public final class LayoutCommand implements Command {

    @Override
    public String name() {
        return "layout";
    }

    @Override
    public String description() {
        return "JOL layouts: MemoryStore-as-shard vs ShardUnit side by side, bytes per task of every store, per JVM configuration";
    }

    @Override
    public String usage() {
        return "[--jvm PATH ...] [--classes A,B,...] [--entries N,...] [--json FILE] [--dir DIR] [--dumps]\n"
                + "  --jvm PATH      a java executable or Java home (repeatable); default: the running JVM (as is and\n"
                + "                  with -XX:-UseCompressedOops) and every JDK 25 under /usr/lib/jvm (as is and with\n"
                + "                  -XX:+UseCompactObjectHeaders). Each given JVM runs as is, plus compact headers\n"
                + "                  on JDK 25+ or compressed oops off before that.\n"
                + "  --classes A,B   classes to lay out (simple names are looked up in lab.core.store); the first two\n"
                + "                  are shown side by side. Default: MemoryStore,ShardUnit, every store, Task, and the\n"
                + "                  JDK classes behind an entry\n"
                + "  --entries N,... store sizes for the per-task footprints (default 100000,1000000)\n"
                + "  --json FILE     also write the whole result as JSON (the layouts.json format)\n"
                + "  --dir DIR       write layouts.json and layout-<configuration>.txt into DIR, as a run does\n"
                + "  --dumps         print JOL's full printable layouts of every class too";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, new String[] {"jvm", "classes", "entries", "json", "dir"}, new String[] {"dumps"});
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + o.positional().get(0));
        }
        List<Integer> entries = new ArrayList<>();
        for (String e : o.list("entries")) {
            try {
                entries.add(Integer.parseInt(e.replace("_", "")));
            } catch (NumberFormatException ex) {
                throw new UsageException("--entries takes whole numbers, was '" + e + "'");
            }
        }
        if (entries.isEmpty()) {
            entries.addAll(List.of(LayoutLab.DEFAULT_ENTRIES));
        }
        LayoutLab.Request request;
        try {
            request = new LayoutLab.Request(o.list("jvm"), o.list("classes"), entries);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Report report = LayoutLab.run(request, err::println);
        String left = report.comparison().left();
        String right = report.comparison().right();
        for (Configuration c : report.configurations()) {
            out.println();
            out.print(LayoutText.configurationHeader(c));
            if (!c.ran()) {
                continue;
            }
            out.println();
            out.println("   " + LayoutText.MARK_LEGEND);
            out.print(LayoutText.sideBySide(c, left, right, report.comparison().samples()));
            out.println();
            out.print(LayoutText.footprintTable(c));
            if (o.flag("dumps")) {
                for (LayoutsJson.ClassInfo info : c.classes().values()) {
                    out.println();
                    out.print(info.printable());
                }
            }
        }
        out.println();
        out.println("== summary (bytes; deep sizes exclude threads and JVM-wide objects, see layouts.json \"exclusions\")");
        out.print(LayoutText.summary(report));
        String json = o.value("json", null);
        if (json != null) {
            LayoutsJson.write(report, Path.of(json));
            err.println("layout: wrote " + json);
        }
        String dir = o.value("dir", null);
        if (dir != null) {
            List<String> files = LayoutPass.write(report, Path.of(dir));
            err.println("layout: wrote " + String.join(", ", files) + " into " + dir);
        }
        return report.configurations().stream().anyMatch(Configuration::ran) ? 0 : 1;
    }
}
