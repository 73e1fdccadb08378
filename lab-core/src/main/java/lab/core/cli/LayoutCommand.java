package lab.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lab.core.layout.LayoutLab;
import lab.core.layout.LayoutLab.Configurations;
import lab.core.layout.LayoutPass;
import lab.core.layout.LayoutRun;
import lab.core.layout.LayoutText;
import lab.core.record.Layouts;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Environment;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./lab layout}: JOL's view of the stores, side by side. By default the running JVM at
 * {@link LayoutLab#DEFAULT_ENTRIES} tasks per store, which answers in seconds; the other JVM
 * configurations and the million-task footprints are flags, each measured in its own child JVM.
 *
 * <p>With {@code --classpath}, the user's classes instead: exactly those named, in the same JVM
 * configurations, stored as a run of kind {@code layout} (its id printed last) that
 * {@code ./lab compare A B --layouts} and the site's {@code /compare/layouts} put next to another.
 */
@Command(name = "layout",
        description = "JOL layouts: MemoryStore-as-shard vs ShardUnit side by side, bytes per task of every store "
                + "(the running JVM; --all-jvms for every JVM configuration)",
        footer = {"", "Your own classes, stored as a layout run (compare two with ./lab compare A B --layouts):",
            "  ./lab layout --classpath build/classes/java/main:lib/dep.jar --classes com.acme.Order,com.acme.Line",
            "", "Every configuration with the million-task footprints, as this command did before it answered in seconds",
            "(minutes; README.md, \"JOL layouts\", has the times): ./lab layout --all-jvms --entries 100000,1000000"})
public final class LayoutCommand implements LabCommand {

    /** Which JVMs: the running one unless one of these says otherwise. */
    static final class Jvms {
        @Option(names = "--all-jvms",
                description = "every JVM configuration found here: the running JVM as is and with -XX:-UseCompressedOops, "
                        + "and every JDK 25 under /usr/lib/jvm as is and with -XX:+UseCompactObjectHeaders")
        boolean all;

        @Option(names = "--jvm", paramLabel = "PATH",
                description = "a java executable or Java home (repeatable), instead of the running JVM: each runs as is, "
                        + "plus -XX:+UseCompactObjectHeaders on JDK 25+ or -XX:-UseCompressedOops before that")
        List<String> paths = new ArrayList<>();
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Jvms jvms;

    @Option(names = "--classes", paramLabel = "A,B,...", split = ",", hideParamSyntax = true,
            description = "classes to lay out (simple names are looked up in lab.core.store); the first two are shown "
                    + "side by side. Default: MemoryStore, ShardUnit, every store, Task, and the JDK classes behind an entry")
    List<String> classes = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "PATH[:PATH...]", hideParamSyntax = true,
            description = "your jars and class folders (repeatable): lay out exactly the --classes named, found there, "
                    + "in each JVM configuration (the path is appended to the child JVMs'), with the deep size of a new "
                    + "instance when a class has a no-argument constructor; stores the result as a layout run")
    List<String> classPath = new ArrayList<>();

    @Option(names = "--label", paramLabel = "TEXT", description = "with --classpath: the stored run's label, also part of its id")
    String label;

    @Option(names = "--entries", paramLabel = "N,...", split = ",", hideParamSyntax = true,
            description = "store sizes for the per-task footprints (default: " + LayoutLab.DEFAULT_ENTRIES + ")")
    List<Integer> entries = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "also write the whole result as JSON (the layouts.json format)")
    Path json;

    @Option(names = "--dir", paramLabel = "DIR", description = "write layouts.json and layout-<configuration>.txt into DIR, as a run does")
    Path dir;

    @Option(names = "--dumps", description = "print JOL's full printable layouts of every class too")
    boolean dumps;

    @Mixin
    ReportsOption reports;

    @Override
    public int run(PrintStream out, PrintStream err) {
        Configurations which = jvms == null ? Configurations.RUNNING : jvms.all ? Configurations.ALL : Configurations.GIVEN;
        if (label != null && classPath.isEmpty()) {
            throw new UsageException("--label names a stored layout run: it goes with --classpath");
        }
        LayoutLab.Request request;
        try {
            request = new LayoutLab.Request(which, which == Configurations.GIVEN ? jvms.paths : List.of(), classes,
                    entries.isEmpty() && classPath.isEmpty() ? List.of(LayoutLab.DEFAULT_ENTRIES) : entries, classPath);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Instant started = Instant.now();
        Layouts report = LayoutLab.run(request, err::println);
        out.print(LayoutText.terminal(report, dumps));
        if (json != null) {
            report.write(json);
            err.println("layout: wrote " + json);
        }
        if (dir != null) {
            List<String> files = LayoutPass.write(report, dir);
            err.println("layout: wrote " + String.join(", ", files) + " into " + dir);
        }
        boolean ran = report.configurations().stream().anyMatch(Configuration::ran);
        if (request.userClasses()) {
            if (!ran) {
                err.println("layout: no JVM configuration could run (errors above); nothing stored");
                return 1;
            }
            StoredRun run = LayoutRun.store(reports.repository(), report, label, started,
                    Environment.capture(RunRepository.labHome()));
            err.println("layout: stored as a layout run in " + run.dir());
            out.println(run.id());
        }
        return ran ? 0 : 1;
    }
}
