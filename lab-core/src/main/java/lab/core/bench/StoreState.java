package lab.core.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import lab.core.store.StoreType;
import lab.core.store.TaskStore;

/**
 * The store under test, preloaded once per fork and shared by every benchmark thread.
 *
 * <p>{@code store} is the {@link StoreType} under test (an empty {@code @Param} on an enum means
 * every constant); {@code datasetSize} is how many tasks it holds before measurement begins
 * (the {@code smoke} profile passes 10,000). The Zipf exponent and the rank-to-id shuffle are
 * computed here once, and every thread's {@link Keys} draws from them.
 */
@State(Scope.Benchmark)
public class StoreState {

    @Param
    public StoreType store;

    @Param("1000000")
    public int datasetSize;

    public TaskStore tasks;
    double exponent;
    int[] idsByRank;

    @Setup(Level.Trial)
    public void load() {
        tasks = Dataset.preload(store, datasetSize);
        exponent = ZipfKeys.exponentFor(datasetSize);
        idsByRank = ZipfKeys.idsByRank(datasetSize);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (tasks != null) {
            tasks.close();
        }
    }
}
