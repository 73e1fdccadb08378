package lab.core.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.core.record.Environment;
import lab.core.record.Progress;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./lab list}: the runs, newest first, one line each — stored ones, running ones with
 * their progress, and abandoned ones (their process was killed) with how to remove them.
 */
@Command(name = "list", description = "list the runs (stored, running, abandoned), newest first",
        footer = {"", "Columns: id, kind, status (running: forks done of all, time left), label, profile, results (benchmarks;"
                + " a load run's store x connections points, a layout run's configurations, an agent run's window), JVM."})
public final class ListCommand implements LabCommand {

    @Mixin
    ReportsOption reports;

    @Option(names = "--remove-abandoned", description = "delete the folders of abandoned runs (runs whose process was killed"
            + " before it could store them); running and stored runs are never touched")
    boolean removeAbandoned;

    @Override
    public int run(PrintStream out, PrintStream err) {
        RunRepository repository = reports.repository();
        if (removeAbandoned) {
            List<String> removed = repository.removeAbandoned();
            out.println(removed.isEmpty() ? "no abandoned runs in " + repository.dir()
                    : "removed " + removed.size() + " abandoned run" + (removed.size() == 1 ? "" : "s") + ": " + String.join(", ", removed));
            return 0;
        }
        List<StoredRun> runs = repository.list();
        if (runs.isEmpty()) {
            out.println("no stored runs in " + repository.dir() + " (./lab run --profile smoke makes one)");
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "KIND", "STATUS", "LABEL", "PROFILE", "RESULTS", "JVM"});
        for (StoredRun run : runs) {
            rows.add(row(run));
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + width[i] + "s  ", r[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
        long abandoned = runs.stream().filter(r -> r.manifest().status() == RunStatus.ABANDONED).count();
        if (abandoned > 0) {
            out.println();
            out.println(abandoned + " abandoned run" + (abandoned == 1 ? "" : "s") + " (killed before it was stored; what it"
                    + " measured is readable): ./lab list --remove-abandoned deletes "
                    + (abandoned == 1 ? "it" : "them") + " (or rm -r " + repository.dir() + "/.tmp-<id>)");
        }
        return 0;
    }

    private static String[] row(StoredRun run) {
        RunManifest m = run.manifest();
        if (run.readError() != null) {
            return new String[] {run.id(), "-", "unreadable", "-", "-", "-", run.readError()};
        }
        String results;
        try {
            results = results(run);
        } catch (RuntimeException e) {
            results = "unreadable";
        }
        String profile = m.configuration().profile() != null ? m.configuration().profile() : m.source() == null ? "-" : m.source();
        return new String[] {run.id(), m.kind().json(), status(m), m.label().isEmpty() ? "-" : m.label(),
            profile, results, jvm(m.environment())};
    }

    /**
     * What the run holds, by its kind: benchmark results, load points (store x connections),
     * layout configurations, or the agent's window.
     */
    private static String results(StoredRun run) {
        return switch (run.manifest().kind()) {
            case JMH -> Integer.toString(run.results().size());
            case LOAD -> run.loadResults().map(l -> l.points().size() + " points").orElse("0");
            case LAYOUT -> run.layouts().map(l -> l.ran().size() + " layouts").orElse("0");
            case AGENT -> run.agentReport().map(a -> String.format(Locale.ROOT, "window %.2f s", a.window().seconds())).orElse("0");
        };
    }

    /** "complete", or for a running run "running 37/588 4:10 left". */
    private static String status(RunManifest m) {
        if (m.status() == null) {
            return "-";
        }
        if (m.status() == RunStatus.RUNNING && m.progress() != null) {
            Progress p = m.progress();
            return String.format(Locale.ROOT, "running %d/%d %d:%02d left", p.done(), p.total(), p.etaSeconds() / 60,
                    p.etaSeconds() % 60);
        }
        return m.status().json();
    }

    private static String jvm(Environment e) {
        if (e == null || (e.jvmVersion() == null && e.jvmName() == null)) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        if (e.jvmVendor() != null) {
            sb.append(e.jvmVendor()).append(' ');
        }
        if (e.jvmVersion() != null) {
            sb.append(e.jvmVersion());
        } else {
            sb.append(e.jvmName());
        }
        return sb.toString().strip();
    }
}
