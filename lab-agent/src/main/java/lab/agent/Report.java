package lab.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lab.agent.runtime.LabCounters;

/**
 * The counters report as JSON:
 *
 * <pre>
 * {"agent":{"version":…,"options":…,"mode":"premain|agentmain","selfTest":"ok|FAILED: …",…},
 *  "locks":{"acquired":N,"contended":N,"byKind":{"ReentrantLock":N,"ReadLock":N,"WriteLock":N,"StampedLock":N,"monitor":N}},
 *  "parks":N,
 *  "allocations":{"count":N,"byClass":{"a.b.C":N,…}},
 *  "threads":{"&lt;thread name&gt;":{"locks":N,"contended":N,"parks":N,"allocations":N,"byKind":{…},"allocationsByClass":{…}}}}
 * </pre>
 *
 * {@code threads} sums every thread (live or exited) that bore the same name and leaves out
 * threads that counted nothing. {@code byClass} is ordered by count, highest first.
 */
final class Report {

    static final String[] KINDS = {"ReentrantLock", "ReadLock", "WriteLock", "StampedLock", "monitor"};
    static final String ALLOCATION_NOTE = "allocations are bytecode allocation sites executed in included classes, "
            + "before escape analysis; JMH's gc.alloc.rate.norm is bytes allocated after it";

    private Report() {
    }

    static String json(Counters counters, Map<String, String> agentInfo) {
        // Snapshot first: the report's own work must not be in it.
        long[] totals = counters.totals();
        Object[] rows = counters.byThread();
        String[] classNames = counters.classNames();

        Json j = new Json().beginObject();
        j.name("agent").beginObject();
        for (Map.Entry<String, String> e : agentInfo.entrySet()) {
            j.field(e.getKey(), e.getValue());
        }
        j.field("reportedAt", Instant.now().toString());
        j.field("warnings", counters.warnings());
        j.field("allocationNote", ALLOCATION_NOTE);
        j.endObject();

        j.name("locks").beginObject()
                .field("acquired", Counters.acquired(totals))
                .field("contended", Counters.at(totals, LabCounters.CONTENDED));
        kinds(j, totals);
        j.endObject();
        j.field("parks", Counters.at(totals, LabCounters.PARK));
        j.name("allocations").beginObject().field("count", Counters.allocations(totals));
        byClass(j, "byClass", totals, classNames);
        j.endObject();

        j.name("threads").beginObject();
        for (Map.Entry<String, long[]> e : threadsByName(rows).entrySet()) {
            long[] c = e.getValue();
            j.name(e.getKey()).beginObject()
                    .field("locks", Counters.acquired(c))
                    .field("contended", Counters.at(c, LabCounters.CONTENDED))
                    .field("parks", Counters.at(c, LabCounters.PARK))
                    .field("allocations", Counters.allocations(c));
            kinds(j, c);
            byClass(j, "allocationsByClass", c, classNames);
            j.endObject();
        }
        j.endObject();
        return j.endObject().toString();
    }

    private static void kinds(Json j, long[] c) {
        j.name("byKind").beginObject();
        for (int k = 0; k < KINDS.length; k++) {
            j.field(KINDS[k], Counters.at(c, k));
        }
        j.endObject();
    }

    private static void byClass(Json j, String name, long[] c, String[] classNames) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < classNames.length; id++) {
            if (Counters.at(c, LabCounters.ALLOC_BASE + id) != 0) {
                ids.add(id);
            }
        }
        ids.sort((a, b) -> {
            int cmp = Long.compare(c[LabCounters.ALLOC_BASE + b], c[LabCounters.ALLOC_BASE + a]);
            return cmp != 0 ? cmp : classNames[a].compareTo(classNames[b]);
        });
        j.name(name).beginObject();
        for (int id : ids) {
            j.field(classNames[id], c[LabCounters.ALLOC_BASE + id]);
        }
        j.endObject();
    }

    /** Sums rows of equal thread name; drops threads that counted nothing. */
    static Map<String, long[]> threadsByName(Object[] rows) {
        String[] names = (String[]) rows[0];
        long[][] counts = (long[][]) rows[1];
        Map<String, long[]> byName = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            long[] c = counts[i];
            boolean any = false;
            for (long v : c) {
                any |= v != 0;
            }
            if (!any) {
                continue;
            }
            long[] sum = byName.get(names[i]);
            if (sum == null || sum.length < c.length) {
                long[] grown = new long[c.length];
                if (sum != null) {
                    System.arraycopy(sum, 0, grown, 0, sum.length);
                }
                sum = grown;
                byName.put(names[i], sum);
            }
            for (int k = 0; k < c.length; k++) {
                sum[k] += c[k];
            }
        }
        return byName;
    }

    /** Writes atomically: a temporary file beside the target, then a rename. */
    static void write(Path path, String json) throws IOException {
        Path abs = path.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        Files.write(tmp, json.getBytes(StandardCharsets.UTF_8));
        try {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException atomicNotSupported) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
