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
import java.util.Random;
import lab.core.record.BenchmarkResult;
import lab.core.record.Environment;
import lab.core.record.JmhResults;
import lab.core.record.RunConfiguration;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.RunWriter;

/**
 * Stored runs built in a test's temporary folders: JMH JSON written the way JMH writes it (with
 * the {@code ·} secondary prefix, rawData per fork), manifests through the real
 * {@link RunRepository} writer, async-profiler output as JMH's integration lays it out.
 */
public final class Fixtures {

    public static final String BENCH = "lab.core.bench.StoreBenchmark";

    private Fixtures() {
    }

    /** One JMH result entry as JSON. {@code store} null makes a foreign (non-lab) result. */
    public static String result(String benchmark, String mode, int threads, Map<String, String> params, double score,
                                double error, String unit, Map<String, double[]> secondary, Random rnd) {
        StringBuilder p = new StringBuilder();
        params.forEach((k, v) -> p.append(p.length() == 0 ? "" : ",").append('"').append(k).append("\":\"").append(v).append('"'));
        StringBuilder sec = new StringBuilder();
        secondary.forEach((name, se) -> sec.append(sec.length() == 0 ? "" : ",").append("\"·").append(name).append("\":")
                .append(metric(se[0], se[1], name.equals("gc.alloc.rate.norm") ? "B/op" : "#/op", rnd)));
        return String.format(Locale.ROOT, "{\"jmhVersion\":\"1.37\",\"benchmark\":\"%s\",\"mode\":\"%s\",\"threads\":%d,\"forks\":2,"
                        + "\"jvm\":\"/usr/lib/jvm/java-17/bin/java\",\"jvmArgs\":[],\"jdkVersion\":\"17.0.15\",\"vmName\":\"OpenJDK 64-Bit Server VM\","
                        + "\"vmVersion\":\"17.0.15+6\",\"warmupIterations\":2,\"warmupTime\":\"1 s\",\"warmupBatchSize\":1,"
                        + "\"measurementIterations\":3,\"measurementTime\":\"1 s\",\"measurementBatchSize\":1,\"params\":{%s},"
                        + "\"primaryMetric\":%s,\"secondaryMetrics\":{%s}}",
                benchmark, mode, threads, p, metric(score, error, unit, rnd), sec);
    }

    static String metric(double score, double error, String unit, Random rnd) {
        StringBuilder raw = new StringBuilder();
        for (int f = 0; f < 2; f++) {
            raw.append(f == 0 ? "" : ",").append('[');
            for (int i = 0; i < 3; i++) {
                double v = score + (Double.isNaN(error) ? 0 : (rnd.nextDouble() - 0.5) * error);
                raw.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", v));
            }
            raw.append(']');
        }
        String err = Double.isNaN(error) ? "\"NaN\"" : String.format(Locale.ROOT, "%.6f", error);
        String lo = Double.isNaN(error) ? "\"NaN\"" : String.format(Locale.ROOT, "%.6f", score - error);
        String hi = Double.isNaN(error) ? "\"NaN\"" : String.format(Locale.ROOT, "%.6f", score + error);
        return String.format(Locale.ROOT, "{\"score\":%.6f,\"scoreError\":%s,\"scoreConfidence\":[%s,%s],"
                + "\"scorePercentiles\":{\"0.0\":%.6f,\"50.0\":%.6f,\"100.0\":%.6f},\"scoreUnit\":\"%s\",\"rawData\":[%s]}",
                score, err, lo, hi, score, score, score, unit, raw);
    }

