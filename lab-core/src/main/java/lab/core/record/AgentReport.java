package lab.core.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A lab agent report ({@code -javaagent:lab-agent.jar=report=…}, {@code attach … duration=}, or
 * {@code upload=}), as an agent run stores it verbatim in {@code agent.json}: lock acquisitions,
 * contended acquisitions, parks and allocation sites executed during one counting window, in total,
 * by kind, by class and by thread. lab-agent's README defines the format (schema 2; schema 1 had no
 * window nor instrumentation: its window is read as {@code agent.startedAt → agent.reportedAt}).
 * {@link AgentReports#parse} reads and validates one.
 *
 * <p>Every count is exact — the agent counts every event, it does not sample — and is one
 * observation of one window: there is no spread to give it, and nothing to test a change of it
 * against. Rates are per second of the window ({@link Window#seconds}).
 *
 * @param schema          the report's format version (1 when it names none)
 * @param instrumentation what was instrumented; null in schema 1
 * @param threads         per thread name, in the report's order
 */
public record AgentReport(int schema, Agent agent, Window window, Instrumentation instrumentation, Locks locks, long parks,
                          Allocations allocations, List<ThreadCounts> threads) {

    /** The newest report format this lab knows (lab-agent's {@code Report.SCHEMA}). */
    public static final int SCHEMA = 2;

    public AgentReport {
        threads = List.copyOf(threads);
    }

    /**
     * Who counted.
     *
     * @param mode     {@code premain} (-javaagent) or {@code agentmain} (attached)
     * @param selfTest {@code ok}, or {@code FAILED: …}: then the lock counts are wrong
     * @param warnings classes that could not be instrumented, as the agent wrote them; null for none
     */
    public record Agent(String version, String options, String mode, String includes, String jvm, String pid,
                        Instant startedAt, String selfTest, Instant reportedAt, String warnings) {

        public boolean selfTestPassed() {
            return selfTest == null || selfTest.equals("ok");
        }
    }

    /**
     * The counting window: every count happened between {@code start} and {@code end}.
     *
     * @param seconds  {@code end − start}: the denominator of every rate
     * @param duration the {@code duration} option (ISO-8601), or null
     * @param endedBy  {@code duration} or {@code exit}; null when the report does not say (schema 1)
     * @param inferred the window is read from the agent's start and report times (schema 1): it
     *                 includes the install and the self-test
     */
    public record Window(int number, Instant start, Instant end, double seconds, String duration, String endedBy,
                         boolean inferred) {
    }

    /**
     * What the agent instrumented (schema 2).
     *
     * @param complete          every count is trustworthy: lock classes instrumented, self-test passed,
     *                          no included class failed
     * @param classes           included classes instrumented
     * @param byPattern         those classes per {@code includes} pattern
     * @param failed            class → why it could not be instrumented
     * @param lockClassFailures JDK lock classes not instrumented
     */
    public record Instrumentation(boolean complete, double installSeconds, List<String> includes, List<String> excludes,
                                  long classes, long atInstall, long loadedDuringWindow, long notModifiable,
                                  Map<String, Long> byPattern, Map<String, String> failed, List<String> lockClassFailures) {

        public Instrumentation {
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
            byPattern = AgentReports.ordered(byPattern);
            failed = AgentReports.ordered(failed);
            lockClassFailures = List.copyOf(lockClassFailures);
        }
    }

    /** Lock acquisitions, all kinds, and those that went through the JDK's queued slow path. */
    public record Locks(long acquired, long contended, Map<String, Long> byKind) {

        public Locks {
            byKind = AgentReports.ordered(byKind);
        }

        /** contended / acquired; NaN when nothing was acquired. */
        public double contendedShare() {
            return acquired == 0 ? Double.NaN : (double) contended / acquired;
        }
    }

    /** Allocation sites executed in included classes, by allocated class (before escape analysis). */
    public record Allocations(long count, Map<String, Long> byClass) {

        public Allocations {
            byClass = AgentReports.ordered(byClass);
        }

        /** Classes by count, highest first (then by name): the report's order is not trusted. */
        public List<Map.Entry<String, Long>> ranked() {
            return AgentReports.ranked(byClass);
        }
    }

    /** One thread name's counts in the window (threads that bore the same name are summed by the agent). */
    public record ThreadCounts(String name, long locks, long contended, long parks, long allocations,
                               Map<String, Long> byKind, Map<String, Long> allocationsByClass) {

        public ThreadCounts {
            byKind = AgentReports.ordered(byKind);
            allocationsByClass = AgentReports.ordered(allocationsByClass);
        }
    }

    /** A count per second of the window; NaN when the window has no length. */
    public double rate(long count) {
        return window.seconds() > 0 ? count / window.seconds() : Double.NaN;
    }

    /** Threads by lock acquisitions, then allocations, then name: the busiest first. */
    public List<ThreadCounts> threadsByActivity() {
        List<ThreadCounts> out = new ArrayList<>(threads);
        out.sort(Comparator.comparingLong(ThreadCounts::locks).reversed()
                .thenComparing(Comparator.comparingLong(ThreadCounts::allocations).reversed())
                .thenComparing(ThreadCounts::name));
        return out;
    }

    /** What a reader must know before trusting the counts: failed self-test, missing classes, an inferred window. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (schema > SCHEMA) {
            out.add("written by a newer lab agent (report schema " + schema + "); fields it added are not shown");
        }
        if (!agent.selfTestPassed()) {
            out.add("the agent's self-test failed (" + agent.selfTest() + "): the lock counts are wrong");
        }
        if (window.inferred()) {
            out.add("report schema 1: the window is read as the agent's start to its report, so it includes the agent's "
                    + "install and self-test, and rates from it are too low when the agent was attached");
        }
        if (instrumentation != null) {
            if (!instrumentation.lockClassFailures().isEmpty()) {
                out.add("JDK lock classes not instrumented (lock counts are wrong): "
                        + String.join(", ", instrumentation.lockClassFailures()));
            }
            if (!instrumentation.failed().isEmpty()) {
                out.add(instrumentation.failed().size() + " included class" + (instrumentation.failed().size() == 1 ? "" : "es")
                        + " could not be instrumented (their monitors and allocations are not counted): "
                        + String.join(", ", instrumentation.failed().keySet().stream().limit(10).toList())
                        + (instrumentation.failed().size() > 10 ? ", …" : ""));
            }
            if (!instrumentation.complete() && instrumentation.failed().isEmpty() && instrumentation.lockClassFailures().isEmpty()
                    && agent.selfTestPassed()) {
                out.add("the agent reports its instrumentation as incomplete");
            }
        } else if (agent.warnings() != null && !agent.warnings().isBlank()) {
            out.add("classes not instrumented: " + agent.warnings());
        }
        return out;
    }
}
