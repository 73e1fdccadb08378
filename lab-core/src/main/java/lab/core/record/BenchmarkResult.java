package lab.core.record;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One entry of a JMH JSON result: a benchmark method at one set of params, mode and thread count.
 * For the lab's own benchmarks the method name is the workload and the {@code store} param the
 * {@link lab.core.store.StoreType} constant.
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
        Map<String, Metric> secondary) {

    public BenchmarkResult {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        secondary = secondary == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secondary));
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
     * by name so that the order JMH happened to write them in does not matter.
     */
    public String key() {
        return benchmark + "|" + paramString(new TreeMap<>(params)) + "|" + mode + "|" + threads;
    }

    /** The key without one param: rows that differ only in that param (e.g. the store) line up. */
    public String keyWithout(String paramName) {
        Map<String, String> rest = new TreeMap<>(params);
        rest.remove(paramName);
        return benchmark + "|" + paramString(rest) + "|" + mode + "|" + threads;
    }

    private static String paramString(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
