package lab.core.layout;

import lab.core.layout.JvmConfigurations.JvmConfig;
import lab.core.record.Layouts.Comparison;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts;
import lab.core.store.MemoryStore;
import lab.core.store.ShardUnit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The JOL layout pass: every configuration in its own child JVM, one {@link Layouts}.
 * {@code ./lab layout} and every {@code ./lab run} (through {@link LayoutPass}) go through here.
 */
public final class LayoutLab {

    /**
     * {@code ./lab layout}'s default store size, the size a run's layout pass uses too: the running
     * JVM lays out and walks every store at this size in seconds (README, "JOL layouts", has the
     * measured time), where a million tasks per store take minutes. Bytes per task move with the
     * size (a HashMap's table is between 3/8 and 3/4 full), so the footprints at other sizes are
     * {@code --entries 100000,1000000}.
     */
    public static final int DEFAULT_ENTRIES = 10_000;
    /** Largest store size at which two child JVMs run side by side. */
    static final int PARALLEL_UP_TO = 50_000;

    private LayoutLab() {
    }

    /** Which JVM configurations a pass measures, each in a child JVM of its own. */
    public enum Configurations {
        /** The running JVM as it is: one child JVM ({@code ./lab layout}'s default). */
        RUNNING,
        /**
         * The running JVM as it is and with compressed oops off, and every JDK 25 under
         * {@code /usr/lib/jvm} with its defaults and with compact object headers
         * ({@code ./lab layout --all-jvms}; {@code ./lab run} in quick and full).
         */
        ALL,
        /**
         * The JVMs of {@link Request#jvms()}, each as it is plus compact headers (JDK 25 and later)
         * or compressed oops off (before).
         */
        GIVEN
    }

    /**
     * What to measure.
     *
     * @param configurations which JVM configurations
     * @param jvms           java executables or homes, for {@link Configurations#GIVEN}; empty otherwise
     * @param classes        class names to lay out (full, or simple names of lab.core.store classes);
     *                       empty = the default list. The first two are the side-by-side pair.
     * @param entries        store sizes for the per-task footprints
     */
    public record Request(Configurations configurations, List<String> jvms, List<String> classes, List<Integer> entries) {
        public Request {
            jvms = List.copyOf(jvms);
            if ((configurations == Configurations.GIVEN) == jvms.isEmpty()) {
                throw new IllegalArgumentException(configurations == Configurations.GIVEN
                        ? "which JVMs? none given" : "JVMs are given only with Configurations.GIVEN");
            }
            classes = resolve(classes);
            entries = List.copyOf(entries);
            for (int n : entries) {
                if (n < 1) {
                    throw new IllegalArgumentException("entries must be at least 1, was " + n);
                }
            }
        }

        /** The given JVMs, or (none given) every configuration found: what the runner asks for. */
        public Request(List<String> jvms, List<String> classes, List<Integer> entries) {
            this(jvms.isEmpty() ? Configurations.ALL : Configurations.GIVEN, jvms, classes, entries);
        }

        public static Request defaults(List<Integer> entries) {
            return new Request(List.of(), List.of(), entries);
        }
    }

    public static Layouts run(Request request) {
        return run(request, line -> { });
    }

    /**
     * Runs every configuration, reporting progress. Small passes (a run's, at most
     * {@link #PARALLEL_UP_TO} tasks per store) run two child JVMs at a time when there are two
     * cores: most of a small child's time is JVM start-up and JIT warm-up. Large ones run one at a
     * time, so two million-task heaps never compete for memory and cores.
     */
    public static Layouts run(Request request, Consumer<String> progress) {
        List<JvmConfig> configs = switch (request.configurations()) {
            case RUNNING -> JvmConfigurations.running();
            case ALL -> JvmConfigurations.discover();
            case GIVEN -> JvmConfigurations.forJvms(request.jvms());
        };
        int largest = request.entries().stream().mapToInt(Integer::intValue).max().orElse(0);
        int parallel = largest <= PARALLEL_UP_TO ? Math.min(2, Runtime.getRuntime().availableProcessors()) : 1;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread t = new Thread(r, "layout-child-jvm");
            t.setDaemon(true);
            return t;
        });
        List<Future<Configuration>> futures = new ArrayList<>();
        try {
            for (JvmConfig c : configs) {
                futures.add(pool.submit(() -> {
                    progress.accept("layout: " + c.name() + " (" + c.label() + ") ...");
                    Configuration r = ChildJvm.run(c, request.classes(), request.entries());
                    progress.accept("layout: " + c.name() + (r.ran() ? " done in " + r.elapsedMillis() + " ms"
                            : " could not run: " + r.error()));
                    return r;
                }));
            }
        } finally {
            pool.shutdown();
        }
        List<Configuration> results = new ArrayList<>();
        for (Future<Configuration> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the layout pass ran", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the layout pass failed: " + e.getCause(), e.getCause());
            }
        }
        String left = request.classes().size() >= 2 ? request.classes().get(0) : MemoryStore.class.getName();
        String right = request.classes().size() >= 2 ? request.classes().get(1) : ShardUnit.class.getName();
        return new Layouts(Layouts.SCHEMA, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                request.entries(), new Comparison(left, right,
                        List.of(Layouts.SAMPLE_SHARD_EMPTY, Layouts.SAMPLE_SHARD_WITH_TASKS)),
                DeepWalker.EXCLUSIONS, results);
    }

    /**
     * Full class names for the given ones: a name without a package is looked up in
     * {@code lab.core.store}. Unknown classes are rejected here, with the name.
     */
    static List<String> resolve(List<String> names) {
        List<String> out = new ArrayList<>();
        ClassLoader loader = LayoutLab.class.getClassLoader();
        for (String n : names) {
            String full = n.contains(".") ? n : "lab.core.store." + n;
            try {
                Class.forName(full, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("no class " + n + (n.contains(".") ? "" : " (looked for " + full + ")"));
            }
            if (!out.contains(full)) {
                out.add(full);
            }
        }
        return out;
    }
}