    /**
     * A lab run: every given store × workload × thread count, thrpt in ops/us, MEMORY the
     * baseline at 10 ops/us; secondary metrics from the gc profiler and the agent (contended/op
     * without an error, as a single-sample counter would be).
     */
    public static String labJmhJson(List<String> stores, List<String> workloads, List<Integer> threads, long seed) {
        Random rnd = new Random(seed);
        List<String> entries = new ArrayList<>();
        for (String w : workloads) {
            for (int t : threads) {
                for (String s : stores) {
                    double score = s.equals("MEMORY") ? 10.0 : 2.0 + rnd.nextInt(300) / 10.0;
                    if (s.equals("SHARD")) {
                        score = 10.05; // overlaps the baseline: "~ within error"
                    }
                    Map<String, double[]> sec = new LinkedHashMap<>();
                    sec.put("gc.alloc.rate.norm", new double[] {s.equals("CHANNEL") ? 96.0 : 0.001, 0.002});
                    sec.put("lab.alloc.count.norm", new double[] {s.equals("CHANNEL") ? 3.0 : 0.0, 0.0001});
                    sec.put("lab.lock.acquire.norm", new double[] {s.startsWith("SHARD") || s.equals("MEMORY") ? 1.0 : 0.0, 0.0001});
                    sec.put("lab.lock.contended.norm", new double[] {0.012, Double.NaN});
                    sec.put("lab.park.norm", new double[] {s.equals("CHANNEL") ? 1.9 : 0.0, 0.05});
                    sec.put("lab.thread.waited.norm", new double[] {s.equals("CHANNEL") ? 0.9 : 0.0, 0.01});
                    entries.add(result(BENCH + "." + w, "thrpt", t, Map.of("store", s), score, score * 0.02, "ops/us", sec, rnd));
                }
            }
        }
        return "[\n" + String.join(",\n", entries) + "\n]\n";
    }

    /** A committed run through the real writer; returns its id. */
    public static String storeRun(Path reports, Path profiles, String label, Instant started, String jmhJson,
                                  RunStatus status, String error, boolean flame) throws IOException {
        RunRepository repo = new RunRepository(reports);
        RunWriter w = repo.begin(label, started);
        List<String> files = new ArrayList<>();
        Map<String, String> profileMap = new LinkedHashMap<>();
        if (jmhJson != null) {
            Files.writeString(w.dir().resolve("jmh.json"), jmhJson);
            files.add("jmh.json");
            if (flame) {
                for (BenchmarkResult r : JmhResults.parse(jmhJson.getBytes(StandardCharsets.UTF_8))) {
                    String folder = r.benchmark() + "-Throughput-store-" + r.param("store") + "-t" + r.threads();
                    Path dir = profiles.resolve(w.id()).resolve(folder);
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve("collapsed-cpu.csv"), collapsed(r.param("store")));
                    Files.writeString(dir.resolve("collapsed-alloc.csv"), "java/lang/Thread.run;" + BENCH + ".read;java/lang/Integer.valueOf 42\n");
                    Files.writeString(dir.resolve("flame-lock-forward.html"),
                            "<!DOCTYPE html><html><body><h1>stored lock graph</h1><script>document.title='drawn'</script></body></html>");
                    profileMap.put(r.key(), w.id() + "/" + folder);
                }
            }
        }
        Environment env = new Environment("Debian", "17.0.15+6", "OpenJDK 64-Bit Server VM", "/usr/lib/jvm/java-17",
                List.of("-Xmx2g"), "Linux 6.1", "6.1.0", "amd64", "Test CPU @ 2.0GHz", 2, 8L << 30,
                "0123456789abcdef0123456789abcdef01234567", false, "1.37", "0.1.0", "4.2", "host");
        RunConfiguration conf = new RunConfiguration("quick", List.of("MEMORY", "SHARD", "CHANNEL"), List.of("read"), List.of(1, 2),
                1_000_000, "zipf", 0.894, 2, 2, "1 s", 3, "1 s", true, flame, List.of("cpu", "alloc", "lock"), null);
        RunManifest m = new RunManifest(RunManifest.SCHEMA, w.id(), label, status, "run", started, started.plusSeconds(60),
                env, conf, files, profileMap, error, List.of());
        return w.commit(m).id();
    }

    /** Puts a real layouts.json (trimmed output of the JOL pass) and one printable dump into a stored run. */
    public static void addLayouts(Path runDir) throws IOException {
        try (var in = Fixtures.class.getResourceAsStream("/fixtures/layouts.json")) {
            Files.write(runDir.resolve("layouts.json"), in.readAllBytes());
        }
        Files.writeString(runDir.resolve("layout-jdk17-default.txt"), "lab.core.store.ShardUnit object internals:\n");
    }

    static String collapsed(String store) {
        return "java/lang/Thread.run;" + BENCH + ".read;lab/core/store/" + store + "Store.get;java/util/HashMap.get 700\n"
                + "java/lang/Thread.run;" + BENCH + ".read;lab/core/store/" + store + "Store.get;java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock.lock 250\n"
                + "java/lang/Thread.run;" + BENCH + ".read;org/openjdk/jmh/infra/Blackhole.consume 50\n";
    }
}
