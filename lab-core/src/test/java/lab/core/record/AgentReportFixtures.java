package lab.core.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * Agent reports as lab-agent writes them (schema 2, its README's example shape), built field by
 * field so that a test states the counts it expects. Every count of the report is on one thread,
 * "main", unless {@link #thread} adds others.
 */
public final class AgentReportFixtures {

    public static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private AgentReportFixtures() {
    }

    public static ObjectNode report(double seconds, Map<String, Long> byKind, long contended, long parks, Map<String, Long> byClass) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("schema", 2);
        ObjectNode agent = r.putObject("agent");
        agent.put("version", "0.1.0-SNAPSHOT");
        agent.put("options", "includes=demo.*,report=counters.json");
        agent.put("mode", "premain");
        agent.put("includes", "demo.*");
        agent.put("jvm", "OpenJDK 64-Bit Server VM 17.0.15+6");
        agent.put("pid", "4242");
        agent.put("startedAt", START.minusSeconds(1).toString());
        agent.put("selfTest", "ok");
        agent.put("reportedAt", START.plusMillis((long) (seconds * 1000) + 5).toString());
        agent.putNull("warnings");
        agent.put("allocationNote", "allocation sites executed in included classes, before escape analysis");
        ObjectNode w = r.putObject("window");
        w.put("number", 1);
        w.put("start", START.toString());
        w.put("end", START.plusMillis((long) (seconds * 1000)).toString());
        w.put("seconds", seconds);
        w.putNull("duration");
        w.put("endedBy", "exit");
        ObjectNode i = r.putObject("instrumentation");
        i.put("complete", true);
        i.put("installSeconds", 0.4);
        i.putArray("includes").add("demo.*");
        i.putArray("excludes");
        i.put("classes", 2);
        i.put("atInstall", 0);
        i.put("loadedDuringWindow", 2);
        i.put("notModifiable", 0);
        i.putObject("byPattern").put("demo.*", 2);
        i.putObject("failed");
        i.putArray("lockClassFailures");
        ObjectNode locks = r.putObject("locks");
        long acquired = byKind.values().stream().mapToLong(Long::longValue).sum();
        locks.put("acquired", acquired);
        locks.put("contended", contended);
        locks.put("contendedShare", acquired == 0 ? null : (double) contended / acquired);
        ObjectNode kinds = locks.putObject("byKind");
        byKind.forEach(kinds::put);
        r.put("parks", parks);
        ObjectNode allocations = r.putObject("allocations");
        allocations.put("count", byClass.values().stream().mapToLong(Long::longValue).sum());
        ObjectNode classes = allocations.putObject("byClass");
        byClass.forEach(classes::put);
        ObjectNode threads = r.putObject("threads");
        ObjectNode main = threads.putObject("main");
        main.put("locks", acquired);
        main.put("contended", contended);
        main.put("parks", parks);
        main.put("allocations", allocations.get("count").asLong());
        main.set("byKind", kinds.deepCopy());
        main.set("allocationsByClass", classes.deepCopy());
        return r;
    }

    /** A small report: 10 s, 100 ReentrantLock + 20 monitor acquisitions (5 contended), 3 parks, 50 int[] + 10 demo.Node. */
    public static ObjectNode small() {
        return report(10.0, Map.of("ReentrantLock", 100L, "monitor", 20L), 5, 3, Map.of("int[]", 50L, "demo.Node", 10L));
    }

    /** Adds a thread with its own counts (the totals are left as they are). */
    public static ObjectNode thread(ObjectNode report, String name, long locks, long allocations) {
        ObjectNode t = ((ObjectNode) report.get("threads")).putObject(name);
        t.put("locks", locks);
        t.put("contended", 0);
        t.put("parks", 0);
        t.put("allocations", allocations);
        t.putObject("byKind").put("ReentrantLock", locks);
        t.putObject("allocationsByClass");
        return report;
    }

    public static byte[] bytes(ObjectNode report) {
        try {
            return Json.MAPPER.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
