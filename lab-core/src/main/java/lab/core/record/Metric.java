package lab.core.record;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One JMH metric (primary or secondary) of one benchmark result.
 *
 * @param score           JMH's score; NaN when the file has none
 * @param scoreError      half-width of JMH's 99.9% interval; NaN when JMH had too few samples
 * @param scoreConfidence JMH's interval, two values, NaN when absent
 * @param rawData         one array per fork, one value per measurement iteration. For sample mode
 *                        each value is the mean of that iteration's histogram.
 */
public record Metric(double score, double scoreError, double[] scoreConfidence, String unit,
                     Map<String, Double> percentiles, List<double[]> rawData) {

    public Metric {
        scoreConfidence = scoreConfidence == null || scoreConfidence.length != 2
                ? new double[] {Double.NaN, Double.NaN} : scoreConfidence.clone();
        unit = unit == null ? "" : unit;
        percentiles = percentiles == null ? Map.of() : Map.copyOf(percentiles);
        rawData = rawData == null ? List.of() : List.copyOf(rawData);
    }

    /** True when JMH gave a finite error for the score. */
    public boolean hasError() {
        return Double.isFinite(scoreError);
    }

    public int forkCount() {
        return rawData.size();
    }

    /** The mean of each fork's iterations: the independent samples when there are enough forks. */
    public double[] forkMeans() {
        return rawData.stream().filter(f -> f.length > 0)
                .mapToDouble(f -> Arrays.stream(f).average().orElse(Double.NaN)).toArray();
    }

    /** Every measurement iteration of every fork, in order. Iterations of one fork are correlated. */
    public double[] iterationSamples() {
        return rawData.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * Direction follows the unit: throughput ({@code ops/…}) is better higher; times per
     * operation, and every other cost (B/op, locks/op, rates), better lower.
     */
    public boolean higherIsBetter() {
        return higherIsBetter(unit);
    }

    public static boolean higherIsBetter(String unit) {
        return unit != null && unit.startsWith("ops/");
    }

    // Records compare arrays by identity; results are compared by content in tests.
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Metric m)) {
            return false;
        }
        if (rawData.size() != m.rawData.size()) {
            return false;
        }
        for (int i = 0; i < rawData.size(); i++) {
            if (!Arrays.equals(rawData.get(i), m.rawData.get(i))) {
                return false;
            }
        }
        return Double.compare(score, m.score) == 0 && Double.compare(scoreError, m.scoreError) == 0
                && Arrays.equals(scoreConfidence, m.scoreConfidence) && unit.equals(m.unit)
                && percentiles.equals(m.percentiles);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(score) * 31 + unit.hashCode();
    }

    @Override
    public String toString() {
        return score + " ± " + scoreError + " " + unit;
    }
}
