package lab.core.compare;

import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;

/**
 * The result of comparing two sides, benchstat's shape: one table per metric and unit, a row per
 * benchmark present on both sides, a geomean row per table, and notes on what was left out. Plain
 * data: the terminal ({@link ComparisonText}), JSON ({@link ComparisonJson}) and the site render it.
 *
 * @param metric   what was asked: "primary", "all", or a secondary metric name
 * @param alpha    the significance level (0.05)
 * @param drift    two runs: how far their control benchmark moved, or null (one run, or a run
 *                 without the control: the notes say which)
 * @param tables   one per metric (and unit)
 * @param refused  rows present on both sides that could not be compared, with the reason (units)
 * @param onlyBase keys of rows that only the base has
 * @param onlyHead keys of rows that only the head has
 * @param notes    sentences the reader needs: which samples, what no test could decide, what was missing
 */
public record Comparison(Side base, Side head, String metric, double alpha, Drift drift, List<Table> tables,
                         List<Refused> refused, List<String> onlyBase, List<String> onlyHead, List<String> notes) {

    public Comparison {
        tables = List.copyOf(tables);
        refused = List.copyOf(refused);
        onlyBase = List.copyOf(onlyBase);
        onlyHead = List.copyOf(onlyHead);
        notes = List.copyOf(notes);
    }

    /**
     * One row.
     *
     * @param key           the matching key (the result key, without the store when stores are compared)
     * @param label         short name: workload, the params that vary, threads
     * @param unit          the unit of every figure of the row (the base's; the head's samples are converted)
     * @param samples       which samples fed the statistics
     * @param baseSamples   the base's samples (per-fork means in round order when paired)
     * @param headSamples   the head's samples, in the base's unit
     * @param baseCentre    median of the base samples with its interval
     * @param headCentre    median of the head samples with its interval
     * @param ratio         head/base: the median of the per-round ratios (paired) or the ratio of
     *                      the medians (unpaired); NaN when unknown
     * @param ratioInterval the ratio's interval: Walsh averages (paired) or Moses (unpaired)
     * @param test          the significance test
     * @param analysis      paired by round or unpaired, and why
     * @param change        better, worse, no change, within drift, or unknown
     * @param note          why the row could not be tested (NaN samples, no samples), or for DRIFT
     *                      "machine drift ±X%"; null otherwise
     */
    public record Row(String key, String label, BenchmarkResult baseResult, BenchmarkResult headResult, String unit,
                      SampleKind samples, double[] baseSamples, double[] headSamples,
                      Stats.Interval baseCentre, Stats.Interval headCentre,
                      double ratio, Stats.Interval ratioInterval, Significance test, Analysis analysis,
                      Change change, String note) {

        /** (head − base) / base in percent. */
        public double deltaPercent() {
            return (ratio - 1) * 100;
        }

        public boolean significant() {
            return change == Change.BETTER || change == Change.WORSE;
        }

        /** The smallest p these sample sizes allow: when above α, "~" says nothing about the stores. */
        public double minimumP() {
            return test.minimumP();
        }

        Row withLabel(String newLabel) {
            return new Row(key, newLabel, baseResult, headResult, unit, samples, baseSamples, headSamples, baseCentre,
                    headCentre, ratio, ratioInterval, test, analysis, change, note);
        }

        Row withChange(Change newChange, String newNote) {
            return new Row(key, label, baseResult, headResult, unit, samples, baseSamples, headSamples, baseCentre,
                    headCentre, ratio, ratioInterval, test, analysis, newChange, newNote);
        }
    }

    /**
     * The rows of one metric in one unit.
     *
     * @param commonParams params every row shares (shown once, not on each row)
     * @param geomeanRatio geometric mean of the rows' head/base ratios; NaN with {@code geomeanNote}
     * @param geomeanNote  why a geomean is "?" (a ratio missing, zero or infinite), or null
     */
    public record Table(String metric, String unit, boolean higherIsBetter, List<Row> rows,
                        Map<String, String> commonParams, double geomeanBase, double geomeanHead,
                        double geomeanRatio, String geomeanNote) {

        public String title() {
            return metric + " (" + unit + ", " + (higherIsBetter ? "higher" : "lower") + " is better)";
        }
    }

    /** A row both sides have that could not be compared. */
    public record Refused(String key, String metric, String reason) {
    }

    /** The sample kinds used, for the table's header: "iterations", or "per-fork means". */
    public String sampleSummary() {
        return tables.stream().flatMap(t -> t.rows().stream()).map(r -> r.samples().label()).distinct()
                .reduce((a, b) -> a + " and " + b).orElse("none");
    }

    /** The analyses used: "paired by round, 6 rounds", "unpaired (two runs)", or both. */
    public String analysisSummary() {
        return tables.stream().flatMap(t -> t.rows().stream()).map(r -> r.analysis().text()).distinct()
                .reduce((a, b) -> a + "; " + b).orElse("none");
    }
}
