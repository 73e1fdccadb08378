package lab.core.layout;

import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The JOL step of {@code ./lab run}: stores the layouts in the run folder.
 *
 * <pre>
 * List&lt;String&gt; files = LayoutPass.writeInto(runDir, datasetSize);   // e.g. 10_000 for smoke
 * </pre>
 *
 * writes {@code layouts.json} (see {@link Layouts}) and one {@code layout-<configuration>.txt}
 * per configuration (JOL's printable layouts, the side-by-side comparison, the footprints; a
 * configuration that could not run gets a file saying why), and returns their names, for the
 * manifest's {@code files}. Every configuration found ({@link LayoutLab.Configurations#ALL}) runs
 * in a child JVM, two at a time on small sizes; at 10,000 entries the whole pass takes seconds. It does not throw when a configuration fails:
 * that is recorded in the file.
 */
public final class LayoutPass {

    private LayoutPass() {
    }

    public static List<String> writeInto(Path runDir, int entries) {
        return writeInto(runDir, LayoutLab.Request.defaults(List.of(entries)), line -> { });
    }

    public static List<String> writeInto(Path runDir, LayoutLab.Request request, Consumer<String> progress) {
        Layouts report = LayoutLab.run(request, progress);
        return write(report, runDir);
    }

    /** Writes a report's files into a folder; returns the file names, layouts.json first. */
    public static List<String> write(Layouts report, Path dir) {
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            report.write(dir.resolve(Layouts.FILE_NAME));
            names.add(Layouts.FILE_NAME);
            for (Configuration c : report.configurations()) {
                String name = textFileName(c);
                Files.writeString(dir.resolve(name), LayoutText.dump(report, c));
                names.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write layouts into " + dir + ": " + e.getMessage(), e);
        }
        return names;
    }

    /** {@code layout-<configuration name>.txt}; the names are slugs already, this keeps them so. */
    public static String textFileName(Configuration c) {
        return "layout-" + c.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + ".txt";
    }
}
