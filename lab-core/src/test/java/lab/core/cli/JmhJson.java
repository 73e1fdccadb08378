package lab.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.AverageTimeResult;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.SampleTimeResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.SingleShotResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.SampleBuffer;

/**
 * JMH results built in memory and written with JMH's own JSON writer (what {@code -rf json}
 * uses): foreign benchmarks in every mode, with params, a {@code @Group}, sample histograms and
 * single-iteration ("NaN" error) results, without running JMH.
 */
final class JmhJson {

    private JmhJson() {
    }

    /** Five foreign benchmarks covering the shapes a reader must accept. */
    static List<RunResult> foreignResults() {
        List<RunResult> all = new ArrayList<>();
        all.add(result("org.example.MapBench.get", Mode.AverageTime, Map.of("size", "1000", "impl", "hash"), 2, 2, 3,
                new int[] {2}, List.of(), i -> List.of(
                        new AverageTimeResult(ResultRole.PRIMARY, "get", 1_000_000, 20_000_000L + i * 1_000_000L, TimeUnit.NANOSECONDS),
                        new ScalarResult("gc.alloc.rate.norm", 16.0, "B/op", AggregationPolicy.AVG))));
        all.add(result("org.example.QueueBench.offer", Mode.Throughput, Map.of(), 1, 1, 1,
                new int[] {1}, List.of(), i -> List.of(
                        new ThroughputResult(ResultRole.PRIMARY, "offer", 5_000_000, 1_000_000_000L, TimeUnit.MICROSECONDS))));
        all.add(result("org.example.LatencyBench.call", Mode.SampleTime, Map.of("payload", "64"), 1, 1, 2,
                new int[] {1}, List.of(), i -> {
                    SampleBuffer buffer = new SampleBuffer();
                    for (int k = 0; k < 1000; k++) {
                        buffer.add(100 + (k % 50) * (i + 1));
                    }
                    return List.of(new SampleTimeResult(ResultRole.PRIMARY, "call", buffer, TimeUnit.NANOSECONDS));
                }));
        all.add(result("org.example.StartupBench.boot", Mode.SingleShotTime, Map.of(), 1, 2, 2,
                new int[] {1}, List.of(), i -> List.of(
                        new SingleShotResult(ResultRole.PRIMARY, "boot", 3_000_000L + i * 10_000L, TimeUnit.MICROSECONDS))));
        all.add(result("org.example.PingPong.group", Mode.AverageTime, Map.of(), 2, 1, 2,
                new int[] {1, 1}, List.of("ping", "pong"), i -> List.of(
                        new AverageTimeResult(ResultRole.PRIMARY, "group", 2_000_000, 300_000_000L, TimeUnit.NANOSECONDS),
                        new AverageTimeResult(ResultRole.SECONDARY, "ping", 1_000_000, 140_000_000L, TimeUnit.NANOSECONDS),
                        new AverageTimeResult(ResultRole.SECONDARY, "pong", 1_000_000, 160_000_000L, TimeUnit.NANOSECONDS))));
        return all;
    }

    static byte[] write(List<RunResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
        }
        return bytes.toByteArray();
    }

    private static RunResult result(String benchmark, Mode mode, Map<String, String> params, int threads, int forks,
                                    int iterations, int[] threadGroups, List<String> groupLabels,
                                    IntFunction<List<Result>> perIteration) {
        WorkloadParams wp = new WorkloadParams();
        int order = 0;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(params).entrySet()) {
            wp.put(e.getKey(), e.getValue(), order++);
        }
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.seconds(1), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, iterations, TimeValue.seconds(1), 1);
        BenchmarkParams bp = new BenchmarkParams(benchmark, benchmark + "_jmhTest", true, threads, threadGroups, groupLabels,
                forks, 0, warmup, measurement, mode, wp, TimeUnit.NANOSECONDS, 1, "/usr/lib/jvm/java-17/bin/java", List.of(),
                "17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37", TimeValue.minutes(10));
        List<BenchmarkResult> perFork = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            List<IterationResult> its = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                IterationResult ir = new IterationResult(bp, measurement, new IterationResultMetaData(1_000_000, 1_000_000));
                ir.addResults(perIteration.apply(i + f));
                its.add(ir);
            }
            perFork.add(new BenchmarkResult(bp, its));
        }
        return new RunResult(bp, perFork);
    }
}
