package lab.core.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The profiled forks' recordings, converted into flame graphs once every fork has run.
 *
 * <p>Why later. Converting one fork's JFR into three flame graphs and three collapsed-stack files
 * costs about as much as the fork itself, and done between forks it would run while nothing else
 * does: the run waits for it. Deferred, the conversions run after the last fork, on every core at
 * once, where they disturb no measurement (converting beside a profiled fork would disturb its
 * contention counts: a descheduled lock holder makes others wait).
 */
final class FlameConversions {

    private record Pending(Path dir, String title) {
    }

    private final List<Pending> pending = new ArrayList<>();

    synchronized void add(Path dir, String title) {
        pending.add(new Pending(dir, title));
    }

    synchronized int size() {
        return pending.size();
    }

    /** Converts every recording, on all cores; a recording that fails to convert is a warning. */
    void convertAll(List<String> warnings) {
        List<Pending> work;
        synchronized (this) {
            work = new ArrayList<>(pending);
            pending.clear();
        }
        if (work.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "lab-flame-conversion");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Pending p : work) {
                done.add(pool.submit(() -> {
                    FlameGraphs.convert(p.dir(), p.title());
                    return null;
                }));
            }
            for (int i = 0; i < done.size(); i++) {
                try {
                    done.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    warnings.add("flame graphs of " + work.get(i).title() + " could not be made: " + Failures.describe(e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warnings.add("flame graph conversion interrupted: the JFR recordings stay in their folders");
        } finally {
            pool.shutdownNow();
        }
    }
}
