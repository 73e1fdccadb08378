package lab.core.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One thread's Zipf key sequence over the whole dataset, drawn in {@code @Setup}; the measured
 * method only reads the next element. Each thread has its own array and cursor (no shared
 * counter, no false sharing) and its own seed; all threads share the hot keys.
 *
 * <p>The array is a power of two long, at least four keys per task and at most 2^20, so the
 * sequence is far longer than any branch predictor's or prefetcher's memory.
 */
@State(Scope.Thread)
public class Keys {

    private int[] keys;
    private int mask;
    private int cursor;

    @Setup(Level.Trial)
    public void draw(StoreState state, ThreadParams thread) {
        keys = streamFor(state.datasetSize, thread.getThreadIndex());
        mask = keys.length - 1;
    }

    /**
     * Benchmark thread {@code threadIndex}'s key sequence: what ReadBenchmark's threads read, and
     * the read floor's ({@link ReadFloorBenchmark}), so floor and stores see the same keys; the
     * load runner's wrk thread {@code i} sends requests for the keys of thread {@code i}.
     */
    public static int[] streamFor(int datasetSize, int threadIndex) {
        return KeyStreams.zipf(datasetSize, datasetSize, lengthFor(datasetSize), 1_000_003L * (threadIndex + 1));
    }

    /** The next key of this thread's sequence. */
    public int next() {
        return keys[cursor++ & mask];
    }

    static int lengthFor(int datasetSize) {
        int wanted = (int) Math.min(1 << 20, Math.max(1 << 16, 4L * datasetSize));
        return Integer.highestOneBit(wanted - 1) << 1;
    }
}
