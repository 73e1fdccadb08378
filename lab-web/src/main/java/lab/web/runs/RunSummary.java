package lab.web.runs;

import java.util.List;
import java.util.Locale;
import lab.core.record.Environment;
import lab.core.record.Progress;
import lab.core.record.RunConfiguration;
import lab.core.record.RunManifest;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import lab.web.Format;

/**
 * One line of the runs list, every field already a display string (templates only print).
 *
 * @param progress for a running run: forks done of planned, the time left and what runs now; for
 *                 an abandoned one: how to remove it; "" otherwise
 * @param kind     what the run holds: jmh, load, layout or agent (the manifest's {@code RunKind})
 */
public record RunSummary(String id, String href, String label, String time, String status, String source,
                         String profile, String jvm, String cores, String commit, String error, List<String> stores,
                         String progress, String kind) {

    /** What removes abandoned runs (said wherever one is shown). */
    public static final String REMOVE_ABANDONED = "./lab list --remove-abandoned";

    public static RunSummary of(StoredRun run) {
        RunManifest m = run.manifest();
        Environment e = m.environment();
        RunConfiguration c = m.configuration();
        String jvm = join(e.jvmName() == null ? null : shortVm(e.jvmName()), e.jvmVersion());
        String commit = e.gitCommit() == null ? "" : e.gitCommit().substring(0, Math.min(10, e.gitCommit().length()))
                + (Boolean.TRUE.equals(e.gitDirty()) ? " (dirty)" : "");
        String error = run.readError() != null ? run.readError() : m.error();
        return new RunSummary(run.id(), "/runs/" + run.id(), m.label(), Format.time(m.startedAt()),
                run.readError() != null ? "unreadable" : m.status().json(), m.source() == null ? "" : m.source(),
                c.profile() == null ? "" : c.profile(), jvm, e.cores() == null ? "" : e.cores().toString(), commit,
                error == null ? "" : error, c.stores() == null ? List.of() : c.stores(), progress(run), m.kind().json());
    }

    /** "34 of 96 forks · about 4 min left · round 3/5: read store=MEMORY threads=2". */
    static String progress(StoredRun run) {
        RunManifest m = run.manifest();
        if (m.status() == RunStatus.ABANDONED) {
            return "its process is gone; what it measured is kept — remove it with " + REMOVE_ABANDONED
                    + " (or rm -r reports/" + StoredRun.TEMP_PREFIX + run.id() + ")";
        }
        Progress p = m.progress();
        if (m.status() != RunStatus.RUNNING || p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(p.done()).append(" of ").append(p.total()).append(" forks");
        if (p.etaSeconds() > 0 && p.done() < p.total()) {
            sb.append(" · about ").append(duration(p.etaSeconds())).append(" left");
        }
        if (p.current() != null && !p.current().isBlank()) {
            sb.append(" · ").append(p.current());
        }
        return sb.toString();
    }

    static String duration(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 90 ? minutes + " min" : (minutes / 60) + " h " + String.format(Locale.ROOT, "%02d", minutes % 60) + " min";
    }

    public boolean matches(String labelFilter, String storeFilter, String statusFilter, String kindFilter) {
        if (kindFilter != null && !kindFilter.isBlank() && !kind.equalsIgnoreCase(kindFilter.trim())) {
            return false;
        }
        return matches(labelFilter, storeFilter, statusFilter);
    }

    public boolean matches(String labelFilter, String storeFilter, String statusFilter) {
        if (labelFilter != null && !labelFilter.isBlank()) {
            String f = labelFilter.toLowerCase(Locale.ROOT);
            if (!label.toLowerCase(Locale.ROOT).contains(f) && !id.contains(f)) {
                return false;
            }
        }
        if (storeFilter != null && !storeFilter.isBlank() && stores.stream().noneMatch(s -> s.equalsIgnoreCase(storeFilter))) {
            return false;
        }
        return statusFilter == null || statusFilter.isBlank() || status.equalsIgnoreCase(statusFilter);
    }

    private static String shortVm(String vmName) {
        return vmName.replace("OpenJDK 64-Bit Server VM", "OpenJDK").replace("Java HotSpot(TM) 64-Bit Server VM", "HotSpot");
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null ? a : a + " " + b;
    }
}
