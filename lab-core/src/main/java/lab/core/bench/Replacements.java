package lab.core.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import lab.core.store.Task;

/**
 * The updated version of every preloaded task, built once per fork (see
 * {@link Dataset#replacements}): the write workloads hand the store an existing object, so
 * what {@code -prof gc} and the agent count per write is the store's doing, not the benchmark's.
 */
@State(Scope.Benchmark)
public class Replacements {

    Task[] byId;

    @Setup(Level.Trial)
    public void build(StoreState state) {
        byId = Dataset.replacements(state.datasetSize);
    }

    public Task of(int id) {
        return byId[id];
    }
}
