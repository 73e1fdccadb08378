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
     * @param entries        store sizes for the per-task footprints (none with a user class path)
     * @param classPath      the user's class path ({@link UserClasses}): when given, exactly
     *                       {@code classes} are laid out, each with the deep size of a new instance,
     *                       and no store is measured; empty = the lab's own classes
     */
    public record Request(Configurations configurations, List<String> jvms, List<String> classes, List<Integer> entries,
                          List<String> classPath) {
        public Request {
            jvms = List.copyOf(jvms);
            if ((configurations == Configurations.GIVEN) == jvms.isEmpty()) {
                throw new IllegalArgumentException(configurations == Configurations.GIVEN
                        ? "which JVMs? none given" : "JVMs are given only with Configurations.GIVEN");
            }
            UserClasses user = UserClasses.of(classPath);
            if (!user.isEmpty() && classes.isEmpty()) {
                throw new IllegalArgumentException("which classes? --classpath needs --classes com.acme.A,...");
            }
            if (!user.isEmpty() && !entries.isEmpty()) {
                throw new IllegalArgumentException("store sizes (--entries) measure the lab's stores, not classes of a class path");
            }
            classes = user.resolve(classes);
            classPath = user.entries();
            entries = List.copyOf(entries);
            for (int n : entries) {
                if (n < 1) {
                    throw new IllegalArgumentException("entries must be at least 1, was " + n);
                }
            }
        }

        /** The lab's own classes. */
        public Request(Configurations configurations, List<String> jvms, List<String> classes, List<Integer> entries) {
            this(configurations, jvms, classes, entries, List.of());
        }

        /** The given JVMs, or (none given) every configuration found: what the runner asks for. */
        public Request(List<String> jvms, List<String> classes, List<Integer> entries) {
            this(jvms.isEmpty() ? Configurations.ALL : Configurations.GIVEN, jvms, classes, entries);
        }

        public static Request defaults(List<Integer> entries) {
            return new Request(List.of(), List.of(), entries);
        }

        /** Whether this lays out a user's classes (a class path was given) rather than the lab's stores. */
        public boolean userClasses() {
            return !classPath.isEmpty();
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
                    Configuration r = ChildJvm.run(c, request);
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
        return new Layouts(Layouts.SCHEMA, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                request.entries(), comparison(request), DeepWalker.EXCLUSIONS, results, request.classPath());
    }

    /**
     * The pair the side-by-side view shows first: the first two classes asked for (a user's single
     * class: itself, so two configurations can be put next to each other), else the decision log's.
     */
    private static Comparison comparison(Request request) {
        List<String> classes = request.classes();
        if (request.userClasses()) {
            return new Comparison(classes.get(0), classes.get(Math.min(1, classes.size() - 1)),
                    List.of(Layouts.SAMPLE_NEW_INSTANCE));
        }
        String left = classes.size() >= 2 ? classes.get(0) : MemoryStore.class.getName();
        String right = classes.size() >= 2 ? classes.get(1) : ShardUnit.class.getName();
        return new Comparison(left, right, List.of(Layouts.SAMPLE_SHARD_EMPTY, Layouts.SAMPLE_SHARD_WITH_TASKS));
    }
}
