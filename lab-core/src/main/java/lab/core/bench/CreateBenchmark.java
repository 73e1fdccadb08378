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
 * {@code create}: {@code create(draft)}, inserting a new task under a new id.
 *
 * <p>What to notice. Creation is where the id generator shows: MEMORY takes a separate
 * {@code ReentrantLock} for its counter and then the write lock; the sharded and lock-free
 * stores use one atomic increment. Every store allocates here (the stored task copy; a map node
 * and a boxed key in the {@code Integer}-keyed maps; none of the last two in NON_BLOCKING and
 * DENSE_ARRAY), and growing tables are part of the cost. The store is replaced by an empty one
 * before every iteration ({@link FreshStore}), so iterations are alike; this workload does not
 * use the preloaded dataset.
 *
 * <p>Mode: average time, ns/op; the returned task is consumed by JMH.
 *
 * <p>Run: {@code ./lab run --workloads create}, or
 * {@code java -cp 'lab-web/target/lab-web.jar:lab-web/target/lib/*' org.openjdk.jmh.Main CreateBenchmark -p store=NON_BLOCKING -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class CreateBenchmark {

    @Benchmark
    public Task create(FreshStore fresh) {
        return fresh.tasks.create(Dataset.DRAFT);
    }
}
