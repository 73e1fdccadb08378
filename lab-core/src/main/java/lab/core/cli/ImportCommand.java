package lab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import lab.core.record.JmhFormatException;
import lab.core.record.RunRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab import FILE.json}: any JMH JSON result (ours or a foreign project's) becomes a
 * stored run, its JSON kept verbatim. A file that is not JMH JSON is refused with the reason and
 * no run is created.
 */
@Command(name = "import", description = "store a JMH JSON result file (-rf json) as a run",
        footer = {"", "The last line printed is the new run id."})
public final class ImportCommand implements LabCommand {

    @Parameters(paramLabel = "FILE.json", description = "a JMH result written with -rf json (any project, any JMH version)")
    Path file;

    @Option(names = "--label", paramLabel = "TEXT", description = "a label, also part of the run id (default: import)")
    String label;

    @Mixin
    ReportsOption reports;

    @Override
    public int run(PrintStream out, PrintStream err) throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("lab import: no such file: " + file);
            return 1;
        }
        RunRepository repository = reports.repository();
        String id;
        try {
            id = repository.importJmh(json, label, "import");
        } catch (JmhFormatException e) {
            err.println("lab import: " + file + " is not a JMH result: " + e.getMessage());
            return 1;
        }
        int results = repository.find(id).map(r -> r.results().size()).orElse(0);
        out.println("imported " + file + ": " + results + " results, stored in " + repository.dir().resolve(id));
        out.println(id);
        return 0;
    }
}
