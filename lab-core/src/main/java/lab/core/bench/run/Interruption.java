package lab.core.bench.run;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: stop the forked JMH JVMs, let the run loop store what
 * finished as an interrupted run, and keep the JVM alive until it has (a shutdown hook that
 * returns lets the JVM halt). If the loop cannot store it in time, the run's folder keeps what
 * was published last and is listed as abandoned. The load runner ({@code lab.api.load}) uses it
 * the same way: its children are wrk and the servers.
 */
public final class Interruption implements AutoCloseable {

    /** How long the hook waits for the run to be stored before letting the JVM exit. */
    static final long STORE_DEADLINE_SECONDS = 60;

    private final Thread hook;
    private final CountDownLatch stored = new CountDownLatch(1);
    private final Runnable onSignal;
    private volatile boolean stopping;

    public Interruption(String runId, Runnable onSignal) {
        this.onSignal = onSignal;
        this.hook = new Thread(this::signalled, "lab-run-" + runId + "-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal asked the run to stop. */
    public boolean stopping() {
        return stopping;
    }

    /** The run is stored (or failed to be): the hook may let the JVM exit. */
    public void storeDone() {
        stored.countDown();
    }

    private void signalled() {
        stopping = true;
        onSignal.run();
        stopForks();
        try {
            stored.await(STORE_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopForks(); // a fork the loop started while the run was being stored
    }

    /** Stops JMH's forked JVMs (and anything else this JVM started): politely, then forcibly. */
    static void stopForks() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (ProcessHandle p : children) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception ignored) {
                // still alive: forced below
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for storeDone
        }
    }
}
