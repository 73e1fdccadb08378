package lab.web.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.core.record.Figures;
import lab.web.runs.BarChart;

/**
 * A horizontal bar chart of exact counts (an agent run's allocations by class): one bar per name,
 * its length the count on a linear axis from 0, the count and its rate per second of the window at
 * the right. No whiskers: the counts have no sampling error. Only the geometry is computed here, as
 * a {@link BarChart.Chart}; {@code templates/chart.html} draws it with escaped text, as it draws the
 * run pages' charts.
 */
public final class CountChart {

    static final int WIDTH = 860;
    static final int LABEL = 310;
    static final int RIGHT = 170;
    static final int ROW = 22;
    static final int TOP = 8;
    static final int AXIS = 34;
    /** Characters of a name drawn beside its bar; the table below the chart has the whole name. */
    static final int LABEL_CHARS = 46;

    private CountChart() {
    }

    /**
     * @param counts  name → count, in the order to draw
     * @param seconds the window: each count's rate is count / seconds
     * @param what    what is counted, for the axis ("allocation sites executed")
     */
    public static BarChart.Chart of(List<Map.Entry<String, Long>> counts, double seconds, String what) {
        long max = 0;
        for (Map.Entry<String, Long> e : counts) {
            max = Math.max(max, e.getValue());
        }
        double step = niceStep(Math.max(1, max) / 4.0);
        double axisMax = Math.ceil(Math.max(1, max) / step) * step;
        int plot = WIDTH - LABEL - RIGHT;
        int bottom = TOP + counts.size() * ROW;
        int height = bottom + AXIS;

        List<BarChart.Tick> ticks = new ArrayList<>();
        for (double t = 0; t <= axisMax + step / 2; t += step) {
            ticks.add(new BarChart.Tick(num(LABEL + plot * t / axisMax), TOP, bottom, bottom + 14, Figures.fixed(t, 0)));
        }
        BarChart.Axis axis = new BarChart.Axis(LABEL + plot / 2, bottom + 30, what + " in the window (exact counts)");
        List<BarChart.Row> rows = new ArrayList<>(counts.size());
        int i = 0;
        for (Map.Entry<String, Long> e : counts) {
            int y = TOP + i++ * ROW;
            long c = e.getValue();
            String value = Figures.fixed(c, 0) + " (" + Figures.plain(c / seconds) + "/s)";
            rows.add(new BarChart.Row(shorten(e.getKey()), LABEL - 8, y + 15, true, LABEL, y + 4,
                    num(plot * c / axisMax), ROW - 8, "bar", null, LABEL + plot + 6, value));
        }
        return new BarChart.Chart(WIDTH, height, "0 0 " + WIDTH + " " + height, what + ", exact counts", ticks, axis, rows);
    }

    /** The end of a long name (a class's simple name is at its end): "…engine.OpenElementTag". */
    static String shorten(String name) {
        return name.length() <= LABEL_CHARS ? name : "…" + name.substring(name.length() - (LABEL_CHARS - 1));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw} (whole numbers: counts). */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return Math.max(1, m * p);
            }
        }
        return Math.max(1, 10 * p);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
