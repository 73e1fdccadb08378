package lab.web.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.record.Figures;

/**
 * A horizontal bar chart with error bars: one bar per row of a decision-log table, the whisker
 * spanning score ± JMH's 99.9% error. This class only computes the geometry, as plain numbers and
 * strings; {@code templates/chart.html} draws it as SVG with {@code th:attr}/{@code th:text}, so
 * every label is escaped by Thymeleaf (no script, no network, nothing built as markup here).
 */
public final class BarChart {

    /**
     * One bar: its label, the score and its error (NaN when JMH gave none); the whisker spans
     * {@code lo … hi}, value ± error for JMH's symmetric intervals, or a median's asymmetric
     * order-statistic interval ({@link #interval}).
     */
    public record Bar(String label, double value, double error, boolean baseline, double lo, double hi) {

        public Bar(String label, double value, double error, boolean baseline) {
            this(label, value, error, baseline, value - error, value + error);
        }

        /** A median with its interval [lo, hi] (not symmetric); the figure is written as "median [lo–hi]". */
        public static Bar interval(String label, double median, double lo, double hi, boolean baseline) {
            double hw = Double.isFinite(lo) && Double.isFinite(hi) ? Math.max(median - lo, hi - median) : Double.NaN;
            return new Bar(label, median, hw, baseline, lo, hi);
        }

        boolean symmetric() {
            return Double.compare(lo, value - error) == 0 && Double.compare(hi, value + error) == 0;
        }

        String text() {
            if (symmetric() || !(error > 0)) {
                return Figures.withError(value, error);
            }
            return Figures.value(value, error) + " [" + Figures.value(lo, error) + "–" + Figures.value(hi, error) + "]";
        }
    }

    /** What the template draws. Coordinates are SVG user units, already formatted. */
    public record Chart(int width, int height, String viewBox, String title, List<Tick> ticks, Axis axis, List<Row> rows) {
    }

    /** A grid line and its label. */
    public record Tick(String x, int y1, int y2, int labelY, String label) {
    }

    /** The axis caption. */
    public record Axis(int x, int y, String text) {
    }

    /**
     * One bar's row: the label at the left, the bar (absent when the score is missing), the
     * whisker (absent without an error), the figure at the right.
     *
     * @param whisker SVG path data of the error bar: a horizontal line and two end ticks
     */
    public record Row(String label, int labelX, int textY, boolean scored, int barX, int barY, String barWidth, int barHeight,
                      String barClass, String whisker, int valueX, String value) {
    }

    static final int WIDTH = 760;
    static final int LABEL = 190;
    static final int RIGHT = 130;
    static final int ROW = 22;
    static final int TOP = 8;
    static final int AXIS = 34;
    static final double LOG_RATIO = 100;

    private BarChart() {
    }

    public static Chart of(List<Bar> bars, String unit, boolean higherIsBetter) {
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (Bar b : bars) {
            double top = Double.isFinite(b.hi()) ? Math.max(b.value(), b.hi()) : b.value();
            if (Double.isFinite(top)) {
                max = Math.max(max, top);
            }
            if (Double.isFinite(b.value()) && b.value() > 0) {
                minPositive = Math.min(minPositive, b.value());
            }
        }
        if (max <= 0) {
            max = 1;
        }
        // Scores a hundredfold apart (ChannelStore next to a lock-free map) flatten a linear axis
        // to one visible bar: switch to a log axis, and say so on it.
        boolean log = Double.isFinite(minPositive) && max / minPositive > LOG_RATIO;
        Scale scale = log ? new LogScale(minPositive, max) : new LinearScale(max);
        int plot = WIDTH - LABEL - RIGHT;
        // the figure at the right of each bar: an interval "35,000 [30,000–40,000]" needs more room than "10.00 ± 0.20"
        int longest = bars.stream().mapToInt(b -> Double.isFinite(b.value()) ? b.text().length() : 8).max().orElse(0);
        int width = WIDTH - RIGHT + Math.max(RIGHT, 7 * longest + 12);
        int bottom = TOP + bars.size() * ROW;
        int height = bottom + AXIS;
        String direction = higherIsBetter ? "higher is better" : "lower is better";

        List<Tick> ticks = new ArrayList<>();
        for (double t : scale.ticks()) {
            ticks.add(new Tick(num(LABEL + plot * scale.at(t)), TOP, bottom, bottom + 14, tick(t)));
        }
        Axis axis = new Axis(LABEL + plot / 2, bottom + 30, unit + " — " + direction + (log ? " — log scale" : ""));

        List<Row> rows = new ArrayList<>(bars.size());
        int i = 0;
        for (Bar b : bars) {
            int y = TOP + i++ * ROW;
            if (!Double.isFinite(b.value())) {
                rows.add(new Row(b.label(), LABEL - 8, y + 15, false, 0, 0, "0", 0, "", null, LABEL + 4, "no score"));
                continue;
            }
            String whisker = null;
            if (Double.isFinite(b.error()) && b.error() > 0 && Double.isFinite(b.lo()) && Double.isFinite(b.hi())) {
                String lo = num(LABEL + plot * scale.at(b.lo()));
                String hi = num(LABEL + plot * scale.at(b.hi()));
                int cy = y + ROW / 2;
                whisker = "M" + lo + " " + cy + "H" + hi + "M" + lo + " " + (cy - 5) + "V" + (cy + 5)
                        + "M" + hi + " " + (cy - 5) + "V" + (cy + 5);
            }
            rows.add(new Row(b.label(), LABEL - 8, y + 15, true, LABEL, y + 4, num(Math.max(0, plot * scale.at(b.value()))), ROW - 8,
                    b.baseline() ? "bar base" : "bar", whisker, WIDTH - RIGHT + 6, b.text()));
        }
        return new Chart(width, height, "0 0 " + width + " " + height, unit + " (" + direction + ")", ticks, axis, rows);
    }

    /** An axis tick is an exact round number, not a measurement: written with the digits it has ("5", "0.25", "10,000"). */
    static String tick(double t) {
        int scale = java.math.BigDecimal.valueOf(t).round(new java.math.MathContext(12)).stripTrailingZeros().scale();
        return Figures.fixed(t, Math.max(0, scale));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Maps a value to 0 … 1 of the plot width (clamped), and names the ticks. */
    interface Scale {
        double at(double v);

        List<Double> ticks();
    }

    record LinearScale(double step, double axisMax) implements Scale {
        LinearScale(double max) {
            this(niceStep(max / 4), Math.ceil(max / niceStep(max / 4)) * niceStep(max / 4));
        }

        public double at(double v) {
            return Math.max(0, Math.min(1, v / axisMax));
        }

        public List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            for (double x = 0; x <= axisMax + step / 2; x += step) {
                t.add(x);
            }
            return t;
        }
    }

    /** Whole decades from below the smallest score to above the largest score + error. */
    record LogScale(double lo, double hi) implements Scale {
        LogScale {
            lo = Math.pow(10, Math.floor(Math.log10(lo)));
            hi = Math.pow(10, Math.ceil(Math.log10(hi)));
        }

        public double at(double v) {
            if (!(v > lo)) {
                return 0;
            }
            return Math.min(1, Math.log10(v / lo) / Math.log10(hi / lo));
        }

        public List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            for (double x = lo; x <= hi * 1.001; x *= 10) {
                t.add(x);
            }
            return t;
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
