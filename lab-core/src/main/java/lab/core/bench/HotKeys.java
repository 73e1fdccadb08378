package lab.core.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The {@code contention} workload's keys: only the {@link #HOT} hottest ids of the dataset
 * (Zipf-weighted among themselves with the dataset's exponent), the same ids for every thread,
 * so threads collide on the same locks, shards, bins and cache lines.
 */
@State(Scope.Thread)
public class HotKeys {

    /** How many keys the contention workload uses. */
    public static final int HOT = 16;

    private static final int LENGTH = 1 << 16;

    private int[] keys;
    private int cursor;

    @Setup(Level.Trial)
    public void draw(StoreState state, ThreadParams thread) {
        keys = KeyStreams.zipf(state.datasetSize, Math.min(HOT, state.datasetSize), LENGTH, 7_000_003L * (thread.getThreadIndex() + 1));
    }

    public int next() {
        return keys[cursor++ & (LENGTH - 1)];
    }
}
