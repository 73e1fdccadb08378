package lab.web.runs;

import java.util.List;
import java.util.Locale;
import lab.core.record.Environment;
import lab.core.record.RunConfiguration;
import lab.core.record.RunManifest;
import lab.core.record.StoredRun;
import lab.web.Format;

/** One line of the runs list, every field already a display string (templates only print). */
public record RunSummary(String id, String href, String label, String time, String status, String source,
                         String profile, String jvm, String cores, String commit, String error, List<String> stores) {

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
                error == null ? "" : error, c.stores() == null ? List.of() : c.stores());
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
