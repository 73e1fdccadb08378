package lab.core.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code contention}: every thread on the same {@link HotKeys#HOT} hottest keys, 80% reads and
 * 20% updates.
 *
 * <p>What to notice. The decision log's "High Contention: 0.36 ns" row, which Go's
 * {@code RunParallel} reports as wall time divided by the operations of all goroutines. JMH's
 * throughput mode measures the same thing the other way up: the total operations per
 * microsecond of all threads, so the log's figure is {@code 1000 / score} ns. With all threads
 * on a handful of keys, striping stops helping (the hot keys live in a few shards and bins) and
 * what remains is how each store behaves when threads really collide: contended acquisitions
 * and parks (the agent counts both), CAS retries, cache lines bouncing between cores. On one
 * thread the figure is an upper bound of what the store can do on hot keys.
 *
 * <p>Mode: throughput, ops/us (higher is better, unlike the other workloads).
 *
 * <p>Run: {@code ./lab run --workloads contention --threads 2}, or
 * {@code java -cp 'lab-web/target/lab-web.jar:lab-web/target/lib/*' org.openjdk.jmh.Main ContentionBenchmark -t 2 -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ContentionBenchmark {

    @Benchmark
    public void contention(StoreState state, HotKeys keys, Mix mix, Replacements replacements, Blackhole bh) {
        int id = keys.next();
        if (mix.nextIsWrite()) {
            bh.consume(state.tasks.update(replacements.of(id)));
        } else {
            bh.consume(state.tasks.get(id));
        }
    }
}
