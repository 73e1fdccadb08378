package lab.core.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import lab.core.store.Task;

/**
 * {@code read}: {@code get(id)} of a preloaded task, ids drawn from the 80/20 Zipf sequence.
 *
 * <p>What to notice. This is the decision log's headline row (MemoryStore 155.9 ns, ShardStore
 * 10.28 ns, XSyncStore 1.5 ns). At one thread it prices each store's read path alone: the
 * read-write lock's two CAS-es (MEMORY, and one shard's in SHARD*), a volatile read of a hash
 * bin (CONCURRENT, NON_BLOCKING, DENSE_ARRAY), or a queue round trip to the actor thread
 * (CHANNEL). At two threads, read locks still write their lock word, so the lock's cache line
 * moves between cores on every read even though no thread ever waits. Every store but CHANNEL
 * should show 0 B/op under {@code -prof gc}: reads hand out the stored immutable task.
 *
 * <p>Mode: average time, ns/op. Returning the task keeps the lookup from being eliminated as
 * dead code (JMH sinks returned values into a Blackhole).
 *
 * <p>Run: {@code ./lab run --workloads read} (all stores, threads 1 and 2), or with plain JMH:
 * {@code java -cp 'lab-web/target/lab-web.jar:lab-web/target/lib/*' org.openjdk.jmh.Main ReadBenchmark -p store=MEMORY,CONCURRENT -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ReadBenchmark {

    @Benchmark
    public Task read(StoreState state, Keys keys) {
        return state.tasks.get(keys.next());
    }
}
