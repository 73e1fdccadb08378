package lab.core.cli;

import java.io.PrintStream;
import java.util.List;

import lab.core.compare.AgentComparison;
import lab.core.compare.AgentComparisonText;
import lab.core.compare.Comparer;
import lab.core.compare.Comparison;
import lab.core.compare.ComparisonJson;
import lab.core.compare.ComparisonText;
import lab.core.compare.LayoutsAcrossRuns;
import lab.core.compare.LayoutsAcrossRunsText;
import lab.core.record.Json;
import lab.core.compare.Side;
import lab.core.record.RunKind;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab compare}: two stored runs, or two stores of one run, as benchstat would print them.
 *
 * <pre>
 * ./lab compare BASE HEAD                      # every benchmark of both runs
 * ./lab compare RUN --stores MEMORY,SHARD      # two stores of one run, row by row
 * ./lab compare BASE HEAD --metric gc.alloc.rate.norm
 * ./lab compare BASE HEAD --metric all         # the primary metric and every secondary one
 * ./lab compare BASE HEAD --layouts            # the classes both runs laid out, field by field
 * ./lab compare AGENT_A AGENT_B                # two agent runs: counts and rates per second of window
 * </pre>
 */
@Command(name = "compare",
        description = "compare two runs, or two stores of one run: medians, Mann-Whitney U, geomean (benchstat style)",
        footer = {"", "Examples:",
            "  ./lab compare BASE HEAD                    every benchmark of both runs",
            "  ./lab compare RUN --stores MEMORY,SHARD    two stores of one run, row by row",
            "  ./lab compare latest HEAD --metric all     the primary metric and every secondary one",
            "  ./lab compare BASE HEAD --layouts          JOL layouts of the classes in both runs, changed rows marked *",
            "  ./lab compare AGENT_A AGENT_B              two agent runs: counts and rates per second of window by kind",
            "                                             and class (exact counts, one window each: no p-values)"})
public final class CompareCommand implements LabCommand {

    @Parameters(paramLabel = "RUN", arity = "1..2",
            description = "BASE HEAD, or one RUN with --stores; run ids (./lab list) or 'latest' (the newest complete run)")
    List<String> runs;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "primary (default), all, or a secondary metric: gc.alloc.rate.norm, lab.lock.acquire.norm, "
                    + "lab.lock.contended.norm, lab.park.norm, lab.alloc.count.norm, lab.ctxsw.voluntary.norm")
    String metric;

    @Option(names = "--stores", paramLabel = "BASE,HEAD", split = ",", hideParamSyntax = true,
            description = "compare store BASE with store HEAD; with two runs and one store, only that store's rows")
    List<String> stores = List.of();

    @Option(names = "--jvms", paramLabel = "BASE,HEAD", split = ",", hideParamSyntax = true,
            description = "compare JVM configuration BASE with HEAD of one run (run.json's design names them)")
    List<String> jvms = List.of();

    @Option(names = "--layouts",
            description = "compare the two runs' JOL layouts (layout runs or JMH runs): every class both laid out, "
                    + "per JVM configuration, side by side with the changed rows marked")
    boolean layouts;

    @Option(names = "--json", description = "print the comparison as JSON (for CI gates; schema in the README)")
    boolean json;

    @Mixin
    ReportsOption reports;

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (layouts) {
            return layouts(out, err);
        }
        if (stores.size() > 2) {
            throw new UsageException("--stores takes one or two stores, got " + stores.size());
        }
        if (!jvms.isEmpty() && jvms.size() != 2) {
            throw new UsageException("--jvms takes two JVM configurations, got " + jvms.size());
        }
        if (runs.size() == 1 && stores.size() != 2 && jvms.isEmpty()) {
            throw new UsageException("with one run, say which two stores (--stores A,B) or JVM configurations (--jvms A,B) to compare");
        }
        RunRepository repo = reports.repository();
        StoredRun baseRun = find(repo, runs.get(0), err);
        StoredRun headRun = runs.size() == 2 ? find(repo, runs.get(1), err) : baseRun;
        if (baseRun.manifest().kind() == RunKind.AGENT || headRun.manifest().kind() == RunKind.AGENT) {
            return compareAgentRuns(baseRun, headRun, out);
        }
        String baseStore = stores.isEmpty() ? null : stores.get(0);
        String headStore = stores.isEmpty() ? null : stores.get(stores.size() - 1);
        Side base = Side.of(baseRun, baseStore);
        Side head = Side.of(headRun, headStore);
        if (!jvms.isEmpty()) {
            base = base.onJvm(jvms.get(0));
            head = head.onJvm(jvms.get(1));
        }
        Comparison c = Comparer.compare(base, head, metric);
        out.print(json ? Json.text(ComparisonJson.of(c)) : ComparisonText.format(c));
        return 0;
    }

    private int layouts(PrintStream out, PrintStream err) {
        if (runs.size() != 2) {
            throw new UsageException("--layouts compares two runs: BASE HEAD");
        }
        if (!stores.isEmpty() || !jvms.isEmpty() || metric != null || json) {
            throw new UsageException("--layouts compares whole runs' layouts, as text; it takes no --stores, --jvms, --metric or --json");
        }
        RunRepository repo = reports.repository();
        StoredRun base = find(repo, runs.get(0), err);
        StoredRun head = find(repo, runs.get(1), err);
        LayoutsAcrossRuns c;
        try {
            c = LayoutsAcrossRuns.of(base, head);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        out.print(LayoutsAcrossRunsText.format(c));
        return 0;
    }

    /** Two agent runs: counts and rates per second of window by kind and class (no statistics: one window each). */
    private int compareAgentRuns(StoredRun baseRun, StoredRun headRun, PrintStream out) {
        if (baseRun.manifest().kind() != headRun.manifest().kind()) {
            throw new UsageException("run " + baseRun.id() + " is " + AgentComparison.kindOf(baseRun) + " and "
                    + headRun.id() + " " + AgentComparison.kindOf(headRun) + ": an agent run compares with another agent run");
        }
        if (baseRun == headRun || baseRun.id().equals(headRun.id()) || !stores.isEmpty() || !jvms.isEmpty() || metric != null) {
            throw new UsageException("two agent runs compare as a whole: ./lab compare BASE HEAD [--json], without --stores, "
                    + "--jvms or --metric");
        }
        AgentComparison c;
        try {
            c = AgentComparison.of(baseRun, headRun);
        } catch (IllegalArgumentException unreadable) {
            throw new UsageException(unreadable.getMessage());
        }
        out.print(json ? Json.text(c) : AgentComparisonText.format(c));
        return 0;
    }

    private static StoredRun find(RunRepository repo, String name, PrintStream err) {
        StoredRun run = RunArgument.find(repo, name);
        if (run.manifest().status() != RunStatus.COMPLETE) {
            err.println("lab compare: warning: run " + run.id() + " is " + run.manifest().status().json()
                    + (run.manifest().error() == null ? "" : " (" + run.manifest().error() + ")") + "; comparing what it has");
        }
        return run;
    }
}
