package lab.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lab.core.record.BenchmarkResult;
import lab.core.record.JmhResults;

/**
 * JMH JSON results built in tests, in the runner's shape (method = workload, {@code store} param,
 * {@code ·}-prefixed secondary metrics), then read back through {@link JmhResults} like a stored
 * run. The numbers are chosen by each test so that the outcome it asserts is known.
 */
public final class JmhFixture {

    private final String workload;
    private final String store;
    private String benchClass = "lab.core.bench.StoreBenchmark";
    private List<Integer> rounds = List.of();
    private String wait;
    private String jvmConfig;
    private int threads = 1;
    private String mode = "avgt";
    private String unit = "ns/op";
    private double[][] raw = {{1}};
    private final Map<String, Object[]> secondary = new LinkedHashMap<>();

    private JmhFixture(String workload, String store) {
        this.workload = workload;
        this.store = store;
    }

    public static JmhFixture result(String workload, String store) {
        return new JmhFixture(workload, store);
    }

    /** A reference row (no store param), e.g. {@code lab.core.bench.ReadFloorBenchmark.readFloor}. */
    public static JmhFixture reference(String benchmark) {
        JmhFixture f = new JmhFixture(benchmark.substring(benchmark.lastIndexOf('.') + 1), null);
        f.benchClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return f;
    }

    /** The round each fork ran in, as the runner records it in run.json (same order as the forks). */
    public JmhFixture rounds(int... r) {
        this.rounds = java.util.Arrays.stream(r).boxed().toList();
        return this;
    }

    /** Rounds 0, 1, … one per fork. */
    public JmhFixture inRounds() {
        return rounds(java.util.stream.IntStream.range(0, raw.length).toArray());
    }

    /** The JVM configuration the runner records for a run with several. */
    public JmhFixture jvm(String name) {
        this.jvmConfig = name;
        return this;
    }

    /** The actor stores' wait-strategy param. */
    public JmhFixture waitStrategy(String w) {
        this.wait = w;
        return this;
    }

    /** One fork per value: each fork's iterations all equal that value. */
    public JmhFixture forks(double... means) {
        double[][] f = new double[means.length][];
        for (int i = 0; i < means.length; i++) {
            f[i] = new double[] {means[i], means[i], means[i]};
        }
        this.raw = f;
        return this;
    }

    /** The benchmark class (the runner has one per workload, e.g. lab.core.bench.ReadBenchmark). */
    public JmhFixture benchClass(String c) {
        this.benchClass = c;
        return this;
    }

    public JmhFixture threads(int t) {
        this.threads = t;
        return this;
    }

    public JmhFixture mode(String m, String u) {
        this.mode = m;
        this.unit = u;
        return this;
    }

    /** rawData: one array per fork. */
    public JmhFixture raw(double[]... forks) {
        this.raw = forks;
        return this;
    }

    public JmhFixture secondary(String name, String u, double[]... forks) {
        secondary.put(name, new Object[] {u, forks});
        return this;
    }

    /** n iterations spread evenly over centre × (1 ± spread/2): a known median and range. */
    public static double[] around(double centre, double spread, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double f = n == 1 ? 0 : (double) i / (n - 1) - 0.5;
            v[i] = centre * (1 + spread * f);
        }
        return v;
    }

    public static double[] constant(double value, int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    public String json() {
        StringBuilder sec = new StringBuilder();
        for (Map.Entry<String, Object[]> e : secondary.entrySet()) {
            if (sec.length() > 0) {
                sec.append(",\n");
            }
            double[][] f = (double[][]) e.getValue()[1];
            sec.append("\"\u00b7").append(e.getKey()).append("\" : ").append(metric((String) e.getValue()[0], f));
        }
        return """
            {
              "jmhVersion" : "1.37",
              "benchmark" : "%s.%s",
              "mode" : "%s",
              "threads" : %d,
              "forks" : %d,
              "jvm" : "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
              "jdkVersion" : "17.0.15",
              "vmName" : "OpenJDK 64-Bit Server VM",
              "vmVersion" : "17.0.15+6-Debian-1deb12u1",
              "warmupIterations" : 1,
              "warmupTime" : "1 s",
              "measurementIterations" : %d,
              "measurementTime" : "1 s",
              "params" : { "datasetSize" : "10000"%s },
              "primaryMetric" : %s,
              "secondaryMetrics" : { %s }
            }""".formatted(benchClass, workload, mode, threads, raw.length, raw[0].length,
                (store == null ? "" : ", \"store\" : \"" + store + "\"") + (wait == null ? "" : ", \"wait\" : \"" + wait + "\""),
                metric(unit, raw), sec);
    }

    private static String metric(String unit, double[][] forks) {
        double[] all = java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
        double mean = java.util.Arrays.stream(all).average().orElse(Double.NaN);
        String rawJson = java.util.Arrays.stream(forks)
                .map(f -> java.util.Arrays.stream(f).mapToObj(JmhFixture::d).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "[", "]"));
        return """
            { "score" : %s, "scoreError" : "NaN", "scoreConfidence" : [ "NaN", "NaN" ],
              "scorePercentiles" : { }, "scoreUnit" : "%s", "rawData" : %s }""".formatted(d(mean), unit, rawJson);
    }

    private static String d(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "\"NaN\"" : v > 0 ? "\"+INF\"" : "\"-INF\""; // as JMH writes them
        }
        return String.format(Locale.ROOT, "%.6f", v);
    }

    public static String array(JmhFixture... results) {
        List<String> parts = new ArrayList<>();
        for (JmhFixture r : results) {
            parts.add(r.json());
        }
        return "[\n" + String.join(",\n", parts) + "\n]";
    }

    /** The results as a stored run gives them: JMH's JSON, with each fixture's rounds attached. */
    public static List<BenchmarkResult> parse(JmhFixture... results) {
        List<BenchmarkResult> parsed = JmhResults.parse(array(results).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<BenchmarkResult> out = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            JmhFixture f = results[i];
            out.add(f.rounds.isEmpty() && f.jvmConfig == null ? parsed.get(i) : parsed.get(i).withRunInfo(f.jvmConfig, f.rounds));
        }
        return out;
    }
}
