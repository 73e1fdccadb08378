package lab.agent.it.jmh;

import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The profiler test's benchmark: one read-lock acquisition per operation (the profiler must say
 * lab.lock.acquire.norm ≈ 1) and a lock-free operation (≈ 0). Run by {@code ProfilerIT}.
 */
@State(Scope.Benchmark)
public class TinyBench {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int value = 42;

    @Benchmark
    public int readLocked() {
        lock.readLock().lock();
        try {
            return value;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Benchmark
    public int lockFree() {
        return value + 1;
    }
}
