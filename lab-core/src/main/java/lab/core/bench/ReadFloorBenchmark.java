package lab.core.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import lab.core.store.Task;

/**
 * The read floor: {@code byId[id]} of a plain {@code Task[]} holding the same tasks, over the
 * same pre-drawn Zipf keys as {@link ReadBenchmark} (each thread's stream from
 * {@link Keys#streamFor}). Not a store: no lock, no hash, no check. A reference row.
 *
 * <p>What to notice. This is the fastest this key stream can be read at all on this machine: one
 * load of the key, one load of a reference from a 4 MB array (1M compressed references), with the
 * hot 20% of ids scattered over it by the rank shuffle, so about what the cache hierarchy makes
 * of an 80/20 random walk over the array. A store's read divided by this row is its overhead over
 * the memory system; the best store cannot go below 1x. Like the stores' reads it returns the
 * task (JMH sinks it), so the reference is loaded but the task itself is not, as in the stores,
 * whose maps compare keys, not tasks.
 *
 * <p>Also the run's control benchmark: measured in every round so run-vs-run comparisons can see
 * machine drift. Hence deterministic (fixed seeds, tasks built in id order, as a store's preload
 * allocates them) and cheap to set up (an array and a million small objects, no store).
 *
 * <p>Run: {@code java -cp 'lab-web/target/lab-web.jar:lab-web/target/lib/*' org.openjdk.jmh.Main ReadFloorBenchmark -prof gc}
 * (add {@code -t 2} for the two-thread row, {@code -p datasetSize=10000} for the smoke size).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ReadFloorBenchmark {

    /** The tasks by id (element 0 unused), built as a store's preload creates them: in id order. */
    @State(Scope.Benchmark)
    public static class Floor {

        @Param("1000000")
        public int datasetSize;

        Task[] byId;

        @Setup(Level.Trial)
        public void build() {
            byId = new Task[datasetSize + 1];
            for (int id = 1; id <= datasetSize; id++) {
                byId[id] = Dataset.DRAFT.withId(id);
            }
        }
    }

    /** One thread's key stream: the same array {@link Keys} draws for the same thread index. */
    @State(Scope.Thread)
    public static class FloorKeys {

        private int[] keys;
        private int mask;
        private int cursor;

        @Setup(Level.Trial)
        public void draw(Floor floor, ThreadParams thread) {
            keys = Keys.streamFor(floor.datasetSize, thread.getThreadIndex());
            mask = keys.length - 1;
        }

        int next() {
            return keys[cursor++ & mask];
        }
    }

    @Benchmark
    public Task readFloor(Floor floor, FloorKeys keys) {
        return floor.byId[keys.next()];
    }
}
