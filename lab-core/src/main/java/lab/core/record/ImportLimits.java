package lab.core.record;

/**
 * What one imported JMH result may hold ({@code ./lab import} and the site's upload alike). Every
 * page of the site reads stored runs, so one oversized import would otherwise make every later
 * page that lists or shows it large and slow (100,000 tiny results made a run page 57 MB; a 1 MB
 * {@code vmName} made the runs list 100 times larger). The limits are far above what JMH writes
 * for a real project; the README states them next to the upload's 32 MiB body limit.
 */
public final class ImportLimits {

    /** Benchmark results in one import. */
    public static final int MAX_RESULTS = 5_000;

    /**
     * Characters of every string of a result that the lab stores in the manifest or shows
     * (benchmark, mode, params, JVM and JMH fields, metric names and units).
     */
    public static final int MAX_TEXT = 1_000;

    /** Characters of a run's label. */
    public static final int MAX_LABEL = 200;

    /** Distinct values each list of an imported run's configuration keeps (stores, workloads, threads). */
    public static final int MAX_LIST = 100;

    /**
     * Thread names in one agent report. The agent itself keeps at most 4,096 names of exited
     * threads (the rest share one row) plus the live ones.
     */
    public static final int MAX_AGENT_THREADS = 10_000;

    /**
     * Named counts in one agent report, all maps together (allocations by class, per thread by
     * class and by kind, instrumented classes by pattern and failures): a real report has a few
     * thousand; each costs memory on every page that reads the run.
     */
    public static final int MAX_AGENT_ENTRIES = 200_000;

    private ImportLimits() {
    }

    /**
     * Refuses results beyond the limits, naming the first offending field.
     *
     * @throws JmhFormatException with the reason
     */
    public static void check(java.util.List<BenchmarkResult> results) {
        if (results.size() > MAX_RESULTS) {
            throw new JmhFormatException(String.format(java.util.Locale.ROOT,
                    "%,d benchmark results; one import holds at most %,d", results.size(), MAX_RESULTS));
        }
        int i = 0;
        for (BenchmarkResult r : results) {
            String where = "result #" + (++i);
            text(r.benchmark(), where, "benchmark");
            text(r.mode(), where, "mode");
            text(r.jvm(), where, "jvm");
            text(r.jdkVersion(), where, "jdkVersion");
            text(r.vmName(), where, "vmName");
            text(r.vmVersion(), where, "vmVersion");
            text(r.jmhVersion(), where, "jmhVersion");
            text(r.warmupTime(), where, "warmupTime");
            text(r.measurementTime(), where, "measurementTime");
            r.params().forEach((k, v) -> {
                text(k, where, "a param name");
                text(v, where, "param '" + RunId.printable(k) + "'");
            });
            text(r.primary().unit(), where, "primaryMetric.scoreUnit");
            r.secondary().forEach((k, m) -> {
                text(k, where, "a secondary metric name");
                text(m.unit(), where, "secondary metric '" + RunId.printable(k) + "' scoreUnit");
            });
        }
    }

    private static void text(String value, String where, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new JmhFormatException(String.format(java.util.Locale.ROOT, "%s: %s is %,d characters; the limit is %,d",
                    where, field, value.length(), MAX_TEXT));
        }
    }
}
