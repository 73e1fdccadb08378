package lab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import lab.core.record.JmhFormatException;
import lab.core.record.RunRepository;

/**
 * {@code ./lab import FILE.json}: any JMH JSON result (ours or a foreign project's) becomes a
 * stored run, its JSON kept verbatim. A file that is not JMH JSON is refused with the reason and
 * no run is created.
 */
public final class ImportCommand implements Command {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String description() {
        return "store a JMH JSON result file (-rf json) as a run";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "FILE.json [--label TEXT] [--reports DIR]",
                "",
                "  FILE.json        a JMH result written with -rf json (any project, any JMH version)",
                "  --label TEXT     a label, also part of the run id (default: import)",
                "  --reports DIR    where runs are stored (default <lab>/reports)",
                "",
                "The last line printed is the new run id.");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Options o = Options.parse(args, new String[] {"label", "reports"}, new String[0]);
        if (o.positional().size() != 1) {
            throw new UsageException(o.positional().isEmpty() ? "which file? give the JMH JSON file to import"
                    : "one file at a time, got " + o.positional().size());
        }
        Path file = Paths.get(o.positional().get(0));
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("lab import: no such file: " + file);
            return 1;
        }
        String reports = o.value("reports", null);
        RunRepository repository = new RunRepository(reports == null ? RunRepository.defaultReports() : Paths.get(reports).toAbsolutePath());
        String id;
        try {
            id = repository.importJmh(json, o.value("label", null), "import");
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
