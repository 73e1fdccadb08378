package lab.web.runs;

import java.util.List;
import java.util.Locale;
import lab.web.Format;

/**
 * A horizontal bar chart with error bars, as an SVG string built on the server (no script, no
 * network). One bar per row of a decision-log table; the whisker spans score ± JMH's 99.9% error.
 * Labels are XML-escaped here because the caller inserts the SVG unescaped.
 */
public final class BarChart {

    /** One bar: its label, the score and its error (NaN when JMH gave none). */
    public record Bar(String label, double value, double error, boolean baseline) {
    }

    private static final int WIDTH = 760;
    private static final int LABEL = 190;
    private static final int RIGHT = 130;
    private static final int ROW = 22;
    private static final int TOP = 8;
    private static final int AXIS = 34;

    private BarChart() {
    }

    public static String svg(List<Bar> bars, String unit, boolean higherIsBetter) {
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (Bar b : bars) {
            double top = b.value() + (Double.isFinite(b.error()) ? b.error() : 0);
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
        int height = TOP + bars.size() * ROW + AXIS;
        StringBuilder s = new StringBuilder(256 + bars.size() * 400);
        s.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\"><title>").append(esc(unit)).append(higherIsBetter ? " (higher is better)" : " (lower is better)")
                .append("</title>");
        for (double t : scale.ticks()) {
            double x = LABEL + plot * scale.at(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>",
                    x, TOP, x, TOP + bars.size() * ROW));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
                    x, TOP + bars.size() * ROW + 14, esc(Format.sig(t))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s — %s%s</text>",
                LABEL + plot / 2, TOP + bars.size() * ROW + 30, esc(unit), higherIsBetter ? "higher is better" : "lower is better",
                log ? " — log scale" : ""));
        int i = 0;
        for (Bar b : bars) {
            int y = TOP + i * ROW;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s</text>",
                    LABEL - 8, y + 15, esc(b.label())));
            if (Double.isFinite(b.value())) {
                double w = Math.max(0, plot * scale.at(b.value()));
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"%s\"/>",
                        LABEL, y + 4, w, ROW - 8, b.baseline() ? "bar base" : "bar"));
                if (Double.isFinite(b.error()) && b.error() > 0) {
                    double lo = LABEL + plot * scale.at(b.value() - b.error());
                    double hi = LABEL + plot * scale.at(b.value() + b.error());
                    int cy = y + ROW / 2;
                    s.append(String.format(Locale.ROOT,
                            "<path class=\"err\" d=\"M%.1f %dH%.1fM%.1f %dV%dM%.1f %dV%d\"/>",
                            lo, cy, hi, lo, cy - 5, cy + 5, hi, cy - 5, cy + 5));
                }
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"value\">%s</text>",
                        WIDTH - RIGHT + 6, y + 15, esc(Format.score(b.value(), b.error())
                                + (Double.isFinite(b.error()) ? " ± " + Format.error(b.error()) : ""))));
            } else {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"value\">no score</text>", LABEL + 4, y + 15));
            }
            i++;
        }
        return s.append("</svg>").toString();
    }

    static final double LOG_RATIO = 100;

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
            java.util.ArrayList<Double> t = new java.util.ArrayList<>();
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
            java.util.ArrayList<Double> t = new java.util.ArrayList<>();
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

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
