package lab.core.cli;

import java.io.PrintStream;

import lab.core.claims.ClaimBook;
import lab.core.claims.ClaimEvaluator;
import lab.core.claims.ClaimReport;
import lab.core.claims.ClaimsJson;
import lab.core.claims.ClaimsText;
import lab.core.record.Json;
import lab.core.claims.RunData;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab claims [RUN]}: every claim of the decision log with its verdict on a stored run. */
@Command(name = "claims", description = "check the decision log's claims against a stored run (default: the newest complete one)")
public final class ClaimsCommand implements LabCommand {

    @Parameters(paramLabel = "RUN", arity = "0..1",
            description = "a run id (./lab list), or 'latest'; default: the newest complete run")
    String runName;

    @Option(names = "--json", description = "print the verdicts as JSON (for CI gates; schema in the README)")
    boolean json;

    @Mixin
    ReportsOption reports;

    @Override
    public int run(PrintStream out, PrintStream err) {
        RunRepository repo = reports.repository();
        StoredRun run = RunArgument.find(repo, runName == null ? RunArgument.LATEST : runName);
        ClaimReport report = ClaimEvaluator.evaluate(ClaimBook.load(), RunData.of(run));
        out.print(json ? Json.text(ClaimsJson.of(report)) : ClaimsText.format(report));
        return 0;
    }
}
