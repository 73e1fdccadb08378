package lab.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One counting window: from the moment an agent's instrumentation is in effect and verified
 * ({@link #begin()}) to the end of its {@code duration} or the JVM's exit ({@link #end(String)}).
 * The report of a window counts exactly what happened between the two counter snapshots, and
 * states the window's real start and end, so rates per second are right whatever the install
 * cost. A JVM has one window at a time; after an attached window ended, a new attach opens the
 * next one (numbered 1, 2, …).
 */
final class Window {

    /** A window's timestamps are taken within this of its counter snapshot (retried otherwise). */
    private static final long SNAPSHOT_SLACK_NANOS = 1_000_000;

    final int number;
    final AgentOptions options;
    final Instrumenter.Installed installed;
    final String selfTest;
    /** Where the report goes (the {@code report=} template resolved), or null. */
    final Path reportPath;
    private final Counters counters;
    private final Map<String, String> agentInfo;

    private Instant start;
    private Instant end;
    private String endedBy;

    Window(int number, AgentOptions options, Instrumenter.Installed installed, String selfTest, Path reportPath,
            Counters counters, Map<String, String> agentInfo) {
        this.number = number;
        this.options = options;
        this.installed = installed;
        this.selfTest = selfTest;
        this.reportPath = reportPath;
        this.counters = counters;
        this.agentInfo = agentInfo;
    }

    /** Starts counting from zero, now. */
    synchronized void begin() {
        for (int attempt = 0; ; attempt++) {
            long t0 = System.nanoTime();
            Instant now = Instant.now();
            counters.startWindow();
            // A timestamp far from its snapshot (the thread was preempted in between) would skew rates: retake both.
            if (System.nanoTime() - t0 <= SNAPSHOT_SLACK_NANOS || attempt == 4) {
                start = now;
                return;
            }
        }
    }

    synchronized boolean ended() {
        return end != null;
    }

    synchronized Instant start() {
        return start;
    }

    /** The planned end (start + duration), or null when the window lasts until the JVM exits. */
    synchronized Instant plannedEnd() {
        return options.duration() == null ? null : start.plus(options.duration());
    }

    /**
     * Whether every counter is trustworthy: JDK lock classes instrumented, self-test passed, and
     * every included class that is loaded was instrumented.
     */
    boolean complete() {
        return installed.lockClassFailures.isEmpty() && "ok".equals(selfTest) && installed.recorder.errors.isEmpty();
    }

    /**
     * Ends the window once (later calls return null): takes the counters, and returns the report.
     *
     * @param by "duration" or "exit"
     */
    synchronized String end(String by) {
        if (end != null) {
            return null;
        }
        Report.Snapshot snapshot;
        Instant now;
        for (int attempt = 0; ; attempt++) {
            long t0 = System.nanoTime();
            now = Instant.now();
            snapshot = Report.Snapshot.take(counters);
            if (System.nanoTime() - t0 <= SNAPSHOT_SLACK_NANOS || attempt == 4) {
                break;
            }
        }
        end = now;
        endedBy = by;
        return Report.json(this, snapshot);
    }

    synchronized Instant endInstant() {
        return end;
    }

    synchronized String endedBy() {
        return endedBy;
    }

    Map<String, String> agentInfo() {
        return agentInfo;
    }

    String warnings() {
        return counters.warnings();
    }

    /** Included classes instrumented (at install and loaded since), counted by the first pattern each matches. */
    Map<String, Integer> classesByPattern() {
        Map<String, Integer> byPattern = new TreeMap<>();
        for (String pattern : options.includes()) {
            byPattern.put(pattern, 0);
        }
        for (String name : installed.recorder.includedNames()) {
            String pattern = options.includePatternOf(name);
            if (pattern != null) {
                byPattern.merge(pattern, 1, Integer::sum);
            }
        }
        return byPattern;
    }

    /** One line for the attaching command and the target's stderr: what counts, since when, until when, and where the report goes. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("window ").append(number).append(" counting since ").append(start());
        Duration d = options.duration();
        sb.append(d == null ? " until the JVM exits" : " for " + d.toString().substring(2).toLowerCase()
                + " (until " + plannedEnd() + ")");
        sb.append("; ").append(installed.recorder.includedNames().size()).append(" included classes instrumented");
        if (!options.includes().isEmpty()) {
            sb.append(' ').append(classesByPattern());
        }
        sb.append(" (").append(String.format("%.1f", installed.seconds)).append(" s to install and verify)");
        sb.append("; report ").append(reportPath == null ? "not written to a file" : "to " + reportPath);
        if (options.upload() != null) {
            sb.append(", uploaded to ").append(options.upload());
        }
        if (reportPath == null && options.upload() == null) {
            sb.append(" (no report= or upload= given: the counts stay in this JVM)");
        }
        return sb.toString();
    }
}
