package lab.web.runs;

import java.util.Locale;
import lab.core.compare.Change;
import lab.core.compare.Comparer;
import lab.core.compare.Comparison;
import lab.core.compare.SampleKind;
import lab.core.compare.Stats;
import lab.core.compare.Units;
import lab.core.record.BenchmarkResult;
import lab.core.record.Figures;
import lab.web.Format;

/**
 * The ratio column of a run's tables from the comparison engine, as {@code ./lab compare RUN
 * --stores} computes it: when both rows have at least {@value SampleKind#MIN_FORKS} timing forks
 * and the run recorded their rounds, forks are paired by round (per-round ratios, their median,
 * the Walsh interval, the Wilcoxon signed-rank test; drift between rounds cancels out); without
 * rounds, the ratio of medians with Moses' interval and the Mann-Whitney U test. Rows with a
 * single fork (imports, smoke runs) keep JMH's error propagated in quadrature
 * ({@link DecisionTables#ratio}).
 */
final class PairedRatio {

    private PairedRatio() {
    }

    /**
     * Whether the engine's analysis applies: both rows come from the runner's rounds (a run of the
     * design of issue 10) with at least {@value SampleKind#MIN_FORKS} timing forks. Imports and older
     * runs keep JMH's errors.
     */
    static boolean applies(BenchmarkResult base, BenchmarkResult r) {
        return base.primary().forkCount() >= SampleKind.MIN_FORKS && r.primary().forkCount() >= SampleKind.MIN_FORKS
                && !base.forkRounds().isEmpty() && !r.forkRounds().isEmpty()
                && Units.refusal(r.primary().unit(), base.primary().unit()) == null;
    }

    /** The analysis a row got, in words, for the table's "Ratio:" line. */
    static String analysis(Comparison.Row c) {
        return c.analysis().text() + (c.analysis().isPaired()
                ? ": Wilcoxon signed-rank on the per-round ratios, their median with the Walsh interval (95%)"
                : ": ratio of the medians of the timing forks' means, Moses' interval (95%), Mann-Whitney U");
    }

    /** The engine's row of {@code r} against {@code base} (head/base). */
    static Comparison.Row row(BenchmarkResult base, BenchmarkResult r) {
        return Comparer.row(r.key(), base, r, base.primary(), r.primary(), true);
    }

    /** The row's speed-up over the baseline (faster/slower by the unit), its interval and test. */
    static DecisionTables.Ratio of(Comparison.Row c) {
        if (c.change() == Change.UNKNOWN) {
            return new DecisionTables.Ratio("—", "", "none", "no ratio: " + c.note(), "");
        }
        boolean higher = lab.core.record.Metric.higherIsBetter(c.unit());
        // speed-up: head/base for throughput, base/head for time per operation
        double s = higher ? c.ratio() : 1 / c.ratio();
        double sLo = higher ? c.ratioInterval().lo() : 1 / c.ratioInterval().hi();
        double sHi = higher ? c.ratioInterval().hi() : 1 / c.ratioInterval().lo();
        String test = String.format(Locale.ROOT, "%s, %s p = %s", c.analysis().text(), c.test().name(), Figures.plain(c.test().p()));
        String exact = String.format(Locale.ROOT, "speed-up %s× [%s–%s]; %s", Figures.plain(s), Figures.plain(sLo), Figures.plain(sHi), test);
        if (c.change() == Change.SAME) {
            return new DecisionTables.Ratio("~", "p = " + Figures.plain(c.test().p()), "same",
                    "not significant at α = " + Comparer.ALPHA + ": " + exact, Double.toString(s));
        }
        boolean faster = s >= 1;
        double shown = faster ? s : 1 / s;
        double lo = faster ? sLo : 1 / sHi;
        double hi = faster ? sHi : 1 / sLo;
        String interval = Format.interval(new Stats.Interval(shown, lo, hi, c.ratioInterval().confidence(), c.ratioInterval().n()));
        int cut = interval.indexOf(' ');
        String centre = cut < 0 ? interval : interval.substring(0, cut);
        String range = cut < 0 ? "" : interval.substring(cut + 1);
        return new DecisionTables.Ratio(centre + (faster ? "× faster" : "× slower"), range, faster ? "faster" : "slower", exact,
                Double.toString(s));
    }

    /**
     * How many times the reference row's cost this row's is (a store's read over the read floor,
     * an actor's operation over the wake-up floor): ≥ 1 means dearer. Paired by round when it can be.
     */
    static DecisionTables.Ratio multiple(BenchmarkResult floor, BenchmarkResult r) {
        if (!applies(floor, r)) {
            return new DecisionTables.Ratio("—", "", "none", "no multiple: a side has fewer than " + SampleKind.MIN_FORKS
                    + " timing forks, no recorded rounds, or another unit", "");
        }
        Comparison.Row c = Comparer.row(r.key(), floor, r, floor.primary(), r.primary(), true);
        if (c.change() == Change.UNKNOWN) {
            return new DecisionTables.Ratio("—", "", "none", "no multiple: " + c.note(), "");
        }
        boolean higher = lab.core.record.Metric.higherIsBetter(c.unit());
        // cost multiple: time r / time floor; for throughput floor / r
        double m = higher ? 1 / c.ratio() : c.ratio();
        double lo = higher ? 1 / c.ratioInterval().hi() : c.ratioInterval().lo();
        double hi = higher ? 1 / c.ratioInterval().lo() : c.ratioInterval().hi();
        String interval = Format.interval(new Stats.Interval(m, lo, hi, c.ratioInterval().confidence(), c.ratioInterval().n()));
        int cut = interval.indexOf(' ');
        String centre = cut < 0 ? interval : interval.substring(0, cut);
        String range = cut < 0 ? "" : interval.substring(cut + 1);
        String title = String.format(Locale.ROOT, "%s× the reference's cost; %s, %s p = %s", Figures.plain(m), c.analysis().text(),
                c.test().name(), Figures.plain(c.test().p()));
        return new DecisionTables.Ratio(centre + "×", range, "multiple", title, Double.toString(m));
    }
}
