package lab.core.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workloads of DESIGN.md. Each is one benchmark class whose single method is named after
 * the workload: that method name is how the site, the comparisons and the claims find a row.
 */
public enum Workload {
    READ("read", ReadBenchmark.class, "avgt", "ns/op"),
    WRITE("write", WriteBenchmark.class, "avgt", "ns/op"),
    CREATE("create", CreateBenchmark.class, "avgt", "ns/op"),
    MIXED("mixed", MixedBenchmark.class, "avgt", "ns/op"),
    GET_ALL("getAll", GetAllBenchmark.class, "avgt", "us/op"),
    CONTENTION("contention", ContentionBenchmark.class, "thrpt", "ops/us");

    private final String method;
    private final Class<?> benchmarkClass;
    private final String mode;
    private final String unit;

    Workload(String method, Class<?> benchmarkClass, String mode, String unit) {
        this.method = method;
        this.benchmarkClass = benchmarkClass;
        this.mode = mode;
        this.unit = unit;
    }

    /** The workload's name: the benchmark method's name. */
    public String method() {
        return method;
    }

    /** JMH's full benchmark name, {@code lab.core.bench.ReadBenchmark.read}. */
    public String benchmark() {
        return benchmarkClass.getName() + "." + method;
    }

    /** JMH mode label (avgt, thrpt). */
    public String mode() {
        return mode;
    }

    public String unit() {
        return unit;
    }

    /**
     * Whether the workload is timed with the dataset in the old generation: its benchmark stores
     * references and takes {@link Replacements}, whose setup collects the heap (see there why).
     * Read from the benchmark method itself, so the fact lives in one place: its signature.
     */
    public boolean timesAnOldDataset() {
        return Arrays.stream(benchmarkClass.getMethods()).filter(m -> m.getName().equals(method))
                .anyMatch(m -> Arrays.asList(m.getParameterTypes()).contains(Replacements.class));
    }

    /** Whether the workload reads the preloaded dataset (create starts empty). */
    public boolean usesDataset() {
        return this != CREATE;
    }

    /** The workload by name, case-insensitive ({@code getall} works); unknown names list the known ones. */
    public static Workload parse(String name) {
        for (Workload w : values()) {
            if (w.method.equalsIgnoreCase(name.trim()) || w.name().equalsIgnoreCase(name.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "': expected one of " + names(List.of(values())));
    }

    public static List<String> names(List<Workload> workloads) {
        List<String> out = new ArrayList<>();
        for (Workload w : workloads) {
            out.add(w.method);
        }
        return out;
    }

    @Override
    public String toString() {
        return method;
    }
}
