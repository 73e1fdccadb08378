package lab.core.bench;

import java.util.List;
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
 * {@code getAll}: a snapshot list of every stored task (the whole preloaded dataset).
 *
 * <p>What to notice. The decision log's fan-out story: SHARD starts short-lived threads to copy
 * its 32 shards in parallel, SHARD_POOLED submits them to per-core pools, SHARD_UNIT does the
 * same with slim shards, and the single-map stores copy in one pass. On a machine with few cores
 * the thread start-up and hand-offs can cost more than they save; the agent's park counts show
 * the hand-offs. Each call allocates the result list (dataset size x a reference, plus growth),
 * so B/op scales with the dataset and is the same order for every store.
 *
 * <p>Mode: average time, us/op (a call copies a million references at the {@code quick} size).
 *
 * <p>Run: {@code ./lab run --workloads getAll}, or
 * {@code java -cp 'lab-web/target/lab-web.jar:lab-web/target/lib/*' org.openjdk.jmh.Main GetAllBenchmark -p store=SHARD,SHARD_POOLED -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class GetAllBenchmark {

    @Benchmark
    public List<Task> getAll(StoreState state) {
        return state.tasks.getAll();
    }
}
