package lab.core.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code write}: {@code update(task)} of an existing task (Zipf ids), replacing it with a
 * prepared updated version.
 *
 * <p>What to notice. The log's second column (MemoryStore 207.5 ns, ShardStore 60.36 ns,
 * XSyncStore 18 ns). A write takes the exclusive lock (MEMORY, SHARD*), so at two threads it
 * serialises on one lock (MEMORY) or on 1/32 of them (SHARD*); CONCURRENT locks one hash bin;
 * NON_BLOCKING and DENSE_ARRAY CAS one slot. Replacing an existing key allocates nothing in a
 * {@code HashMap} or {@code ConcurrentHashMap}: any B/op here is the store's own (CHANNEL's
 * request and reply objects). The replacement tasks are built in {@code @Setup}
 * ({@link Replacements}) so the benchmark allocates nothing itself.
 *
 * <p>Mode: average time, ns/op; the returned boolean is consumed by JMH.
 *
 * <p>Run: {@code ./lab run --workloads write}, or
 * {@code java -cp 'lab-web/target/lab-web.jar:lab-web/target/lib/*' org.openjdk.jmh.Main WriteBenchmark -p store=SHARD -t 2 -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class WriteBenchmark {

    @Benchmark
    public boolean write(StoreState state, Keys keys, Replacements replacements) {
        return state.tasks.update(replacements.of(keys.next()));
    }
}
