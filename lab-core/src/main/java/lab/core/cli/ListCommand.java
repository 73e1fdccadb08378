package lab.core.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.core.record.Environment;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;

/** {@code ./lab list}: the stored runs, newest first, one line each. */
public final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String description() {
        return "list the stored runs, newest first";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "[--reports DIR]",
                "",
                "  --reports DIR    where runs are stored (default <lab>/reports)",
                "",
                "Columns: id, status, label, profile, results, JVM.");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, new String[] {"reports"}, new String[0]);
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        }
        String reports = o.value("reports", null);
        RunRepository repository = new RunRepository(reports == null ? RunRepository.defaultReports() : Paths.get(reports).toAbsolutePath());
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
