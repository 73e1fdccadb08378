package lab.core.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import lab.core.store.ActorWait;
import lab.core.store.StoreType;
import lab.core.store.TaskStore;

/**
 * The store under test, preloaded once per fork and shared by every benchmark thread.
 *
 * <p>{@code store} is the {@link StoreType} under test (an empty {@code @Param} on an enum means
 * every constant); {@code datasetSize} is how many tasks it holds before measurement begins
 * (the {@code smoke} profile passes 10,000). Every thread's {@link Keys} draws its key stream
 * from the same Zipf distribution over these ids ({@link KeyStreams}).
 *
 * <p>{@code wait} is how the actor stores (CHANNEL, DISRUPTOR) wait for requests and replies:
 * {@code auto} ({@link ActorWait#auto()}: spin, then park; see there why) or
 * an {@link ActorWait} name in lower case ({@code blocking}, {@code spin_then_park},
 * {@code yielding}, {@code busy_spin}). Stores that are not actors ignore it.
 */
@State(Scope.Benchmark)
public class StoreState {

    @Param
    public StoreType store;

    @Param("1000000")
    public int datasetSize;

    @Param(ActorWait.AUTO)
    public String wait;

    public TaskStore tasks;

    /**
     * Preloads the store and says in the fork's output (the run's jmh.log) how long that took and
     * when, after the JVM started: the two figures of a fork's fixed cost that only the fork sees.
     */
    @Setup(Level.Trial)
    public void load() {
        long t0 = System.nanoTime();
        tasks = Dataset.preload(store, ActorWait.parse(wait), datasetSize);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "[lab] preloaded %,d tasks into %s in %.3f s; JVM up %.3f s%n", datasetSize, store, seconds,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (tasks != null) {
            tasks.close();
        }
    }
}
