package lab.agent;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import lab.agent.transform.AllocationTransformer;
import lab.agent.transform.ContentionTransformer;
import lab.agent.transform.DefiningLoaderPools;
import lab.agent.transform.IncludedTypes;
import lab.agent.transform.LockAcquisitionTransformer;
import lab.agent.transform.MonitorTransformer;
import lab.agent.transform.ParkTransformer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the transformers for one counting window and proves they are in effect before the
 * window starts: the JDK lock classes were retransformed, and so was every already-loaded class
 * that {@code includes} names (a class the scan finds untransformed is retransformed again, and
 * named as failed if that does not work either). Classes loaded later are transformed as they
 * load, and recorded too, so the report can say which classes were counted.
 *
 * <p>Byte Buddy is configured for an agent that only rewrites instructions inside declared
 * methods: no type validation, method graphs of declared methods only, and type descriptions
 * through the defining class loader with a fallback ({@link DefiningLoaderPools}), so no supertype
 * lookup can fail a transformation. Its default ignore matcher (which skips the JDK, what we
 * instrument) is replaced.
 */
final class Instrumenter {

    private Instrumenter() {
    }

    /** What one install did. */
    static final class Installed {
        final ResettableClassFileTransformer transformer;
        final Recorder recorder;
        /** JDK lock classes that were not instrumented: lock counts are wrong. */
        final List<String> lockClassFailures;
        /** Included classes loaded before the install that were instrumented then. */
        final Set<String> atInstall;
        /** Included classes the JVM cannot retransform (hidden classes: lambdas, method handles' classes). */
        final int notModifiable;
        final double seconds;

        Installed(ResettableClassFileTransformer transformer, Recorder recorder, List<String> lockClassFailures,
                Set<String> atInstall, int notModifiable, double seconds) {
            this.transformer = transformer;
            this.recorder = recorder;
            this.lockClassFailures = lockClassFailures;
            this.atInstall = atInstall;
            this.notModifiable = notModifiable;
            this.seconds = seconds;
        }
    }

    static List<String> jdkTargets() {
        List<String> targets = new ArrayList<>();
        targets.addAll(LockAcquisitionTransformer.TARGETS);
        targets.addAll(ContentionTransformer.TARGETS);
        targets.addAll(ParkTransformer.TARGETS);
        return targets;
    }

    static Installed install(AgentOptions options, Instrumentation inst, Counters counters, Class<?> countersClass)
            throws ClassNotFoundException {
        long t0 = System.nanoTime();
        List<String> targets = jdkTargets();
        IncludedTypes included = new IncludedTypes(options);
        // What to retransform, found in one pass over the loaded classes by name: Byte Buddy's own
        // discovery describes and matches every loaded class (and its re-iteration does it again),
        // which under load took most of an install that ran 23-80 s. Classes loaded after this scan
        // are transformed as they load, or caught by verifyIncluded below.
        Set<Class<?>> candidates = new LinkedHashSet<>();
        for (String target : targets) {
            // Loaded before the install: a class first loaded while Byte Buddy installs can be skipped.
            candidates.add(Class.forName(target, true, null));
        }
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (!c.isArray() && !c.isPrimitive() && included.isIncluded(c.getName()) && inst.isModifiableClass(c)) {
                candidates.add(c);
            }
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
        Recorder recorder = new Recorder(counters, included);
        // Byte Buddy skips synthetic methods by default; lambda bodies are synthetic and allocate.
        ByteBuddy byteBuddyConfig = new ByteBuddy().ignore(none())
                .with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
        AgentBuilder builder = new AgentBuilder.Default(byteBuddyConfig)
                .disableClassFormatChanges()
                .with(DefiningLoaderPools.INSTANCE)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                // The lock classes retransform in their own batch, and a failing batch is split and
                // retried: a class of 'includes' the JVM rejects must not take lock counting down.
                .with(new AgentBuilder.RedefinitionStrategy.BatchAllocator.ForMatchedGrouping(namedOneOf(
                        targets.toArray(new String[0]))))
                .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(candidates))
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

