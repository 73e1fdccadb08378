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
 * {@code mixed}: 80% {@code get}, 20% {@code update}, in a random order drawn in {@code @Setup}
 * ({@link Mix}), over the Zipf keys.
 *
 * <p>What to notice. A service's real traffic: readers and writers of the same hot keys. A
 * read-write lock is only as good as its write share lets it be: with two threads, MEMORY's
 * readers now wait behind writers, while the lock-free maps let reads pass writes. Compare with
 * {@code read} and {@code write}: a store whose mixed figure is far above 0.8 x read + 0.2 x
 * write is paying for interference, not for the operations.
 *
 * <p>Mode: average time, ns/op. Both branches' results go to a Blackhole.
 *
 * <p>Run: {@code ./lab run --workloads mixed --threads 2}, or
 * {@code java -cp 'lab-web/target/lab-web.jar:lab-web/target/lib/*' org.openjdk.jmh.Main MixedBenchmark -t 2 -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class MixedBenchmark {

    @Benchmark
    public void mixed(StoreState state, Keys keys, Mix mix, Replacements replacements, Blackhole bh) {
        int id = keys.next();
        if (mix.nextIsWrite()) {
            bh.consume(state.tasks.update(replacements.of(id)));
        } else {
            bh.consume(state.tasks.get(id));
        }
    }
}
