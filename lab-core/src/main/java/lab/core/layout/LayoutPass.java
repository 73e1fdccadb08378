package lab.core.layout;

import lab.core.layout.LayoutsJson.Configuration;
import lab.core.layout.LayoutsJson.Report;

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
 * writes {@code layouts.json} (see {@link LayoutsJson}) and one {@code layout-<configuration>.txt}
 * per configuration (JOL's printable layouts, the side-by-side comparison, the footprints; a
 * configuration that could not run gets a file saying why), and returns their names, for the
 * manifest's {@code files}. Every configuration runs in a child JVM one after the other; at
 * 10,000 entries the whole pass takes seconds. It does not throw when a configuration fails:
 * that is recorded in the file.
 */
public final class LayoutPass {

    /** Entries per store when the runner does not say: the smoke profile's dataset size. */
    public static final int DEFAULT_ENTRIES = 10_000;

    private LayoutPass() {
    }

    public static List<String> writeInto(Path runDir) {
        return writeInto(runDir, DEFAULT_ENTRIES);
    }

    public static List<String> writeInto(Path runDir, int entries) {
        return writeInto(runDir, LayoutLab.Request.defaults(List.of(entries)), line -> { });
    }

    public static List<String> writeInto(Path runDir, LayoutLab.Request request, Consumer<String> progress) {
        Report report = LayoutLab.run(request, progress);
        return write(report, runDir);
    }

    /** Writes a report's files into a folder; returns the file names, layouts.json first. */
    public static List<String> write(Report report, Path dir) {
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            LayoutsJson.write(report, dir.resolve(LayoutsJson.FILE_NAME));
            names.add(LayoutsJson.FILE_NAME);
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
