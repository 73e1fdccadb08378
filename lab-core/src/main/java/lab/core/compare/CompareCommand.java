package lab.core.compare;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import lab.core.cli.Command;
import lab.core.cli.Options;
import lab.core.cli.UsageException;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;

/**
 * {@code ./lab compare}: two stored runs, or two stores of one run, as benchstat would print them.
 *
 * <pre>
 * ./lab compare BASE HEAD                      # every benchmark of both runs
 * ./lab compare RUN --stores MEMORY,SHARD      # two stores of one run, row by row
 * ./lab compare BASE HEAD --metric gc.alloc.rate.norm
 * ./lab compare BASE HEAD --metric all         # the primary metric and every secondary one
 * </pre>
 */
public final class CompareCommand implements Command {

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String description() {
        return "compare two runs, or two stores of one run: medians, Mann-Whitney U, geomean (benchstat style)";
    }

    @Override
    public String usage() {
        return """
            BASE HEAD [--metric NAME] [--stores BASE_STORE,HEAD_STORE]   |   RUN --stores BASE_STORE,HEAD_STORE [--metric NAME]
              BASE, HEAD, RUN  run ids (./lab list), or 'latest' for the newest complete run
              --metric NAME    primary (default), all, or a secondary metric: gc.alloc.rate.norm,
                               lab.lock.acquire.norm, lab.lock.contended.norm, lab.park.norm,
                               lab.alloc.count.norm, lab.ctxsw.voluntary.norm
              --stores A,B     compare store A (base) with store B (head); with two runs and one
                               store, compare only that store's rows
              --reports DIR    the stored runs (default: reports/ of the checkout)""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, new String[] {"metric", "stores", "reports", "profiles"}, new String[] {});
        RunRepository repo = new RunRepository(o.value("reports", null) == null
                ? RunRepository.defaultReports() : Path.of(o.value("reports", null)));
        List<String> runs = o.positional();
        List<String> stores = o.list("stores");
        if (runs.isEmpty() || runs.size() > 2) {
            throw new UsageException("give two run ids, or one run id with --stores A,B");
        }
        if (stores.size() > 2) {
            throw new UsageException("--stores takes one or two stores, got " + stores.size());
        }
        if (runs.size() == 1 && stores.size() != 2) {
            throw new UsageException("with one run, say which two stores to compare: --stores A,B");
        }
        StoredRun baseRun = find(repo, runs.get(0), err);
        StoredRun headRun = runs.size() == 2 ? find(repo, runs.get(1), err) : baseRun;
        String baseStore = stores.isEmpty() ? null : stores.get(0);
        String headStore = stores.isEmpty() ? null : stores.get(stores.size() - 1);
        Comparison c = Comparer.compare(Side.of(baseRun, baseStore), Side.of(headRun, headStore), o.value("metric", null));
        out.print(ComparisonText.format(c));
        return 0;
    }

    static StoredRun find(RunRepository repo, String id, PrintStream err) {
        StoredRun run;
        if (id.equals("latest") && repo.find("latest").isEmpty()) {
            run = repo.list().stream().filter(r -> r.readable() && r.manifest().status() == RunStatus.COMPLETE)
                    .findFirst().orElseThrow(() -> new UsageException("no complete run in " + repo.dir()));
        } else {
            try {
                run = repo.find(id).orElseThrow(() -> new UsageException("no run '" + id + "' in " + repo.dir() + " (./lab list shows them)"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (!run.readable()) {
            throw new UsageException("run " + run.id() + " cannot be read: " + run.readError());
        }
        if (run.manifest().status() != RunStatus.COMPLETE) {
            err.println("lab compare: warning: run " + run.id() + " is " + run.manifest().status().json()
                    + (run.manifest().error() == null ? "" : " (" + run.manifest().error() + ")") + "; comparing what it has");
        }
        return run;
    }
}
