package lab.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lab.core.layout.LayoutLab;
import lab.core.layout.LayoutPass;
import lab.core.layout.LayoutText;
import lab.core.layout.LayoutsJson;
import lab.core.layout.LayoutsJson.Configuration;
import lab.core.layout.LayoutsJson.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lab layout}: JOL's view of the stores, side by side, in every JVM configuration
 * available here, each measured in its own child JVM.
 */
@Command(name = "layout",
        description = "JOL layouts: MemoryStore-as-shard vs ShardUnit side by side, bytes per task of every store, per JVM configuration")
public final class LayoutCommand implements LabCommand {

    @Option(names = "--jvm", paramLabel = "PATH",
            description = "a java executable or Java home (repeatable); default: the running JVM (as is and with "
                    + "-XX:-UseCompressedOops) and every JDK 25 under /usr/lib/jvm (as is and with -XX:+UseCompactObjectHeaders). "
                    + "Each given JVM runs as is, plus compact headers on JDK 25+ or compressed oops off before that.")
    List<String> jvms = new ArrayList<>();

    @Option(names = "--classes", paramLabel = "A,B,...", split = ",", hideParamSyntax = true,
            description = "classes to lay out (simple names are looked up in lab.core.store); the first two are shown "
                    + "side by side. Default: MemoryStore, ShardUnit, every store, Task, and the JDK classes behind an entry")
    List<String> classes = new ArrayList<>();

    @Option(names = "--entries", paramLabel = "N,...", split = ",", hideParamSyntax = true,
            description = "store sizes for the per-task footprints (default: 100000,1000000)")
    List<Integer> entries = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "also write the whole result as JSON (the layouts.json format)")
    Path json;

    @Option(names = "--dir", paramLabel = "DIR", description = "write layouts.json and layout-<configuration>.txt into DIR, as a run does")
    Path dir;

    @Option(names = "--dumps", description = "print JOL's full printable layouts of every class too")
    boolean dumps;

    @Override
    public int run(PrintStream out, PrintStream err) {
        LayoutLab.Request request;
        try {
            request = new LayoutLab.Request(jvms, classes, entries.isEmpty() ? List.of(LayoutLab.DEFAULT_ENTRIES) : entries);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Report report = LayoutLab.run(request, err::println);
        out.print(LayoutText.terminal(report, dumps));
        if (json != null) {
            LayoutsJson.write(report, json);
            err.println("layout: wrote " + json);
        }
        if (dir != null) {
            List<String> files = LayoutPass.write(report, dir);
            err.println("layout: wrote " + String.join(", ", files) + " into " + dir);
        }
        return report.configurations().stream().anyMatch(Configuration::ran) ? 0 : 1;
    }
}
