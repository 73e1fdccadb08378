package lab.core.bench;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wake-up floor: what one blocking request/reply between two threads costs on this machine,
 * with no store in between. A reference row for the actor stores (CHANNEL, DISRUPTOR with a
 * blocking wait), whose every operation is such a round trip.
 *
 * <p>What to notice.
 * <ul>
 *   <li>{@code parkUnpark}: the benchmark thread publishes a request, unparks an echo thread and
 *       parks; the echo thread wakes, answers, unparks it. Two wake-ups per round trip and
 *       nothing else: the floor of any design where both sides block.</li>
 *   <li>{@code queueHandOff}: the same round trip through two {@link ArrayBlockingQueue}s (the
 *       queue class ChannelStore uses), {@code put} then {@code take} each way: the wake-ups plus
 *       the queue's lock and condition. CHANNEL's read divided by this row is what its store work
 *       and its {@code CompletableFuture} add.</li>
 * </ul>
 * A wake-up is not one number here. When the machine is otherwise idle the woken thread's vCPU
 * has gone idle too and waking it costs a hypervisor round (8-77 us per round trip measured on
 * this VM); when other threads keep the cores busy it is ~6 us. Averages of a mixture hide that,
 * so the mode is {@link Mode#SampleTime}: JMH times individual round trips and reports their
 * percentiles ({@code p0.50}, {@code p0.90}, {@code p0.99}, ...) next to the mean, and the run's
 * {@code jmh.json} keeps the whole histogram ({@code rawDataHistogram}): two humps when both
 * regimes occurred, a p0.50 far from the p0.90 in the summary.
 *
 * <p>The echo thread of each benchmark thread starts in {@code @Setup} and is stopped and joined
 * in {@code @TearDown} (a failure to stop is an error, never a thread left spinning into the next
 * benchmark). One benchmark thread ({@code @Threads(1)}) measures one echo: more threads would
 * measure the scheduler sharing two cores among more pairs.
 *
 * <p>Run: {@code java -cp 'lab-web/target/lab-web.jar:lab-web/target/lib/*' org.openjdk.jmh.Main WakeupFloorBenchmark}
 * (add {@code -rf json} to keep the histograms).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class WakeupFloorBenchmark {

    /** The park/unpark round trip's benchmark name (the wake-up floor the claims read). */
    public static final String PARK_UNPARK = WakeupFloorBenchmark.class.getName() + ".parkUnpark";
    /** The queue hand-off's benchmark name. */
    public static final String QUEUE_HAND_OFF = WakeupFloorBenchmark.class.getName() + ".queueHandOff";

    /** How long TearDown waits for an echo thread to end before failing the trial. */
    static final long STOP_TIMEOUT_MS = 10_000;

    /** A park/unpark echo: {@code seq} odd = a request is waiting, even = answered. */
    @State(Scope.Thread)
    public static class ParkEcho {
        volatile int seq;
        volatile boolean running;
        // Written before the volatile write of seq, read after the echo's volatile read of it.
        // Set per round trip: JMH may run a thread-scoped state's iterations on different threads.
        Thread caller;
        Thread echo;

        @Setup(Level.Trial)
        public void start() {
            running = true;
            echo = new Thread(this::serve, "wakeup-floor-park-echo");
            echo.setDaemon(true); // belt and braces: tearDown stops it
            echo.start();
        }

        private void serve() {
            int expected = 1;
            while (running) {
                if (seq == expected) {
                    seq = expected + 1;
                    LockSupport.unpark(caller);
                    expected += 2;
                } else {
                    LockSupport.park(this);
                }
            }
        }

        /** One request and its answer; parks until the echo has answered. */
        void roundTrip() {
            caller = Thread.currentThread();
            int request = seq + 1;
            seq = request;
            LockSupport.unpark(echo);
            while (seq == request) {
                LockSupport.park(this); // spurious wake-ups just re-check
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            running = false;
            LockSupport.unpark(echo);
            join(echo);
        }
    }

    /** An echo through two ArrayBlockingQueues (requests, replies), as ChannelStore's worker takes. */
    @State(Scope.Thread)
    public static class QueueEcho {
        private static final Object PING = new Object();
        private static final Object STOP = new Object();

        final ArrayBlockingQueue<Object> requests = new ArrayBlockingQueue<>(1024);
        final ArrayBlockingQueue<Object> replies = new ArrayBlockingQueue<>(1024);
        Thread echo;

        @Setup(Level.Trial)
        public void start() {
            echo = new Thread(this::serve, "wakeup-floor-queue-echo");
            echo.setDaemon(true);
            echo.start();
        }

        private void serve() {
            try {
                while (true) {
                    Object m = requests.take();
                    if (m == STOP) {
                        return;
                    }
                    replies.put(m);
                }
            } catch (InterruptedException e) {
                // stop() interrupts only an echo that missed its STOP
            }
        }

        Object roundTrip() throws InterruptedException {
            requests.put(PING);
            return replies.take();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            requests.put(STOP);
            join(echo);
        }
    }

    private static void join(Thread echo) throws InterruptedException {
        echo.join(STOP_TIMEOUT_MS);
        if (echo.isAlive()) {
            echo.interrupt();
            echo.join(STOP_TIMEOUT_MS);
            throw new IllegalStateException(echo.getName() + " did not stop within " + STOP_TIMEOUT_MS + " ms");
        }
    }

    @Benchmark
    public void parkUnpark(ParkEcho echo) {
        echo.roundTrip();
    }

    @Benchmark
    public Object queueHandOff(QueueEcho echo) throws InterruptedException {
        return echo.roundTrip();
    }
}
