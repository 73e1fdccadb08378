package lab.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a lab agent report ({@link AgentReport}) from its JSON, and refuses what is not one with an
 * {@link AgentReportException} naming the field: the report is stored verbatim and shown on pages,
 * so everything a page reads is checked here first — counts are whole numbers ≥ 0, instants are
 * ISO-8601, the window has a length, and every stored string and map is bounded
 * ({@link ImportLimits#MAX_TEXT}, {@link ImportLimits#MAX_AGENT_THREADS},
 * {@link ImportLimits#MAX_AGENT_ENTRIES}). Fields it does not know are ignored (a newer agent).
 */
public final class AgentReports {

    private int entries;

    private AgentReports() {
    }

    /**
     * Whether the bytes look like an agent report rather than a JMH result: a JSON object (JMH
     * writes an array). Only the first character that is not whitespace is looked at.
     */
    public static boolean looksLikeReport(byte[] json) {
        for (byte b : json) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** @throws AgentReportException with the reason when the bytes are not an agent report the lab can store */
    public static AgentReport parse(byte[] json) {
        JsonNode root;
        try {
            root = JmhResults.tree(json);
        } catch (JmhFormatException e) {
            throw new AgentReportException(e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new AgentReportException("not a lab agent report: the input is empty");
        }
        if (root.isArray()) {
            throw new AgentReportException("not a lab agent report: the top level is an array (a JMH result? "
                    + "those go to ./lab import or POST /api/runs); an agent report is one JSON object");
        }
        if (!root.isObject()) {
            throw new AgentReportException("not a lab agent report: the top level must be an object, found "
                    + JmhResults.describe(root));
        }
        return new AgentReports().report(root);
    }

    private AgentReport report(JsonNode root) {
        for (String field : List.of("agent", "locks", "allocations", "threads")) {
            if (!root.path(field).isObject()) {
                throw new AgentReportException("not a lab agent report: no \"" + field + "\" object (a report of lab-agent's "
                        + "report= or upload= has schema, agent, window, locks, parks, allocations and threads)");
            }
        }
        int schema = 1;
        JsonNode s = root.get("schema");
        if (s != null && !s.isNull()) {
            if (!s.canConvertToInt() || !s.isIntegralNumber() || s.asInt() < 1) {
                throw new AgentReportException("schema: expected a whole number from 1, found " + shown(s));
            }
            schema = s.asInt();
        }
        AgentReport.Agent agent = agent(root.get("agent"));
        AgentReport.Window window = schema >= 2 || root.path("window").isObject()
                ? window(root.get("window"))
                : inferredWindow(agent);
        AgentReport.Instrumentation instrumentation = root.path("instrumentation").isObject()
                ? instrumentation(root.get("instrumentation")) : null;
        JsonNode l = root.get("locks");
        AgentReport.Locks locks = new AgentReport.Locks(count(l.get("acquired"), "locks.acquired"),
                count(l.get("contended"), "locks.contended"), counts(l.get("byKind"), "locks.byKind"));
        long parks = count(root.get("parks"), "parks");
        JsonNode a = root.get("allocations");
        AgentReport.Allocations allocations = new AgentReport.Allocations(count(a.get("count"), "allocations.count"),
                counts(a.get("byClass"), "allocations.byClass"));
        JsonNode t = root.get("threads");
        if (t.size() > ImportLimits.MAX_AGENT_THREADS) {
            throw new AgentReportException(String.format(java.util.Locale.ROOT, "threads: %,d thread names; a report holds at most %,d",
                    t.size(), ImportLimits.MAX_AGENT_THREADS));
        }
        List<AgentReport.ThreadCounts> threads = new ArrayList<>(t.size());
        for (Map.Entry<String, JsonNode> e : t.properties()) {
            String name = text(e.getKey(), "threads: a thread name");
            String where = "threads.\"" + RunId.printable(name) + "\"";
            JsonNode c = e.getValue();
            if (!c.isObject()) {
                throw new AgentReportException(where + ": expected an object of counts, found " + JmhResults.describe(c));
            }
            threads.add(new AgentReport.ThreadCounts(name, count(c.get("locks"), where + ".locks"),
                    count(c.get("contended"), where + ".contended"), count(c.get("parks"), where + ".parks"),
                    count(c.get("allocations"), where + ".allocations"), counts(c.get("byKind"), where + ".byKind"),
                    counts(c.get("allocationsByClass"), where + ".allocationsByClass")));
        }
        return new AgentReport(schema, agent, window, instrumentation, locks, parks, allocations, threads);
    }

    private AgentReport.Agent agent(JsonNode a) {
        return new AgentReport.Agent(text(a, "version", "agent"), text(a, "options", "agent"), text(a, "mode", "agent"),
                text(a, "includes", "agent"), text(a, "jvm", "agent"), text(a, "pid", "agent"),
                instant(a.get("startedAt"), "agent.startedAt", false), text(a, "selfTest", "agent"),
                instant(a.get("reportedAt"), "agent.reportedAt", false), text(a, "warnings", "agent"));
    }

    private AgentReport.Window window(JsonNode w) {
        if (w == null || !w.isObject()) {
            throw new AgentReportException("window: a report of schema 2 has a \"window\" object (start, end, seconds)");
        }
        Instant start = instant(w.get("start"), "window.start", true);
        Instant end = instant(w.get("end"), "window.end", true);
        JsonNode sec = w.get("seconds");
        if (sec == null || !sec.isNumber() || !Double.isFinite(sec.asDouble()) || sec.asDouble() <= 0) {
            throw new AgentReportException("window.seconds: expected the window's length in seconds (a number > 0), found "
                    + (sec == null ? "nothing" : shown(sec)));
        }
        if (end.isBefore(start)) {
            throw new AgentReportException("window: end (" + end + ") is before start (" + start + ")");
        }
        JsonNode n = w.get("number");
        int number = n != null && n.canConvertToInt() && n.asInt() >= 1 ? n.asInt() : 1;
        return new AgentReport.Window(number, start, end, sec.asDouble(), text(w, "duration", "window"),
                text(w, "endedBy", "window"), false);
    }

    /** Schema 1: counts ran from the agent's install to the report. */
    private static AgentReport.Window inferredWindow(AgentReport.Agent agent) {
        if (agent.startedAt() == null || agent.reportedAt() == null) {
            throw new AgentReportException("a report without a window (schema 1) needs agent.startedAt and agent.reportedAt: "
                    + "the window is read as the time between them");
        }
        double seconds = java.time.Duration.between(agent.startedAt(), agent.reportedAt()).toNanos() / 1e9;
        if (!(seconds > 0)) {
            throw new AgentReportException("agent.reportedAt (" + agent.reportedAt() + ") is not after agent.startedAt ("
                    + agent.startedAt() + "): the window has no length");
        }
        return new AgentReport.Window(1, agent.startedAt(), agent.reportedAt(), seconds, null, null, true);
    }

    private AgentReport.Instrumentation instrumentation(JsonNode i) {
        String where = "instrumentation";
        JsonNode is = i.get("installSeconds");
        return new AgentReport.Instrumentation(i.path("complete").asBoolean(false),
                is != null && is.isNumber() ? is.asDouble() : Double.NaN,
                texts(i.get("includes"), where + ".includes"), texts(i.get("excludes"), where + ".excludes"),
                countOr0(i.get("classes"), where + ".classes"), countOr0(i.get("atInstall"), where + ".atInstall"),
                countOr0(i.get("loadedDuringWindow"), where + ".loadedDuringWindow"),
                countOr0(i.get("notModifiable"), where + ".notModifiable"),
                counts(i.get("byPattern"), where + ".byPattern"), reasons(i.get("failed"), where + ".failed"),
                texts(i.get("lockClassFailures"), where + ".lockClassFailures"));
    }

    /** A count: a whole number ≥ 0 (JSON numbers only: a count written as a string is not one). */
    private static long count(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            throw new AgentReportException(where + ": missing (expected a count: a whole number ≥ 0)");
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new AgentReportException(where + ": expected a count (a whole number ≥ 0), found " + shown(n));
        }
        return n.asLong();
    }

    private static long countOr0(JsonNode n, String where) {
        return n == null || n.isNull() ? 0 : count(n, where);
    }

    /** An object of name → count; absent or null is empty. */
    private Map<String, Long> counts(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new AgentReportException(where + ": expected an object of name → count, found " + JmhResults.describe(n));
        }
        entries(n.size(), where);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String name = text(e.getKey(), where + ": a name");
            out.put(name, count(e.getValue(), where + ".\"" + RunId.printable(name) + "\""));
        }
        return out;
    }

    private Map<String, String> reasons(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new AgentReportException(where + ": expected an object of class → reason, found " + JmhResults.describe(n));
        }
        entries(n.size(), where);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String name = text(e.getKey(), where + ": a class name");
            out.put(name, text(n, e.getKey(), where));
        }
        return out;
    }

    private List<String> texts(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new AgentReportException(where + ": expected an array of strings, found " + JmhResults.describe(n));
        }
        entries(n.size(), where);
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new AgentReportException(where + ": expected strings, found " + JmhResults.describe(e));
            }
            out.add(text(e.asText(), where));
        }
        return out;
    }

    private void entries(int more, String where) {
        entries += more;
        if (entries > ImportLimits.MAX_AGENT_ENTRIES) {
            throw new AgentReportException(String.format(java.util.Locale.ROOT,
                    "%s: the report holds more than %,d named counts in all (classes, threads, kinds); the limit is %,d",
                    where, ImportLimits.MAX_AGENT_ENTRIES, ImportLimits.MAX_AGENT_ENTRIES));
        }
    }

    /** An optional string field; anything but a string or null is refused. */
    private static String text(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new AgentReportException(where + "." + field + ": expected a string, found " + JmhResults.describe(n));
        }
        return text(n.asText(), where + "." + field);
    }

    private static String text(String value, String where) {
        if (value.length() > ImportLimits.MAX_TEXT) {
            throw new AgentReportException(String.format(java.util.Locale.ROOT, "%s is %,d characters; the limit is %,d",
                    where, value.length(), ImportLimits.MAX_TEXT));
        }
        return value;
    }

    private static Instant instant(JsonNode n, String where, boolean required) {
        if (n == null || n.isNull()) {
            if (required) {
                throw new AgentReportException(where + ": missing (expected an ISO-8601 instant such as 2026-11-29T14:48:13Z)");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new AgentReportException(where + ": expected an ISO-8601 instant, found " + JmhResults.describe(n));
        }
        try {
            return Instant.parse(text(n.asText(), where));
        } catch (DateTimeParseException e) {
            throw new AgentReportException(where + ": not an ISO-8601 instant: \"" + RunId.printable(n.asText()) + "\"");
        }
    }

    private static String shown(JsonNode n) {
        return n.isValueNode() && !n.isTextual() ? RunId.printable(n.asText()) : JmhResults.describe(n)
                + (n.isTextual() ? " \"" + RunId.printable(n.asText()) + "\"" : "");
    }

    /** An unmodifiable copy that keeps the order (Map.copyOf does not). */
    static <V> Map<String, V> ordered(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Entries by value, highest first, then by name. */
    static List<Map.Entry<String, Long>> ranked(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> out = new ArrayList<>(counts.entrySet());
        out.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.<String, Long>comparingByKey()));
        return out;
    }
}
