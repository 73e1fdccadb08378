package lab.core.compare;

/**
 * Converting a JMH unit into another of the same kind: time per operation ({@code ns/op},
 * {@code us/op}, {@code ms/op}, {@code s/op}) or operations per time ({@code ops/ns} …
 * {@code ops/min}). Anything else converts only to itself (B/op, #/op, MB/sec).
 *
 * <p>Two runs can report the same benchmark in different units (JMH's {@code -tu}, an imported
 * file): comparing the raw numbers gave "+99,900%" for ops/ms against ops/s. A time per operation
 * and a throughput are never converted into each other: with several threads, one is per thread
 * and the other for all of them, so such a pair is refused with the reason.
 */
public final class Units {

    private Units() {
    }

    /**
     * The factor that turns a value in {@code from} into {@code to} (value × factor), or NaN when
     * the two units cannot be converted.
     */
    public static double factor(String from, String to) {
        if (from == null || to == null) {
            return Double.NaN;
        }
        if (from.equals(to)) {
            return 1;
        }
        double f = perOpNanos(from);
        double t = perOpNanos(to);
        if (!Double.isNaN(f) && !Double.isNaN(t)) {
            return f / t;
        }
        double fo = throughputNanos(from);
        double to2 = throughputNanos(to);
        if (!Double.isNaN(fo) && !Double.isNaN(to2)) {
            // ops per fo ns -> ops per to2 ns: more time, more operations
            return to2 / fo;
        }
        return Double.NaN;
    }

    /** Why {@code from} cannot be compared with {@code to}, or null when {@link #factor} converts them. */
    public static String refusal(String from, String to) {
        if (!Double.isNaN(factor(from, to))) {
            return null;
        }
        boolean timeA = !Double.isNaN(perOpNanos(from));
        boolean timeB = !Double.isNaN(perOpNanos(to));
        boolean thrA = !Double.isNaN(throughputNanos(from));
        boolean thrB = !Double.isNaN(throughputNanos(to));
        if ((timeA && thrB) || (thrA && timeB)) {
            return "units " + from + " and " + to + " measure different things (time per operation of one thread"
                    + " against operations of all threads per time): not converted";
        }
        return "units " + from + " and " + to + " cannot be converted into each other";
    }

    /** Nanoseconds in the time unit of an "X/op" unit, NaN otherwise. */
    static double perOpNanos(String unit) {
        if (!unit.endsWith("/op")) {
            return Double.NaN;
        }
        return nanos(unit.substring(0, unit.length() - 3));
    }

    /** Nanoseconds in the time unit of an "ops/X" unit, NaN otherwise. */
    static double throughputNanos(String unit) {
        if (!unit.startsWith("ops/")) {
            return Double.NaN;
        }
        return nanos(unit.substring(4));
    }

    private static double nanos(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us", "\u00b5s", "\u03bcs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> Double.NaN;
        };
    }
}
