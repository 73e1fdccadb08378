package lab.agent.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What counting costs. Each lock benchmark takes one uncontended lock per operation (one counted
 * call: {@code lock()}; {@code unlock()} is not instrumented), so "with agent − without agent" is
 * the cost per counted acquisition. {@code lockFree} reads a ConcurrentHashMap and does a little
 * arithmetic, touching no instrumented method: any difference there is the agent's global cost
 * (retransformed JDK classes, JIT effects), which must stay within noise.
 *
 * <p>Not a test (it never runs in {@code mvn verify}); run it with {@link OverheadMain}, which
 * runs it with and without the agent in one invocation and prints the differences.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OverheadBench {

    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
    private Integer[] keys;
    private int i;
    private long counter;

    @Setup
    public void setup() {
        keys = new Integer[1024];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = k * 7919;
            map.put(keys[k], k);
        }
    }

    /**
     * The benchmarking thread's CPU time over each measurement iteration. On a machine shared with
     * other builds, wall time per op mostly measures how often this thread was descheduled; CPU
     * time does not count the time it was off the CPU. {@link OverheadMain} divides it by the
     * iteration's operation count.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long cpuNanos;
        private long start;

        @Setup(Level.Iteration)
        public void start() {
            cpuNanos = 0;
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = THREADS.getCurrentThreadCpuTime() - start;
        }
    }

    @Benchmark
    public long lockUnlock(CpuTime cpu) {
        lock.lock();
        try {
            return ++counter;
        } finally {
            lock.unlock();
        }
    }

    @Benchmark
    public long readLockUnlock(CpuTime cpu) {
        rw.readLock().lock();
        try {
            return counter;
        } finally {
            rw.readLock().unlock();
        }
    }

    @Benchmark
    public long lockFree(CpuTime cpu) {
        Integer v = map.get(keys[i++ & 1023]);
        long x = counter + v;
        x ^= x << 13;
        x ^= x >>> 7;
        counter = x;
        return x;
    }
}
