package lab.core.claims;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import lab.core.cli.Command;
import lab.core.cli.Options;
import lab.core.cli.UsageException;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;

/** {@code ./lab claims [RUN]}: every claim of the decision log with its verdict on a stored run. */
public final class ClaimsCommand implements Command {

    @Override
    public String name() {
        return "claims";
    }

    @Override
    public String description() {
        return "check the decision log's claims against a stored run (default: the newest complete one)";
    }

    @Override
    public String usage() {
        return """
            [RUN] [--reports DIR]
              RUN            a run id (./lab list); default: the newest complete run
              --reports DIR  the stored runs (default: reports/ of the checkout)""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, new String[] {"reports"}, new String[] {});
        RunRepository repo = new RunRepository(o.value("reports", null) == null
                ? RunRepository.defaultReports() : Path.of(o.value("reports", null)));
        if (o.positional().size() > 1) {
            throw new UsageException("give at most one run id");
        }
        StoredRun run;
        if (o.positional().isEmpty()) {
            run = newestComplete(repo).orElseThrow(() -> new UsageException("no complete run in " + repo.dir() + " (./lab run makes one)"));
        } else {
            String id = o.positional().get(0);
            try {
                run = repo.find(id).orElseThrow(() -> new UsageException("no run '" + id + "' in " + repo.dir()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (!run.readable()) {
            throw new UsageException("run " + run.id() + " cannot be read: " + run.readError());
        }
        out.print(ClaimsText.format(ClaimEvaluator.evaluate(ClaimBook.load(), RunData.of(run))));
        return 0;
    }

    /** The newest complete, readable run that has JMH results. */
    public static java.util.Optional<StoredRun> newestComplete(RunRepository repo) {
        return repo.list().stream()
                .filter(r -> r.readable() && r.manifest().status() == RunStatus.COMPLETE)
                .findFirst();
    }
}
