package lab.agent;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import lab.agent.transform.AllocationTransformer;
import lab.agent.transform.ContentionTransformer;
import lab.agent.transform.IncludedTypes;
import lab.agent.transform.LockAcquisitionTransformer;
import lab.agent.transform.MonitorTransformer;
import lab.agent.transform.ParkTransformer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The agent's façade: {@code premain} ({@code -javaagent:lab-agent.jar[=OPTIONS]}),
 * {@code agentmain} (attach) and {@code main} ({@code java -jar lab-agent.jar attach PID [OPTIONS]}).
 *
 * <p>Install order matters: (1) parse options, failing on an unknown one; (2) put the counters
 * class on the bootstrap path; (3) load every JDK target class so that retransformation sees it
 * (a class first loaded while Byte Buddy installs can be silently skipped); (4) install the
 * transformers with Byte Buddy's default ignore matcher replaced (it skips the JDK, which is what
 * we instrument), retransforming what is loaded; (5) verify every target was transformed; (6) run
 * the self-test; (7) print a loud banner if (5) or (6) found anything.
 */
public final class LabAgent {

    private static final String BANNER = "#".repeat(100);

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
        AgentOptions options;
        try {
            options = AgentOptions.parse(rawOptions);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            throw e;
        }
        Counters existing = Counters.find();
        if (existing != null) {
            System.err.println("lab-agent: already installed in this JVM (options '" + existing.options()
                    + "'); ignoring the second agent (options '" + options.raw() + "')");
            return;
        }
        try {
            install(options, inst, mode);
        } catch (Throwable t) {
            loud(List.of("install failed: " + t));
            t.printStackTrace();
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            throw new IllegalStateException("lab-agent: install failed", t);
        }
    }

    private static void install(AgentOptions options, Instrumentation inst, String mode) throws Exception {
        String startedAt = Instant.now().toString();
        Class<?> countersClass = BootstrapInjector.inject(inst);
        Counters counters = Counters.find();
        counters.setOptions(options.raw());

        List<String> targets = new ArrayList<>();
        targets.addAll(LockAcquisitionTransformer.TARGETS);
        targets.addAll(ContentionTransformer.TARGETS);
        targets.addAll(ParkTransformer.TARGETS);
        for (String target : targets) {
            Class.forName(target, true, null);
        }
        // java.base must read the bootstrap loader's unnamed module to link the inlined calls.
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Set.of(countersClass.getModule()), Map.of(), Map.of(), Set.of(), Map.of());

        // We never inject helper classes (disableClassFormatChanges), so Byte Buddy's Nexus is not
        // needed; creating it touches sun.misc.Unsafe, which JDK 24+ warns about on stderr. The
        // property is in our relocated namespace, so it affects no other Byte Buddy in the JVM.
        String byteBuddy = AgentBuilder.class.getPackage().getName().replace(".agent.builder", "");
        if (System.getProperty(byteBuddy + ".nexus.disabled") == null) {
            System.setProperty(byteBuddy + ".nexus.disabled", "true");
        }
        Recorder recorder = new Recorder(counters);
        IncludedTypes included = new IncludedTypes(options);
        // Byte Buddy skips synthetic methods by default; lambda bodies are synthetic and allocate.
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().ignore(none()))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                // The lock classes retransform in their own batch, and a failing batch is split and
                // retried: a class of 'includes' the JVM rejects must not take lock counting down.
                .with(new AgentBuilder.RedefinitionStrategy.BatchAllocator.ForMatchedGrouping(namedOneOf(
                        targets.toArray(new String[0]))))
                .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
                .with(AgentBuilder.RedefinitionStrategy.Listener.BatchReallocator.splitting())
                .with(new AgentBuilder.RedefinitionStrategy.Listener.Adapter() {
                    @Override
                    public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable error,
                            List<Class<?>> types) {
                        if (batch.size() == 1) {
                            recorder.failed(batch.get(0).getName(), error);
                        }
                        return Collections.emptyList();
                    }
                })
                .with(recorder)
                // Replaces the default ignore matcher, which skips bootstrap (JDK) classes.
                .ignore(nameStartsWith("net.bytebuddy.").or(new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
                    @Override
                    public boolean matches(TypeDescription type) {
                        return IncludedTypes.isAgentClass(type.getName());
                    }
                }))
                .assureReadEdgeTo(inst, countersClass);
        builder = LockAcquisitionTransformer.apply(builder);
        builder = ContentionTransformer.apply(builder);
        builder = ParkTransformer.apply(builder);
        builder = MonitorTransformer.apply(builder, included);
        builder = AllocationTransformer.apply(builder, included, counters);
        ResettableClassFileTransformer transformer = builder.installOn(inst);

        List<String> failures = new ArrayList<>();
        for (String target : targets) {
            if (!recorder.transformed.contains(target) || recorder.errors.containsKey(target)) {
                failures.add("not instrumented: " + target
                        + (recorder.errors.containsKey(target) ? " (" + recorder.errors.get(target) + ")" : ""));
            }
        }
        failures.addAll(SelfTest.run(counters));
        String status = failures.isEmpty() ? "ok" : "FAILED: " + String.join("; ", failures);
        recorder.installed = true;
        if (counters.warnings() != null) {
            loudWarning(counters.warnings());
        }
        counters.setStatus(status);
        counters.setState("counting");
        if (!failures.isEmpty()) {
            loud(failures);
        }

        Map<String, String> info = new LinkedHashMap<>();
        info.put("version", version());
        info.put("options", options.raw());
        info.put("mode", mode);
        info.put("selfTest", status);
        info.put("includes", String.join(":", options.includes()));
        info.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        info.put("pid", Long.toString(ProcessHandle.current().pid()));
        info.put("startedAt", startedAt);
        scheduleReport(options, counters, info, inst, transformer);
    }

    private static void scheduleReport(AgentOptions options, Counters counters, Map<String, String> info,
            Instrumentation inst, ResettableClassFileTransformer transformer) {
        if (options.report() == null && options.duration() == null) {
            return;
        }
        AtomicBoolean done = new AtomicBoolean();
        // "%p" in the path is this JVM's pid (one report per JMH fork, say).
        Path path = options.report() == null ? null
                : Paths.get(options.report().replace("%p", Long.toString(ProcessHandle.current().pid()))).toAbsolutePath();
        Runnable report = () -> {
            if (path != null && done.compareAndSet(false, true)) {
                try {
                    Report.write(path, Report.json(counters, info));
                    System.err.println("lab-agent: report written to " + path);
                } catch (Throwable t) {
                    System.err.println("lab-agent: could not write the report to " + path + ": " + t);
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(report, "lab-agent-report"));
        if (options.duration() != null) {
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(options.duration().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                report.run();
                // Counting is over: restore the original classes.
                try {
                    transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
                    System.err.println("lab-agent: duration " + options.duration() + " over; instrumentation removed");
                    counters.setState("removed"); // last: whoever waits for it also sees the message
                } catch (Throwable t) {
                    System.err.println("lab-agent: could not remove the instrumentation: " + t);
                }
            }, "lab-agent-duration");
            timer.setDaemon(true);
            timer.start();
        }
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

    /** Records which types were transformed and which failed, for the post-install verification. */
    private static final class Recorder extends AgentBuilder.Listener.Adapter {
        final Set<String> transformed = Collections.newSetFromMap(new ConcurrentHashMap<>());
        final Map<String, String> errors = Collections.synchronizedMap(new HashMap<>());
        private final Counters counters;
        /** After install, each new failure is announced on its own; before, they are summed up once. */
        volatile boolean installed;

        Recorder(Counters counters) {
            this.counters = counters;
        }

        void failed(String typeName, Throwable error) {
            errors.put(typeName, String.valueOf(error));
            String warning = typeName + ": " + error;
            counters.addWarning(warning);
            if (installed) {
                loudWarning(warning);
            }
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            transformed.add(type.getName());
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            failed(typeName, error);
        }
    }
}
