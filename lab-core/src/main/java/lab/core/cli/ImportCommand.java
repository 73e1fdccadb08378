package lab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import lab.core.record.AgentReport;
import lab.core.record.AgentReportException;
import lab.core.record.AgentReports;
import lab.core.record.Figures;
import lab.core.record.JmhFormatException;
import lab.core.record.StoredRun;
import lab.core.record.RunRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab import FILE.json}: any JMH JSON result (ours or a foreign project's) becomes a
 * stored run, and a lab agent report ({@code -javaagent:lab-agent.jar=report=FILE.json}) an agent
 * run; which one is told by the file's shape (JMH writes an array, the agent an object). The JSON
 * is kept verbatim. A file that is neither is refused with the reason and no run is created.
 */
@Command(name = "import", description = "store a JMH JSON result (-rf json) or a lab agent report (report=) as a run",
        footer = {"", "A JSON array is read as a JMH result, an object as a lab agent report.",
            "The last line printed is the new run id."})
public final class ImportCommand implements LabCommand {

    @Parameters(paramLabel = "FILE.json", description = "a JMH result written with -rf json (any project, any JMH version), "
            + "or a lab agent report (-javaagent:lab-agent.jar=report=FILE.json, or attach … report=)")
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
        if (AgentReports.looksLikeReport(json)) {
            return importAgent(repository, json, out, err);
        }
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

    private int importAgent(RunRepository repository, byte[] json, PrintStream out, PrintStream err) {
        String id;
        try {
            id = repository.importAgent(json, label, "import");
        } catch (AgentReportException e) {
            err.println("lab import: " + file + " is neither a JMH result (a JSON array) nor a lab agent report the lab can store"
                    + " (a JSON object): " + e.getMessage());
            return 1;
        }
        AgentReport r = repository.find(id).flatMap(StoredRun::agentReport).orElseThrow();
        out.println("imported " + file + ": agent report of window " + r.window().number() + " ("
                + Figures.plain(r.window().seconds()) + " s from " + r.window().start() + "), " + r.threads().size()
                + (r.threads().size() == 1 ? " thread, " : " threads, ") + Figures.fixed(r.locks().acquired(), 0) + " lock acquisitions, "
                + Figures.fixed(r.allocations().count(), 0) + " allocations; stored in " + repository.dir().resolve(id));
        for (String w : r.warnings()) {
            out.println("warning: " + w);
        }
        out.println(id);
        return 0;
    }
}
