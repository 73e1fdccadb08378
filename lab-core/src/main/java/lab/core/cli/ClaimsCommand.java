package lab.core.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import lab.core.claims.ClaimAgreement;
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

/**
 * {@code ./lab claims [RUN]}: every claim of the decision log with its verdict on a stored run;
 * {@code ./lab claims A B …}: how far several runs' verdicts agree (the A/A check).
 */
@Command(name = "claims", description = {"check the decision log's claims against a stored run (default: the newest complete one)",
        "with two or more runs: how many verdicts agree between them, and each reading that does not (the A/A check:"
                + " run the same build twice)"})
public final class ClaimsCommand implements LabCommand {

    @Parameters(paramLabel = "RUN", arity = "0..*",
            description = "run ids (./lab list), or 'latest'; default: the newest complete run")
    List<String> runNames = new ArrayList<>();

    @Option(names = "--json", description = "print the verdicts as JSON (for CI gates; schema in the README)")
    boolean json;

    @Mixin
    ReportsOption reports;

    @Override
    public int run(PrintStream out, PrintStream err) {
        RunRepository repo = reports.repository();
        ClaimBook book = ClaimBook.load();
        if (runNames.size() >= 2) {
            List<ClaimReport> reports = new ArrayList<>();
            for (String name : runNames) {
                reports.add(ClaimEvaluator.evaluate(book, RunData.of(RunArgument.find(repo, name))));
            }
            ClaimAgreement a = ClaimAgreement.of(reports);
            out.print(json ? Json.text(ClaimsJson.of(a)) : ClaimsText.agreement(a));
            return 0;
        }
        StoredRun run = RunArgument.find(repo, runNames.isEmpty() ? RunArgument.LATEST : runNames.get(0));
        ClaimReport report = ClaimEvaluator.evaluate(book, RunData.of(run));
        out.print(json ? Json.text(ClaimsJson.of(report)) : ClaimsText.format(report));
        return 0;
    }
}
