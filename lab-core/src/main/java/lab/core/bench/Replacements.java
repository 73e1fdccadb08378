package lab.core.bench;

import java.util.Locale;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import lab.core.store.Task;

/**
 * The updated version of every preloaded task, built once per fork (see
 * {@link Dataset#replacements}): the write workloads hand the store an existing object, so
 * what {@code -prof gc} and the agent count per write is the store's doing, not the benchmark's.
 *
 * <p>Once built, the fork collects its heap ({@link #tenure()}): the store and the replacements
 * are then in the old generation, as a service's data is once it has run for a while. Without it
 * a write stores a young task into whatever the store keeps in the old generation, and what that
 * costs changes while the fork measures: NON_BLOCKING's table (one array of a million slots, so a
 * G1 humongous object, old from birth) took each write into G1's remembered-set refinement until
 * the young regions' sets saturated, 0.6-0.9 s into the fork — its writes at 2 threads ran 470-810
 * ns/op through quick's 5 + 2 iterations, then ~100 (README, "The heap before measuring"). Stores
 * whose maps were wholly young never paid it. Reads store no references and skip the collection.
 */
@State(Scope.Benchmark)
public class Replacements {

    Task[] byId;

    @Setup(Level.Trial)
    public void build(StoreState state) {
        byId = Dataset.replacements(state.datasetSize);
        tenure();
    }

    /** Collects the heap and says in the fork's output how long that took. */
    private static void tenure() {
        long t0 = System.nanoTime();
        System.gc(); // a full collection in G1 (no -XX:+ExplicitGCInvokesConcurrent): survivors go old
        System.out.printf(Locale.ROOT, "[lab] collected the heap before measuring in %.3f s%n", (System.nanoTime() - t0) / 1e9);
    }

    public Task of(int id) {
        return byId[id];
    }
}
