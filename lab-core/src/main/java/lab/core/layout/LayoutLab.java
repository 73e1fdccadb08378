package lab.core.layout;

import lab.core.layout.JvmConfigurations.JvmConfig;
import lab.core.layout.LayoutsJson.Comparison;
import lab.core.layout.LayoutsJson.Configuration;
import lab.core.layout.LayoutsJson.Report;
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
 * The JOL layout pass: every configuration in its own child JVM, one {@link Report}.
 * {@code ./lab layout} and every {@code ./lab run} (through {@link LayoutPass}) go through here.
 */
public final class LayoutLab {

    /** {@code ./lab layout}'s default store sizes. */
    public static final Integer[] DEFAULT_ENTRIES = {100_000, 1_000_000};
    /** Largest store size at which two child JVMs run side by side. */
    static final int PARALLEL_UP_TO = 50_000;

    private LayoutLab() {
    }

    /**
     * What to measure.
     *
     * @param jvms    java executables or homes; empty = discover (running JVM, compressed oops
     *                off, JDK 25 defaults and compact headers)
     * @param classes class names to lay out (full, or simple names of lab.core.store classes);
     *                empty = the default list. The first two are the side-by-side pair.
     * @param entries store sizes for the per-task footprints
     */
    public record Request(List<String> jvms, List<String> classes, List<Integer> entries) {
        public Request {
            jvms = List.copyOf(jvms);
            classes = resolve(classes);
            entries = List.copyOf(entries);
            for (int n : entries) {
                if (n < 1) {
                    throw new IllegalArgumentException("entries must be at least 1, was " + n);
                }
            }
        }

        public static Request defaults(List<Integer> entries) {
            return new Request(List.of(), List.of(), entries);
        }
    }

    public static Report run(Request request) {
        return run(request, line -> { });
    }

    /**
     * Runs every configuration, reporting progress. Small passes (a run's, at most
     * {@link #PARALLEL_UP_TO} tasks per store) run two child JVMs at a time when there are two
     * cores: most of a small child's time is JVM start-up and JIT warm-up. Large ones run one at a
     * time, so two million-task heaps never compete for memory and cores.
     */
    public static Report run(Request request, Consumer<String> progress) {
        List<JvmConfig> configs = request.jvms().isEmpty()
                ? JvmConfigurations.discover() : JvmConfigurations.forJvms(request.jvms());
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
        return new Report(LayoutsJson.SCHEMA, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                request.entries(), new Comparison(left, right,
                        List.of(LayoutsJson.SAMPLE_SHARD_EMPTY, LayoutsJson.SAMPLE_SHARD_WITH_TASKS)),
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
