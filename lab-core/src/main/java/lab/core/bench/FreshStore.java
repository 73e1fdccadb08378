package lab.core.bench;

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
 * The {@code create} workload's store: a new, empty store at the start of every iteration, so
 * every iteration measures the same thing (inserting into a store that grows from empty,
 * resizes included) instead of each one starting where the last left off, millions of tasks
 * larger. The previous store is closed and collected before the next iteration starts, outside
 * the measurement. {@code wait}: as on {@link StoreState}.
 */
@State(Scope.Benchmark)
public class FreshStore {

    @Param
    public StoreType store;

    @Param(ActorWait.AUTO)
    public String wait;

    public TaskStore tasks;

    @Setup(Level.Iteration)
    public void reset() {
        close();
        System.gc(); // drop the last iteration's millions of tasks now, not during the next measurement
        tasks = store.create(ActorWait.parse(wait));
    }

    @TearDown(Level.Trial)
    public void close() {
        if (tasks != null) {
            tasks.close();
            tasks = null;
        }
    }
}
