package lab.core.compare;

import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;

/**
 * The result of comparing two sides, benchstat's shape: one table per metric and unit, a row per
 * benchmark present on both sides, a geomean row per table, and notes on what was left out.
 *
 * @param metric  what was asked: "primary", "all", or a secondary metric name
 * @param alpha   the significance level (0.05)
 * @param tables  one per metric (and unit)
 * @param onlyBase keys of rows that only the base has
 * @param onlyHead keys of rows that only the head has
 * @param notes   sentences the reader needs: which samples, what no test could decide, what was missing
 */
public record Comparison(Side base, Side head, String metric, double alpha, List<Table> tables,
                         List<String> onlyBase, List<String> onlyHead, List<String> notes) {

    /**
     * One row.
     *
     * @param key        the matching key (the result key, without the store when stores are compared)
     * @param label      short name: workload, the params that vary, threads
     * @param samples    which samples fed the statistics
     * @param baseCentre median of the base samples with its interval
     * @param headCentre median of the head samples with its interval
     * @param ratio      head median / base median
     * @param test       Mann-Whitney U of head against base
     */
    public record Row(String key, String label, BenchmarkResult baseResult, BenchmarkResult headResult,
                      SampleKind samples, double[] baseSamples, double[] headSamples,
                      Stats.Interval baseCentre, Stats.Interval headCentre,
                      double ratio, MannWhitney.Result test, Change change) {

        /** (head − base) / base in percent. */
        public double deltaPercent() {
            return (ratio - 1) * 100;
        }

        public boolean significant() {
            return change == Change.BETTER || change == Change.WORSE;
        }

        /** The smallest p these sample sizes allow: when above α, "~" says nothing about the stores. */
        public double minimumP() {
            return MannWhitney.minimumP(baseSamples.length, headSamples.length);
        }
    }

    /**
     * The rows of one metric in one unit.
     *
     * @param commonParams params every row shares (shown once, not on each row)
     * @param geomeanRatio geometric mean of the rows' head/base ratios
     */
    public record Table(String metric, String unit, boolean higherIsBetter, List<Row> rows,
                        Map<String, String> commonParams, double geomeanBase, double geomeanHead,
                        double geomeanRatio) {

        public String title() {
            return metric + " (" + unit + ", " + (higherIsBetter ? "higher" : "lower") + " is better)";
        }
    }

    /** The sample kinds used, for the table's header: "iterations", or "per-fork means". */
    public String sampleSummary() {
        return tables.stream().flatMap(t -> t.rows().stream()).map(r -> r.samples().label()).distinct()
                .reduce((a, b) -> a + " and " + b).orElse("none");
    }
}
