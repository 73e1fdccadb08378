package lab.core.bench;

import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One thread's sequence of read/write decisions for the mixed workloads: {@link #WRITES} of
 * them writes, in random order drawn in {@code @Setup} (a fixed every-fifth pattern would be
 * learnt by the branch predictor and flatter the stores).
 */
@State(Scope.Thread)
public class Mix {

    /** The share of operations that write. */
    public static final double WRITES = 0.2;

    private static final int LENGTH = 1 << 16;

    private boolean[] writes;
    private int cursor;

    @Setup(Level.Trial)
    public void draw(ThreadParams thread) {
        SplittableRandom random = new SplittableRandom(424_242L * (thread.getThreadIndex() + 1));
        writes = new boolean[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            writes[i] = random.nextDouble() < WRITES;
        }
    }

    public boolean nextIsWrite() {
        return writes[cursor++ & (LENGTH - 1)];
    }
}
