package lab.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab.core.bench.run.RunPlan;
import lab.core.record.BenchmarkResult;
import lab.core.record.Environment;
import lab.core.record.Json;
import lab.core.record.JvmConfig;
import lab.core.record.LoadResults;
import lab.core.record.ResultInfo;
import lab.core.record.RunConfiguration;
import lab.core.record.RunDesign;
import lab.core.record.RunKind;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.RunWriter;
import lab.core.record.StoredRun;

/**
 * Runs as the lab's runner stores them since issue 10, built in a test's folders through the real
 * writer: timing forks in rounds ({@code jmh.json}, the round of each fork in run.json), one
 * profiled fork per benchmark ({@code jmh-profiled.json} with the lab's counts), the run's design;
 * and load runs ({@code load.json}, kind LOAD) with their profiled pass's flame graphs. Each fork's
 * iterations equal its mean, so the medians and intervals a page shows are known.
 */
public final class DesignedRuns {

    public static final String READ = "lab.core.bench.ReadBenchmark.read";
    public static final String READ_FLOOR = "lab.core.bench.ReadFloorBenchmark.readFloor";
    public static final String PARK_UNPARK = "lab.core.bench.WakeupFloorBenchmark.parkUnpark";
    public static final String QUEUE_HAND_OFF = "lab.core.bench.WakeupFloorBenchmark.queueHandOff";

    /** One JMH result: its JSON entry and its key. */
    public record Entry(String json, String key) {
    }

    private DesignedRuns() {
    }

    /** An avgt ns/op result whose forks have these means (one per round), with B/op per fork. */
    public static Entry timing(String benchmark, int threads, Map<String, String> params, double[] forkMeans, double bytesPerOp) {
        Map<String, double[]> sec = new LinkedHashMap<>();
        sec.put("gc.alloc.rate.norm", fill(bytesPerOp, forkMeans.length));
        return entry(benchmark, "avgt", "ns/op", threads, params, forkMeans, sec, "B/op", Map.of());
    }

    /** The profiled fork: one fork with the lab's counts per operation (and B/op that includes the tools' own allocation). */
    public static Entry profiled(String benchmark, int threads, Map<String, String> params, double score, double locks,
                                 double allocs, double parks) {
        Map<String, double[]> sec = new LinkedHashMap<>();
        sec.put("gc.alloc.rate.norm", new double[] {0.8});
        sec.put("lab.lock.acquire.norm", new double[] {locks});
        sec.put("lab.alloc.count.norm", new double[] {allocs});
        sec.put("lab.park.norm", new double[] {parks});
        return entry(benchmark, "avgt", "ns/op", threads, params, new double[] {score}, sec, "#/op", Map.of());
    }

    /** A SampleTime result (the wake-up floor) with JMH's percentiles of the sampled round trips. */
    public static Entry sampled(String benchmark, double[] forkMeans, Map<String, Double> percentiles) {
        return entry(benchmark, "sample", "ns/op", 1, Map.of(), forkMeans, Map.of(), "", percentiles);
    }

    static double[] fill(double v, int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }

