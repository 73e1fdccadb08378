package lab.core.record;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One entry of a JMH JSON result: a benchmark method at one set of params, mode and thread count.
 * For the lab's own benchmarks the method name is the workload and the {@code store} param the
 * {@link lab.core.store.StoreType} constant.
 *
 * <p>{@code jvmConfig} and {@code forkRounds} are not JMH's: the runner records them in
 * run.json ({@link ResultInfo}) and {@link StoredRun#results()} attaches them. {@code jvmConfig}
 * is set only when a run has several JVM configurations, so the keys of single-configuration runs
 * (and of imports) stay comparable with each other.
 */
public record BenchmarkResult(
        String benchmark,
        String mode,
        int threads,
        int forks,
        String jvm,
        String jdkVersion,
        String vmName,
        String vmVersion,
        String jmhVersion,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime,
        Map<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        String jvmConfig,
        java.util.List<Integer> forkRounds) {

    public BenchmarkResult {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        secondary = secondary == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secondary));
        forkRounds = forkRounds == null ? java.util.List.of() : java.util.List.copyOf(forkRounds);
    }

    /** A result as JMH's JSON tells it, without the runner's annotations. */
    public BenchmarkResult(String benchmark, String mode, int threads, int forks, String jvm, String jdkVersion,
                           String vmName, String vmVersion, String jmhVersion, int warmupIterations, String warmupTime,
                           int measurementIterations, String measurementTime, Map<String, String> params,
                           Metric primary, Map<String, Metric> secondary) {
        this(benchmark, mode, threads, forks, jvm, jdkVersion, vmName, vmVersion, jmhVersion, warmupIterations,
                warmupTime, measurementIterations, measurementTime, params, primary, secondary, null, null);
    }

    /** This result with the runner's annotations from run.json. */
    public BenchmarkResult withRunInfo(String jvm, java.util.List<Integer> rounds) {
        return new BenchmarkResult(benchmark, mode, threads, forks, this.jvm, jdkVersion, vmName, vmVersion, jmhVersion,
                warmupIterations, warmupTime, measurementIterations, measurementTime, params, primary, secondary,
                jvm, rounds);
    }

    /** The method name: the workload for the lab's benchmarks. */
    public String method() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    /** The fully qualified benchmark class, or "" for a bare name. */
    public String className() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? "" : benchmark.substring(0, dot);
    }

    public String param(String name) {
        return params.get(name);
    }

    public Metric secondary(String name) {
        return secondary.get(name);
    }

    /**
     * The identity of a row across runs: {@code benchmark|k1=v1,k2=v2|mode|threads}, params sorted
     * by name so that the order JMH happened to write them in does not matter, and
     * {@code |jvm=NAME} when the run has several JVM configurations.
     */
    public String key() {
        return keyWithoutJvm() + jvmSuffix();
    }

    /** The key without one param: rows that differ only in that param (e.g. the store) line up. */
    public String keyWithout(String paramName) {
        Map<String, String> rest = new TreeMap<>(params);
        rest.remove(paramName);
        return benchmark + "|" + paramString(rest) + "|" + mode + "|" + threads + jvmSuffix();
    }

    /** The key without the JVM configuration: the same benchmark on two JVMs lines up. */
    public String keyWithoutJvm() {
        return key(benchmark, params, mode, threads, null);
    }

    /** {@link #key()} of a result with these fields: the runner names results before JMH's JSON is read back. */
    public static String key(String benchmark, Map<String, String> params, String mode, int threads, String jvmConfig) {
        return benchmark + "|" + paramString(new TreeMap<>(params)) + "|" + mode + "|" + threads
                + (jvmConfig == null ? "" : "|jvm=" + jvmConfig);
    }

    private String jvmSuffix() {
        return jvmConfig == null ? "" : "|jvm=" + jvmConfig;
    }

    private static String paramString(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