        List<String> lockFailures = new ArrayList<>();
        for (String target : targets) {
            String error = recorder.errors.get(target);
            if (error != null || !recorder.transformedNames.contains(target)) {
                lockFailures.add("not instrumented: " + target + (error != null ? " (" + error + ")" : ""));
            }
        }
        int notModifiable = verifyIncluded(inst, included, recorder);
        Set<String> atInstall = new java.util.TreeSet<>(recorder.includedNames());
        recorder.installed = true;
        return new Installed(transformer, recorder, lockFailures, atInstall, notModifiable,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Every loaded class that {@code includes} names must have been retransformed or be recorded as
     * failed. One that is neither (skipped by a race with class loading, say) is retransformed
     * again, then named as failed if it still is not. Returns how many included classes the JVM
     * cannot modify at all (hidden classes), which are left out.
     */
    private static int verifyIncluded(Instrumentation inst, IncludedTypes included, Recorder recorder) {
        int notModifiable = 0;
        List<Class<?>> missing = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.isArray() || c.isPrimitive() || !included.isIncluded(c.getName())
                    || c.getName().equals(IncludedTypes.PROBE)) {
                continue;
            }
            if (!inst.isModifiableClass(c)) {
                notModifiable++;
            } else if (!recorder.wasTransformed(c) && !recorder.errors.containsKey(c.getName())) {
                missing.add(c);
            }
        }
        if (missing.isEmpty()) {
            return notModifiable;
        }
        try {
            inst.retransformClasses(missing.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            // Each class that is still not transformed is named below.
        }
        for (Class<?> c : missing) {
            if (!recorder.wasTransformed(c) && !recorder.errors.containsKey(c.getName())) {
                recorder.failed(c.getName(), new IllegalStateException("loaded before the agent and not retransformed"));
            }
        }
        return notModifiable;
    }

    /**
     * Records which types were transformed (by name and defining loader) and which failed. Failures
     * after the install are announced one by one as they happen; before, they are summed up once.
     */
    static final class Recorder extends AgentBuilder.Listener.Adapter {
        final Set<String> transformedNames = Collections.newSetFromMap(new ConcurrentHashMap<>());
        private final Set<String> transformedKeys = Collections.newSetFromMap(new ConcurrentHashMap<>());
        /** Included classes transformed (at install or when loaded), by name. */
        private final Set<String> included = Collections.newSetFromMap(new ConcurrentHashMap<>());
        /** Included classes first transformed after the install: loaded during the window. */
        private final Set<String> loadedLater = Collections.newSetFromMap(new ConcurrentHashMap<>());
        final Map<String, String> errors = new ConcurrentHashMap<>();
        private final Counters counters;
        private final IncludedTypes includedTypes;
        volatile boolean installed;

        Recorder(Counters counters, IncludedTypes includedTypes) {
            this.counters = counters;
            this.includedTypes = includedTypes;
        }

        private static String key(String name, ClassLoader loader) {
            return name + "@" + System.identityHashCode(loader);
        }

        boolean wasTransformed(Class<?> c) {
            return transformedKeys.contains(key(c.getName(), c.getClassLoader()));
        }

        Set<String> includedNames() {
            return included;
        }

        Set<String> loadedLater() {
            return loadedLater;
        }

        /** Failures by class name, sorted. */
        Map<String, String> failures() {
            return new TreeMap<>(errors);
        }

        void failed(String typeName, Throwable error) {
            errors.put(typeName, String.valueOf(error));
            String warning = typeName + ": " + error;
            counters.addWarning(warning);
            if (installed) {
                LabAgent.loudWarning(warning);
            }
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            String name = type.getName();
            transformedNames.add(name);
            transformedKeys.add(key(name, loader));
            if (includedTypes.isIncluded(name) && !name.equals(IncludedTypes.PROBE)) {
                if (included.add(name) && installed) {
                    loadedLater.add(name);
                }
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            failed(typeName, error);
        }
    }
}
