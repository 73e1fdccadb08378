package lab.core.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.core.record.Environment;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./lab list}: the stored runs, newest first, one line each. */
@Command(name = "list", description = "list the stored runs, newest first",
        footer = {"", "Columns: id, status, label, profile, results, JVM."})
public final class ListCommand implements LabCommand {

    @Mixin
    ReportsOption reports;

    @Override
    public int run(PrintStream out, PrintStream err) {
        RunRepository repository = reports.repository();
        List<StoredRun> runs = repository.list();
        if (runs.isEmpty()) {
            out.println("no stored runs in " + repository.dir() + " (./lab run --profile smoke makes one)");
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "STATUS", "LABEL", "PROFILE", "RESULTS", "JVM"});
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
        return 0;
    }

    private static String[] row(StoredRun run) {
        RunManifest m = run.manifest();
        if (run.readError() != null) {
            return new String[] {run.id(), "unreadable", "-", "-", "-", run.readError()};
        }
        String results;
        try {
            results = Integer.toString(run.results().size());
        } catch (RuntimeException e) {
            results = "unreadable";
        }
        String profile = m.configuration().profile() != null ? m.configuration().profile() : m.source() == null ? "-" : m.source();
        return new String[] {run.id(), m.status() == null ? "-" : m.status().json(), m.label().isEmpty() ? "-" : m.label(),
            profile, results, jvm(m.environment())};
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
