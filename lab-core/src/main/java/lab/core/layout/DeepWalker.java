package lab.core.layout;

import lab.core.record.Layouts.ClassCount;
import lab.core.record.Layouts;
import lab.core.record.Layouts.Deep;
import org.openjdk.jol.util.SimpleIdentityHashSet;
import org.openjdk.jol.util.SimpleStack;
import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deep size that stops where the store stops owning memory.
 *
 * <p>What to notice. JOL's {@code GraphLayout.parseInstance(store).totalSize()} follows every
 * reference. For a store that owns a thread (ChannelStore's worker, PooledShardStore's pool
 * threads) that means the {@code Thread}, its thread group, its context class loader and through it
 * every class the application loaded: about 190 KB for one idle {@code new Thread()} on JDK 17,
 * none of it the store's. JOL 0.17's walker takes no filter, so this one repeats its walk (the same
 * object sizes from {@code VM.current().sizeOf}, the same identity set, each object once) and does
 * not count or follow objects of the classes in {@link #EXCLUSIONS}. For a store that owns no
 * thread the two walks agree to the byte (DeepWalkerTest checks it).
 *
 * <p>Fields are read with reflection when their package is open to us (the child JVMs get
 * {@code --add-opens}, see {@link Jol}), else through JOL's Unsafe view at the field's offset
 * (decided once per field, not by a failed access per read): both read the same reference.
 */
final class DeepWalker {

    /** What the walk neither counts nor follows, as stored in layouts.json. */
    static final String EXCLUSIONS = "Deep sizes do not count or follow: java.lang.Thread (and subclasses: the "
            + "worker and pool threads; their stacks are native anyway), ThreadGroup, ClassLoader, Class, Module, "
            + "java.lang.ref.Reference (and subclasses: executors register Cleaner references on JDK 21+ that "
            + "link to every other cleanable of the JVM), ProtectionDomain and AccessControlContext. An "
            + "executor's own objects (ThreadPoolExecutor, its queue, its Worker wrappers, thread factory) are "
            + "counted: they are per-store heap. Shared constants reachable from the sample (enum constants, "
            + "cached Integers -128..127, static singletons) are counted once per walk, as JOL does.";

    private static final Class<?>[] EXCLUDED = {
            Thread.class, ThreadGroup.class, ClassLoader.class, Class.class, Module.class,
            java.lang.ref.Reference.class, java.security.ProtectionDomain.class,
            java.security.AccessControlContext.class,
    };

    private final VirtualMachine vm;
    private final ClassValue<FieldReader[]> readers = new ClassValue<>() {
        @Override
        protected FieldReader[] computeValue(Class<?> type) {
            return referenceFields(type);
        }
    };
    private final ClassValue<Boolean> excluded = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> e : EXCLUDED) {
                if (e.isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        }
    };
    private final Map<Class<?>, Long> instanceSizes = new HashMap<>();

    DeepWalker() {
        Jol.configure();
        this.vm = VM.current();
    }

    /**
     * Walks from the roots (the roots themselves included; an array given as a single root is an
     * object like any other). Objects reachable from several roots are counted once.
     */
    Deep walk(String description, int entries, Object... roots) {
        return walk(description, entries, null, roots);
    }

    /** As {@link #walk(String, int, Object...)}, also handing back the threads met (not counted). */
    Deep walk(String description, int entries, List<Thread> threadsOut, Object... roots) {
        return new Walk(threadsOut).drain(description, entries, roots);
    }

    /**
     * Two deep sizes from one walk: first everything reachable from {@code inner}, then what
     * {@code outer} reaches beyond it. When the inner objects are all reachable from the outer
     * one (a store's tasks from the store) the two add up to the outer's deep size, and the
     * second is exactly {@code deep(outer) - deep(inner)}, at the cost of one walk instead of two.
     */
    Deep[] walkNested(String innerDescription, Object[] inner, String outerDescription, Object outer, int entries) {
        Walk w = new Walk(null);
        Deep first = w.drain(innerDescription, entries, inner);
        Deep rest = w.drain(outerDescription, entries, outer);
        return new Deep[] {first, rest};
    }

    /** One identity set shared by successive drains: each object is counted by the first drain that reaches it. */
    private final class Walk {
        private final SimpleIdentityHashSet seen = new SimpleIdentityHashSet();
        private final List<Thread> threadsOut;

        Walk(List<Thread> threadsOut) {
            this.threadsOut = threadsOut;
        }

        Deep drain(String description, int entries, Object... roots) {
            SimpleStack<Object> stack = new SimpleStack<>();
            Map<Class<?>, long[]> byClass = new HashMap<>();
            Map<Class<?>, long[]> skipped = new HashMap<>();
            long total = 0;
            long count = 0;
            for (Object root : roots) {
                if (root != null && seen.add(root)) {
                    stack.push(root);
                }
            }
            while (!stack.isEmpty()) {
                Object o = stack.pop();
                Class<?> type = o.getClass();
                if (excluded.get(type)) {
                    skipped.computeIfAbsent(type, k -> new long[1])[0]++;
                    if (threadsOut != null && o instanceof Thread t) {
                        threadsOut.add(t);
                    }
                    continue;
                }
                long size = sizeOf(o, type);
                long[] cc = byClass.computeIfAbsent(type, k -> new long[2]);
                cc[0]++;
                cc[1] += size;
                total += size;
                count++;
                if (type.isArray()) {
                    if (!type.getComponentType().isPrimitive()) {
                        for (Object e : (Object[]) o) {
                            if (e != null && seen.add(e)) {
                                stack.push(e);
                            }
                        }
                    }
                } else {
                    for (FieldReader r : readers.get(type)) {
                        Object v = r.read(o);
                        if (v != null && seen.add(v)) {
                            stack.push(v);
                        }
                    }
                }
            }
            Map<String, ClassCount> classes = new HashMap<>();
            byClass.forEach((k, v) -> classes.merge(k.getTypeName(), new ClassCount(v[0], v[1]), DeepWalker::sum));
            Map<String, Long> ex = new TreeMap<>();
            skipped.forEach((k, v) -> ex.merge(k.getTypeName(), v[0], Long::sum));
            return new Deep(description, entries, total, count, orderedByBytes(classes), ex);
        }
    }

    static ClassCount sum(ClassCount a, ClassCount b) {
        return new ClassCount(a.count() + b.count(), a.bytes() + b.bytes());
    }

    /** The sum of two deep sizes of disjoint object sets (as {@link #walkNested} returns them). */
    static Deep combine(String description, int entries, Deep a, Deep b) {
        Map<String, ClassCount> classes = new HashMap<>(a.byClass());
        b.byClass().forEach((k, v) -> classes.merge(k, v, DeepWalker::sum));
        Map<String, Long> ex = new TreeMap<>(a.excluded());
        b.excluded().forEach((k, v) -> ex.merge(k, v, Long::sum));
        return new Deep(description, entries, a.totalSize() + b.totalSize(), a.totalCount() + b.totalCount(),
                orderedByBytes(classes), ex);
    }

    private long sizeOf(Object o, Class<?> type) {
        if (type.isArray()) {
            return vm.sizeOf(o);
        }
        Long s = instanceSizes.get(type);
        if (s == null) {
            s = vm.sizeOf(o); // constant per class for non-arrays: ask once
            instanceSizes.put(type, s);
        }
        return s;
    }

    private FieldReader[] referenceFields(Class<?> type) {
        List<FieldReader> out = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                out.add(reader(f));
            }
        }
        return out.toArray(new FieldReader[0]);
    }

    private FieldReader reader(Field f) {
        try {
            f.setAccessible(true);
            return o -> {
                try {
                    return f.get(o);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + f + " after setAccessible", e);
                }
            };
        } catch (RuntimeException notOpen) {
            // InaccessibleObjectException (JDK 9+) when the package is not opened to us: read the
            // reference at the field's offset instead, as JOL does.
            long offset = vm.fieldOffset(f);
            return o -> vm.getObject(o, offset);
        }
    }

    private interface FieldReader {
        Object read(Object o);
    }

    /** The classes of a deep size, largest first (then by name): the order the views show them. */
    static Map<String, ClassCount> orderedByBytes(Map<String, ClassCount> byClass) {
        List<Map.Entry<String, ClassCount>> list = new ArrayList<>(byClass.entrySet());
        list.sort((a, b) -> {
            int c = Long.compare(b.getValue().bytes(), a.getValue().bytes());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        Map<String, ClassCount> out = new LinkedHashMap<>();
        for (Map.Entry<String, ClassCount> e : list) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
