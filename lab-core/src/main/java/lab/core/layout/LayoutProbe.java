package lab.core.layout;

import com.sun.management.HotSpotDiagnosticMXBean;
import lab.core.record.Layouts;
import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts.Deep;
import lab.core.record.Layouts.Footprint;
import lab.core.record.Layouts.Jvm;
import lab.core.record.Layouts.Vm;
import lab.core.store.IntShardUnit;
import lab.core.store.MemoryStore;
import lab.core.store.ShardUnit;
import lab.core.store.StoreType;
import lab.core.store.Task;
import lab.core.store.TaskStore;
import org.openjdk.jol.vm.VM;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The child JVM's main: measures everything in the JVM it runs in and prints one
 * {@link Configuration} as JSON on stdout (name, label and flags are the parent's to fill in).
 *
 * <pre>
 * java -Djol.magicFieldOffset=true -Djdk.attach.allowAttachSelf=true [flags] -cp LAB_CORE_AND_DEPS \
 *      lab.core.layout.LayoutProbe [--entries 100000,1000000] [--classes a.B,c.D]
 * java … -cp LAB_CORE_AND_DEPS:USER_CLASS_PATH lab.core.layout.LayoutProbe --classes-only --classes com.acme.A
 * </pre>
 *
 * {@value #CLASSES_ONLY} lays out exactly the classes named, each with the deep size of a new
 * instance ({@link SampleInstance}), and measures no store: a user's classes.
 *
 * JOL prints its own warnings on {@code System.out}; while measuring, {@code System.out} is sent
 * to stderr so stdout carries nothing but the JSON, and the parent files those lines as warnings.
 */
public final class LayoutProbe {

    /** Tasks per shard in the {@code shard-with-tasks} sample: "a few". */
    public static final int TASKS_PER_SHARD = 4;
    /** The argument that lays out only the named classes (a user's), with no store measured. */
    static final String CLASSES_ONLY = "--classes-only";

    /**
     * JDK and library classes that explain the per-entry and deep figures; laid out after the
     * lab's own (Agrona's map is INT_SHARD's table).
     */
    static final List<String> JDK_CLASSES = List.of(
            "org.agrona.collections.Int2ObjectHashMap",
            "java.util.HashMap", "java.util.HashMap$Node", "java.lang.Integer",
            "java.util.concurrent.ConcurrentHashMap$Node",
            "java.util.concurrent.locks.ReentrantReadWriteLock",
            "java.util.concurrent.locks.ReentrantReadWriteLock$NonfairSync",
            "java.util.concurrent.locks.ReentrantLock",
            "java.util.concurrent.locks.ReentrantLock$NonfairSync");

    private LayoutProbe() {
    }

    public static void main(String[] args) throws Exception {
        Jol.configure();
        List<Integer> entries = List.of(LayoutLab.DEFAULT_ENTRIES);
        List<String> classes = List.of();
        boolean classesOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case CLASSES_ONLY -> classesOnly = true;
                case "--entries" -> entries = parseInts(args[++i]);
                case "--classes" -> classes = Arrays.stream(args[++i].split(",")).filter(s -> !s.isBlank()).toList();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        PrintStream json = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Configuration c = classesOnly ? measureClasses(classes) : measure(classes, entries);
        json.println(Layouts.toJson(c));
        json.flush();
        System.exit(0); // a store that failed to stop a thread must not keep the child alive
    }

    static List<Integer> parseInts(String s) {
        List<Integer> out = new ArrayList<>();
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                out.add(Integer.parseInt(p.trim()));
            }
        }
        return out;
    }

    /** The default class list: the pair, every store class, Task, then the JDK classes behind them. */
    static List<String> defaultClasses() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(MemoryStore.class.getName());
        names.add(ShardUnit.class.getName());
        names.add(IntShardUnit.class.getName()); // INT_SHARD's shard: ShardUnit over an unboxed map
        for (StoreType t : StoreType.values()) {
            names.add(storeClass(t).getName());
        }
        names.add(Task.class.getName());
        names.addAll(JDK_CLASSES);
        return new ArrayList<>(names);
    }

    private static Class<?> storeClass(StoreType t) {
        try (TaskStore s = t.create()) {
            return s.getClass();
        }
    }

    /** Measures in this JVM. {@code classes} empty means {@link #defaultClasses()}. */
    static Configuration measure(List<String> classes, List<Integer> entries) throws ClassNotFoundException {
        long start = System.nanoTime();
        DeepWalker walker = new DeepWalker();
        List<String> names = classes.isEmpty() ? defaultClasses() : classes;

        Map<String, Map<String, Deep>> samples = new LinkedHashMap<>();
        List<Footprint> footprints = new ArrayList<>();
        for (StoreType t : StoreType.values()) {
            long t0 = System.nanoTime();
            Footprints.Result r = Footprints.measure(t, entries, walker);
            System.err.printf("probe: %s footprints in %d ms%n", t.name(), (System.nanoTime() - t0) / 1_000_000);
            samples.computeIfAbsent(r.storeClass(), k -> new LinkedHashMap<>()).put(Layouts.SAMPLE_STORE_EMPTY, r.empty());
            footprints.addAll(r.footprints());
        }
        footprints.sort((a, b) -> a.entries() != b.entries() ? Integer.compare(a.entries(), b.entries())
                : Integer.compare(StoreType.valueOf(a.store()).ordinal(), StoreType.valueOf(b.store()).ordinal()));

        Map<String, Deep> ms = samples.computeIfAbsent(MemoryStore.class.getName(), k -> new LinkedHashMap<>());
        Map<String, Deep> su = samples.computeIfAbsent(ShardUnit.class.getName(), k -> new LinkedHashMap<>());
        ms.put(Layouts.SAMPLE_SHARD_EMPTY, walker.walk("shard 0 of a new ShardStore (a MemoryStore), empty", 0,
                ShardSamples.memoryStoreShard(0)));
        su.put(Layouts.SAMPLE_SHARD_EMPTY, walker.walk("shard 0 of a new ShardUnitStore, empty", 0,
                ShardSamples.shardUnit(0)));
        ms.put(Layouts.SAMPLE_SHARD_WITH_TASKS, walker.walk("shard 0 of a ShardStore holding "
                + TASKS_PER_SHARD + " tasks (tasks included)", TASKS_PER_SHARD, ShardSamples.memoryStoreShard(TASKS_PER_SHARD)));
        su.put(Layouts.SAMPLE_SHARD_WITH_TASKS, walker.walk("shard 0 of a ShardUnitStore holding "
                + TASKS_PER_SHARD + " tasks (tasks included)", TASKS_PER_SHARD, ShardSamples.shardUnit(TASKS_PER_SHARD)));
        try (TaskStore s = StoreType.MEMORY.create()) {
            Task t = s.create(SampleTasks.draft(1000));
            samples.computeIfAbsent(Task.class.getName(), k -> new LinkedHashMap<>())
                    .put(Layouts.SAMPLE_TASK, walker.walk("one stored task: strings, instant and status included", 1, t));
        }

        Map<String, ClassInfo> infos = new LinkedHashMap<>();
        ClassLoader loader = LayoutProbe.class.getClassLoader();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, loader);
            infos.put(name, ClassLayouts.of(type, samples.getOrDefault(name, Map.of())));
        }
        return new Configuration(null, null, currentJvm(), List.of(), List.of(), currentVm(), null, List.of(),
                (System.nanoTime() - start) / 1_000_000, infos, footprints);
    }

    /** A user's classes in this JVM: each layout, and the deep size of a new instance when one can be made. */
    static Configuration measureClasses(List<String> classes) throws ClassNotFoundException {
        long start = System.nanoTime();
        DeepWalker walker = new DeepWalker();
        Map<String, ClassInfo> infos = new LinkedHashMap<>();
        ClassLoader loader = LayoutProbe.class.getClassLoader();
        for (String name : classes) {
            Class<?> type = Class.forName(name, false, loader);
            SampleInstance.Made made = SampleInstance.of(type);
            Map<String, Deep> deep = made.instance() == null ? Map.of() : Map.of(Layouts.SAMPLE_NEW_INSTANCE,
                    walker.walk("a new " + type.getSimpleName() + " from its no-argument constructor", 0, made.instance()));
            infos.put(name, ClassLayouts.of(type, deep).withSample(deep, made.whyNone()));
        }
        return new Configuration(null, null, currentJvm(), List.of(), List.of(), currentVm(), null, List.of(),
                (System.nanoTime() - start) / 1_000_000, infos, List.of());
    }

    static Jvm currentJvm() {
        String home = System.getProperty("java.home");
        String exe = ProcessHandle.current().info().command().orElse(Path.of(home, "bin", "java").toString());
        return new Jvm(exe, home, System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("java.specification.version"), System.getProperty("java.vm.name"));
    }

    static Vm currentVm() {
        Map<String, String> options = new LinkedHashMap<>();
        HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String o : List.of("UseCompressedOops", "UseCompressedClassPointers", "UseCompactObjectHeaders",
                "ObjectAlignmentInBytes")) {
            try {
                options.put(o, hs.getVMOption(o).getValue());
            } catch (IllegalArgumentException unknownToThisVm) {
                // absent: this JVM has no such flag (e.g. UseCompactObjectHeaders before JDK 24)
            }
        }
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        options.put("gc", String.join(", ", gcs));
        return new Vm(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), options,
                VM.current().details());
    }
}