    public static Entry entry(String benchmark, String mode, String unit, int threads, Map<String, String> params, double[] forkMeans,
                       Map<String, double[]> secondary, String secondaryUnit, Map<String, Double> percentiles) {
        String p = params.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(","));
        String sec = secondary.entrySet().stream().map(e -> "\"·" + e.getKey() + "\":"
                + metric(e.getValue(), e.getKey().equals("gc.alloc.rate.norm") ? "B/op" : secondaryUnit, Map.of()))
                .collect(Collectors.joining(","));
        String json = String.format(Locale.ROOT, "{\"jmhVersion\":\"1.37\",\"benchmark\":\"%s\",\"mode\":\"%s\",\"threads\":%d,\"forks\":%d,"
                        + "\"jvm\":\"/usr/lib/jvm/java-17/bin/java\",\"jvmArgs\":[],\"jdkVersion\":\"17.0.15\",\"vmName\":\"OpenJDK 64-Bit Server VM\","
                        + "\"vmVersion\":\"17.0.15+6\",\"warmupIterations\":2,\"warmupTime\":\"100 ms\",\"warmupBatchSize\":1,"
                        + "\"measurementIterations\":3,\"measurementTime\":\"100 ms\",\"measurementBatchSize\":1,\"params\":{%s},"
                        + "\"primaryMetric\":%s,\"secondaryMetrics\":{%s}}",
                benchmark, mode, threads, forkMeans.length, p, metric(forkMeans, unit, percentiles), sec);
        return new Entry(json, BenchmarkResult.key(benchmark, params, mode, threads, null));
    }

    private static String metric(double[] forkMeans, String unit, Map<String, Double> percentiles) {
        String raw = java.util.Arrays.stream(forkMeans).mapToObj(m -> String.format(Locale.ROOT, "[%.6f,%.6f,%.6f]", m, m, m))
                .collect(Collectors.joining(","));
        double mean = java.util.Arrays.stream(forkMeans).average().orElse(Double.NaN);
        String pc = percentiles.entrySet().stream().map(e -> String.format(Locale.ROOT, "\"%s\":%.3f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "{\"score\":%.6f,\"scoreError\":\"NaN\",\"scoreConfidence\":[\"NaN\",\"NaN\"],"
                + "\"scorePercentiles\":{%s},\"scoreUnit\":\"%s\",\"rawData\":[%s]}", mean, pc, unit, raw);
    }

    static Environment environment() {
        return new Environment("Debian", "17.0.15+6", "OpenJDK 64-Bit Server VM", "/usr/lib/jvm/java-17", List.of("-Xmx2g"),
                "Linux 6.1", "6.1.0", "amd64", "Test CPU @ 2.0GHz", 2, 8L << 30, "0123456789abcdef0123456789abcdef01234567", false,
                "1.37", "0.1.0", "4.2", "host");
    }

    /**
     * A complete run of {@code ./lab run}: {@code timing} results whose forks ran in rounds 0, 1, …
     * (fork i in round i), each with its profiled fork from {@code profiled} (same order; null for none).
     */
    public static String storeJmhRun(Path reports, String label, Instant started, List<Entry> timing, List<Entry> profiled,
                                     int rounds, long seed) throws IOException {
        return storeJmhRun(reports, label, started, timing, profiled, java.util.Collections.nCopies(timing.size(), null),
                List.of(new JvmConfig("jdk17-default", "/usr/lib/jvm/java-17/bin/java", List.of(), "17.0.15+6")), rounds, seed);
    }

    /**
     * As above, each timing result on the JVM configuration named in {@code jvmOfEach} (null: the
     * run has one), the run's configurations {@code jvms}.
     */
    public static String storeJmhRun(Path reports, String label, Instant started, List<Entry> timing, List<Entry> profiled,
                                     List<String> jvmOfEach, List<JvmConfig> jvms, int rounds, long seed) throws IOException {
        return storeJmhRun(reports, "quick", label, started, timing, profiled, jvmOfEach, jvms, rounds, seed);
    }

    /** As above, made with the named profile ({@code smoke}, {@code quick}, {@code full}). */
    public static String storeJmhRun(Path reports, String profile, String label, Instant started, List<Entry> timing,
                                     List<Entry> profiled, List<String> jvmOfEach, List<JvmConfig> jvms, int rounds, long seed)
            throws IOException {
        RunWriter w = new RunRepository(reports).begin(label, started);
        Files.writeString(w.dir().resolve(StoredRun.JMH_RESULT), "[" + timing.stream().map(Entry::json).collect(Collectors.joining(",\n")) + "]");
        List<Entry> prof = profiled.stream().filter(java.util.Objects::nonNull).toList();
        Files.writeString(w.dir().resolve(StoredRun.JMH_PROFILED), "[" + prof.stream().map(Entry::json).collect(Collectors.joining(",\n")) + "]");
        List<ResultInfo> infos = new ArrayList<>();
        int pi = 0;
        for (int i = 0; i < timing.size(); i++) {
            List<Integer> r = IntStream.range(0, rounds).boxed().toList();
            Integer index = profiled.get(i) == null ? null : pi++;
            String jvm = jvmOfEach.get(i);
            infos.add(new ResultInfo(timing.get(i).key() + (jvm == null ? "" : "|jvm=" + jvm), jvm, r, null, index));
        }
        RunDesign design = new RunDesign(rounds, seed, rounds, true, READ_FLOOR, jvms, List.of(), RunPlan.BLOCKS);
        RunConfiguration conf = new RunConfiguration(profile, List.of("MEMORY", "SHARD", "CHANNEL"), List.of("read"), List.of(1),
                1_000_000, "zipf", 0.894, rounds, 2, "100 ms", 3, "100 ms", true, false, List.of("cpu"), null);
        RunManifest m = new RunManifest(RunManifest.SCHEMA, w.id(), label, RunStatus.COMPLETE, "run", started, started.plusSeconds(60),
                environment(), conf, List.of(StoredRun.JMH_RESULT, StoredRun.JMH_PROFILED), Map.of(), null, List.of(), RunKind.JMH,
                design, infos, null);
        return w.commit(m).id();
    }

    /** One wrk sample of a load run: requests in 10 s, latency percentiles in µs. */
    public static LoadResults.Sample sample(int round, long requests, double p99us, long non2xx, long timeouts) {
        return new LoadResults.Sample(round, requests, 10, non2xx, new LoadResults.Errors(0, 0, 0, timeouts),
                new LoadResults.Latency(p99us / 4, p99us / 2, p99us, p99us * 3, p99us / 3));
    }

    /**
     * A complete load run: its points as given; every point with a profiled pass gets a CPU flame
     * graph (collapsed stacks) under {@code profiles/<run>/<store>-c<n>}.
     */
    public static String storeLoadRun(Path reports, Path profiles, String label, Instant started, List<LoadResults.Point> points,
                                      int rounds) throws IOException {
        RunWriter w = new RunRepository(reports).begin("load-" + label, started);
        List<LoadResults.Point> stored = new ArrayList<>();
        Map<String, String> profileMap = new LinkedHashMap<>();
        for (LoadResults.Point p : points) {
            if (p.profiled() == null) {
                stored.add(p);
                continue;
            }
            String folder = w.id() + "/" + p.store().toLowerCase(Locale.ROOT) + "-c" + p.connections();
            Path dir = Files.createDirectories(profiles.resolve(folder));
            Files.writeString(dir.resolve("collapsed-cpu.csv"), "java/lang/Thread.run;lab/api/TaskHandlers.get;lab/core/store/"
                    + p.store() + ".get 100\n");
            profileMap.put(p.key(), folder);
            LoadResults.Profiled pr = p.profiled();
            stored.add(p.withProfiled(new LoadResults.Profiled(pr.sample(), pr.counts(), pr.countsError(), folder)));
        }
        List<Integer> conns = points.stream().map(LoadResults.Point::connections).distinct().toList();
        LoadResults.Design d = new LoadResults.Design(mix(), conns, 10, 2, 5, 10_000,
                "zipf over 10000 ids", 4096, "wrk 4.1.0", 5, new JvmConfig("jdk17-default", "java", List.of("-Xmx1g"), "17"),
                "lab.core.store.*", 2);
        w.writeFile(StoredRun.LOAD, Json.MAPPER.writeValueAsBytes(new LoadResults(LoadResults.SCHEMA, d, stored)));
        RunDesign design = new RunDesign(rounds, 42, rounds, true, null, List.of(), List.of());
        RunManifest m = new RunManifest(RunManifest.SCHEMA, w.id(), label, RunStatus.COMPLETE, "load", started,
                started.plusSeconds(120), environment(), loadConfiguration(points), List.of(StoredRun.LOAD), profileMap, null, List.of(),
                RunKind.LOAD, design, null, null);
        return w.commit(m).id();
    }

    /** As a load run records it: the servers' actor wait when an actor store was served. */
    private static RunConfiguration loadConfiguration(List<LoadResults.Point> points) {
        if (points.stream().noneMatch(p -> lab.core.store.StoreType.valueOf(p.store()).isActor())) {
            return RunConfiguration.empty();
        }
        return new RunConfiguration(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                Map.of(LoadResults.ACTOR_WAIT, "blocking"));
    }

    static Map<String, Integer> mix() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("read", 80);
        m.put("write", 15);
        m.put("create", 5);
        return m;
    }

    /** Removes a stored run's folder (a test that needs the run gone). */
    public static void deleteRun(Path reports, String id) throws IOException {
        try (var files = Files.walk(reports.resolve(id))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
