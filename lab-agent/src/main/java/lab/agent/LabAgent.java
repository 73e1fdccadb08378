package lab.agent;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lab.agent.runtime.LabCounters;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The agent's façade: {@code premain} ({@code -javaagent:lab-agent.jar[=OPTIONS]}),
 * {@code agentmain} (attach) and {@code main} ({@code java -jar lab-agent.jar attach PID [OPTIONS]}).
 *
 * <p>Each agent start opens a counting {@link Window}. Install order matters: (1) parse options,
 * failing on an unknown one; (2) put the counters class on the bootstrap path (once per JVM);
 * (3) install and verify the transformers ({@link Instrumenter}: JDK lock classes and every loaded
 * included class retransformed first); (4) run the self-test; (5) print a loud banner if (3) or
 * (4) found anything; (6) start the window, so its counts begin only once counting is in effect.
 *
 * <p>One window at a time: an attach while a window counts is refused with the reason (a
 * {@code -javaagent} window counts until the JVM exits). After an attached window's
 * {@code duration} ended and its instrumentation was removed, the next attach opens window 2, and
 * so on. The attaching command learns what happened from the system property
 * {@value #ANSWER_PROPERTY}, which {@code agentmain} sets before it returns:
 * {@code "ok|incomplete|refused|failed: <what>"}.
 */
public final class LabAgent {

    /** The target's answer to an attach, read back by {@link Attach}. */
    static final String ANSWER_PROPERTY = "lab.agent.attach";

    private static final String BANNER = "#".repeat(100);

    // --- guarded by LabAgent.class ---
    /** The last window opened by this class in this JVM (ended or not), or null. */
    private static Window current;
    private static int windows;
    private static int attaches;
    private static final Set<Path> REPORT_PATHS = new HashSet<>();

    private LabAgent() {
    }

    public static void premain(String options, Instrumentation inst) {
        start(options, inst, "premain");
    }

    public static void agentmain(String options, Instrumentation inst) {
        start(options, inst, "agentmain");
    }

    /** {@code java -jar lab-agent.jar attach PID [OPTIONS]}. */
    public static void main(String[] args) {
        System.exit(Attach.run(args));
    }

    private static synchronized void start(String rawOptions, Instrumentation inst, String mode) {
        boolean attached = mode.equals("agentmain");
        attaches++;
        AgentOptions options;
        try {
            options = AgentOptions.parse(rawOptions);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            answer("failed", e.getMessage());
            if (attached) {
                return;
            }
            throw e;
        }
        Counters existing = Counters.find();
        if (existing != null) {
            String refusal = refusal(existing);
            if (refusal != null) {
                System.err.println("lab-agent: " + refusal + "; ignoring the new agent (options '" + options.raw() + "')");
                answer("refused", refusal);
                return;
            }
        }
        try {
            Window w = open(options, inst, mode, existing == null);
            if (attached || w.reportPath != null || options.upload() != null) {
                // (A -javaagent without a report, e.g. in each JMH fork, stays quiet when all is well.)
                System.err.println("lab-agent: " + w.summary());
            }
            answer(w.complete() ? "ok" : "incomplete", w.summary()
                    + (w.complete() ? "" : "\nINCOMPLETE: " + incompleteness(w)));
        } catch (Throwable t) {
            loud(List.of("install failed: " + t));
            t.printStackTrace();
            answer("failed", "install failed: " + t);
            if (attached) {
                return;
            }
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            throw new IllegalStateException("lab-agent: install failed", t);
        }
    }

    /** Why a new window cannot open now, or null if it can. */
    private static String refusal(Counters existing) {
        if (current == null) {
            return "another lab-agent is already installed in this JVM (options '" + existing.options() + "')";
        }
        if (!current.ended()) {
            Instant until = current.plannedEnd();
            return "window " + current.number + " is counting since " + current.start()
                    + (until == null ? " until the JVM exits" : " until " + until)
                    + " (options '" + current.options.raw() + "'); attach again once it has ended";
        }
        if (!"removed".equals(existing.state())) {
            return "window " + current.number + " has ended but its instrumentation is not removed (state '"
                    + existing.state() + "')";
        }
        return null;
    }

    private static Window open(AgentOptions options, Instrumentation inst, String mode, boolean first) throws Exception {
        String startedAt = Instant.now().toString();
        Class<?> countersClass = first ? BootstrapInjector.inject(inst) : Class.forName(LabCounters.NAME, false, null);
        Counters counters = Counters.find();
        counters.setOptions(options.raw());
        counters.clearWarnings();

        Instrumenter.Installed installed = Instrumenter.install(options, inst, counters, countersClass);
        List<String> failures = new ArrayList<>(installed.lockClassFailures);
        failures.addAll(SelfTest.run(counters));
        String status = failures.isEmpty() ? "ok" : "FAILED: " + String.join("; ", failures);
        if (counters.warnings() != null) {
            loudWarning(counters.warnings());
        }
        if (!failures.isEmpty()) {
            loud(failures);
        }

        Map<String, String> info = new LinkedHashMap<>();
        info.put("version", version());
        info.put("options", options.raw());
        info.put("mode", mode);
        info.put("includes", String.join(":", options.includes()));
        info.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        info.put("pid", Long.toString(ProcessHandle.current().pid()));
        info.put("startedAt", startedAt);
        int number = ++windows;
        Window w = new Window(number, options, installed, status, reportPath(options.report(), number), counters, info);
        w.begin();
        // Published once the window has started: whoever waits for the status counts inside it.
        counters.setStatus(status);
        counters.setState("counting");
        current = w;
        scheduleEnd(w, inst);
        return w;
    }

    /**
     * The report file of window {@code number}: {@code %p} is the pid, {@code %w} the window number;
     * a path without {@code %w} that an earlier window of this JVM already used gets "-&lt;number&gt;"
     * before its extension ({@code counters.json} → {@code counters-2.json}), so no window's report
     * overwrites another's.
     */
    static Path reportPath(String template, int number) {
        if (template == null) {
            return null;
        }
        Path path = Paths.get(template.replace("%p", Long.toString(ProcessHandle.current().pid()))
                .replace("%w", Integer.toString(number))).toAbsolutePath();
        if (REPORT_PATHS.contains(path)) {
            String name = path.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String numbered = dot > 0 ? name.substring(0, dot) + "-" + number + name.substring(dot) : name + "-" + number;
            path = path.resolveSibling(numbered);
        }
        REPORT_PATHS.add(path);
        return path;
    }

    private static void scheduleEnd(Window w, Instrumentation inst) {
        long pid = ProcessHandle.current().pid();
        boolean delivers = w.reportPath != null || w.options.upload() != null;
        if (delivers) {
            // Also ends a window with a duration if the JVM exits first.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> end(w, "exit", null, pid), "lab-agent-report-" + w.number));
        }
        if (w.options.duration() == null) {
            return;
        }
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(w.options.duration().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            end(w, "duration", inst, pid);
        }, "lab-agent-duration-" + w.number);
        timer.setDaemon(true);
        timer.start();
    }

    /** Ends the window (once), delivers its report, and with {@code inst} removes the instrumentation. */
    private static void end(Window w, String by, Instrumentation inst, long pid) {
        synchronized (LabAgent.class) {
            String json = w.end(by);
            if (json != null && (w.reportPath != null || w.options.upload() != null)) {
                Delivery.deliver(json, w.reportPath, w.options.upload(), w.number, pid);
            }
            if (inst == null) {
                return;
            }
            Counters counters = Counters.find();
            try {
                w.installed.transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
                System.err.println("lab-agent: window " + w.number + " (duration " + w.options.duration()
                        + ") over; instrumentation removed");
                counters.setState("removed"); // last: whoever waits for it also sees the message
            } catch (Throwable t) {
                System.err.println("lab-agent: could not remove the instrumentation of window " + w.number + ": " + t);
            }
        }
    }

    private static String incompleteness(Window w) {
        List<String> what = new ArrayList<>(w.installed.lockClassFailures);
        if (!"ok".equals(w.selfTest)) {
            what.add("self-test " + w.selfTest);
        }
        Map<String, String> failed = w.installed.recorder.failures();
        if (!failed.isEmpty()) {
            what.add(failed.size() + " included classes NOT instrumented (their monitors and allocations are not counted): "
                    + failed);
        }
        return String.join("; ", what);
    }

    /** Sets the answer the attaching command reads back ({@link Attach}). */
    private static void answer(String outcome, String text) {
        System.setProperty(ANSWER_PROPERTY, outcome + ": attach " + attaches + ": " + text);
    }

    static String version() {
        String v = LabAgent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Included classes that could not be instrumented: lock counts stay right, their own counts are missing. */
    static void loudWarning(String warnings) {
        System.err.print("\n" + BANNER + "\n## lab-agent: WARNING - these classes could NOT be instrumented; their synchronized "
                + "blocks and allocations are NOT counted:\n##   " + warnings + "\n" + BANNER + "\n");
        System.err.flush();
    }

    static void loud(List<String> failures) {
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append(BANNER).append('\n');
        sb.append("## lab-agent: SELF-TEST FAILED - the counts from this JVM are WRONG. What failed:\n");
        for (String f : failures) {
            sb.append("##   - ").append(f).append('\n');
        }
        sb.append(BANNER).append('\n');
        System.err.print(sb);
        System.err.flush();
    }
}
