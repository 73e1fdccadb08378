package lab.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lab.agent.runtime.LabCounters;

/**
 * The report of one counting window, as JSON (schema {@value #SCHEMA}; the README's "Report"
 * section documents every field and what changed from schema 1):
 *
 * <pre>
 * {"schema":2,
 *  "agent":{"version":…,"options":…,"mode":"premain|agentmain","selfTest":"ok|FAILED: …",…},
 *  "window":{"number":1,"start":…,"end":…,"seconds":S,"duration":"PT10S"|null,"endedBy":"duration|exit"},
 *  "instrumentation":{"complete":true,"includes":[…],"classes":N,"byPattern":{…},"failed":{…},…},
 *  "locks":{"acquired":N,"contended":N,"contendedShare":F,"byKind":{"ReentrantLock":N,…,"monitor":N}},
 *  "parks":N,
 *  "allocations":{"count":N,"byClass":{"a.b.C":N,…}},
 *  "threads":{"&lt;thread name&gt;":{"locks":N,"contended":N,"parks":N,"allocations":N,"byKind":{…},"allocationsByClass":{…}}}}
 * </pre>
 *
 * Counts are what happened inside the window. {@code threads} sums every thread (live or exited)
 * that bore the same name and leaves out threads that counted nothing. {@code byClass} is ordered
 * by count, highest first.
 */
final class Report {

    static final int SCHEMA = 2;
    static final String[] KINDS = {"ReentrantLock", "ReadLock", "WriteLock", "StampedLock", "monitor"};
    static final String ALLOCATION_NOTE = "allocations are bytecode allocation sites executed in included classes, "
            + "before escape analysis; JMH's gc.alloc.rate.norm is bytes allocated after it";

    private Report() {
    }

    /** The counters read at one instant (the window's end). */
    static final class Snapshot {
        final long[] totals;
        final Object[] rows;
        final String[] classNames;

        private Snapshot(long[] totals, Object[] rows, String[] classNames) {
            this.totals = totals;
            this.rows = rows;
            this.classNames = classNames;
        }

        static Snapshot take(Counters counters) {
            return new Snapshot(counters.totals(), counters.byThread(), counters.classNames());
        }
    }

    static String json(Window w, Snapshot snapshot) {
        long[] totals = snapshot.totals;
        String[] classNames = snapshot.classNames;

        Json j = new Json().beginObject();
        j.field("schema", SCHEMA);
        j.name("agent").beginObject();
        for (Map.Entry<String, String> e : w.agentInfo().entrySet()) {
            j.field(e.getKey(), e.getValue());
        }
        j.field("selfTest", w.selfTest);
        j.field("reportedAt", Instant.now().toString());
        j.field("warnings", w.warnings());
        j.field("allocationNote", ALLOCATION_NOTE);
        j.endObject();

        window(j, w);
        instrumentation(j, w);

        long acquired = Counters.acquired(totals);
        long contended = Counters.at(totals, LabCounters.CONTENDED);
        j.name("locks").beginObject()
                .field("acquired", acquired)
                .field("contended", contended)
                .field("contendedShare", acquired == 0 ? Double.NaN : (double) contended / acquired);
        kinds(j, totals);
        j.endObject();
        j.field("parks", Counters.at(totals, LabCounters.PARK));
        j.name("allocations").beginObject().field("count", Counters.allocations(totals));
        byClass(j, "byClass", totals, classNames);
        j.endObject();

        j.name("threads").beginObject();
        for (Map.Entry<String, long[]> e : threadsByName(snapshot.rows).entrySet()) {
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

    private static void window(Json j, Window w) {
        Instant start = w.start();
        Instant end = w.endInstant();
        j.name("window").beginObject()
                .field("number", w.number)
                .field("start", start.toString())
                .field("end", end.toString())
                .field("seconds", Duration.between(start, end).toNanos() / 1e9)
                .field("duration", w.options.duration() == null ? null : w.options.duration().toString())
                .field("endedBy", w.endedBy())
                .endObject();
    }

    private static void instrumentation(Json j, Window w) {
        Instrumenter.Installed in = w.installed;
        j.name("instrumentation").beginObject()
                .field("complete", w.complete())
                .field("installSeconds", in.seconds);
        j.name("includes").beginArray();
        for (String p : w.options.includes()) {
            j.value(p);
        }
        j.endArray();
        j.name("excludes").beginArray();
        for (String p : w.options.excludes()) {
            j.value(p);
        }
        j.endArray();
        j.field("classes", in.recorder.includedNames().size())
                .field("atInstall", in.atInstall.size())
                .field("loadedDuringWindow", in.recorder.loadedLater().size())
                .field("notModifiable", in.notModifiable);
        j.name("byPattern").beginObject();
        for (Map.Entry<String, Integer> e : w.classesByPattern().entrySet()) {
            j.field(e.getKey(), e.getValue());
        }
        j.endObject();
        j.name("failed").beginObject();
        for (Map.Entry<String, String> e : in.recorder.failures().entrySet()) {
            j.field(e.getKey(), e.getValue());
        }
        j.endObject();
        j.name("lockClassFailures").beginArray();
        for (String f : in.lockClassFailures) {
            j.value(f);
        }
        j.endArray();
        j.endObject();
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
