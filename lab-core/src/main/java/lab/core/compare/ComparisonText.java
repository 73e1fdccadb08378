package lab.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lab.core.record.Figures;

/**
 * A comparison as benchstat prints it: per table a header, then
 * {@code name  base ± x%  head ± y%  delta (p=… n=…+…)}, "~" for no significant change, and a
 * geomean row. The "± x%" is the larger distance from the median to its interval's ends.
 */
public final class ComparisonText {

    private ComparisonText() {
    }

    public static String format(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("base: ").append(c.base().label()).append('\n');
        out.append("head: ").append(c.head().label()).append('\n');
        out.append("metric: ").append(c.metric()).append("   samples: ").append(c.sampleSummary())
                .append("   α = ").append(String.format(Locale.ROOT, "%.2f", c.alpha())).append('\n');
        out.append("analysis: ").append(c.analysisSummary()).append('\n');
        if (c.drift() != null) {
            Drift d = c.drift();
            out.append("control: ").append(d.control()).append('\n');
            out.append("  base ").append(centre(d.base())).append(' ').append(pm(d.base())).append(' ').append(d.unit())
                    .append("   head ").append(centre(d.head())).append(' ').append(pm(d.head())).append(' ').append(d.unit())
                    .append("   drift ").append(percent(d.ratio().centre())).append(" (").append(ratioRange(d.ratio()))
                    .append(", p=").append(String.format(Locale.ROOT, "%.3f", d.test().p())).append(")   band ")
                    .append(d.bandText()).append('\n');
        }
        for (Comparison.Table t : c.tables()) {
            out.append('\n').append(t.title());
            if (!t.commonParams().isEmpty()) {
                out.append("   [").append(t.commonParams().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))).append(']');
            }
            out.append('\n');
            List<String[]> cells = new ArrayList<>();
            cells.add(new String[] {"", "base", "", "head", "", "vs base", ""});
            for (Comparison.Row r : t.rows()) {
                cells.add(new String[] {r.label(), centre(r.baseCentre()), pm(r.baseCentre()),
                        centre(r.headCentre()), pm(r.headCentre()), delta(r), test(r)});
            }
            cells.add(new String[] {"geomean", num(t.geomeanBase()), "", num(t.geomeanHead()), "",
                    percent(t.geomeanRatio()), t.geomeanNote() == null ? "" : "(" + t.geomeanNote() + ")"});
            out.append(align(cells));
        }
        if (!c.onlyBase().isEmpty()) {
            out.append("\nonly in base (").append(c.onlyBase().size()).append("): ")
                    .append(String.join(", ", c.onlyBase())).append('\n');
        }
        if (!c.onlyHead().isEmpty()) {
            out.append("\nonly in head (").append(c.onlyHead().size()).append("): ")
                    .append(String.join(", ", c.onlyHead())).append('\n');
        }
        if (!c.notes().isEmpty()) {
            out.append('\n');
            for (String n : c.notes()) {
                out.append("note: ").append(n).append('\n');
            }
        }
        return out.toString();
    }

    /** "-93.41%" when significant, "~" otherwise, "~ (machine drift ±12%)" within drift, "?" without samples. */
    public static String delta(Comparison.Row r) {
        return switch (r.change()) {
            case SAME -> "~";
            case DRIFT -> "~ (" + r.note() + ")";
            case UNKNOWN -> "?";
            default -> percent(r.ratio());
        };
    }

    /** "(p=0.008 n=5+5)", benchstat's annotation; "(p=0.031 n=6 rounds)" when paired; the reason when untested. */
    public static String test(Comparison.Row r) {
        if (r.change() == Change.UNKNOWN) {
            return r.note() == null ? "" : "(" + r.note() + ")";
        }
        if (Double.isNaN(r.test().p())) {
            return "";
        }
        return String.format(Locale.ROOT, "(p=%.3f %s)", r.test().p(), r.test().sizes());
    }

    /** A ratio interval as changes: "+25.00% … +35.00%"; "no interval" when it is unbounded. */
    public static String ratioRange(Stats.Interval i) {
        if (!(i.lo() > 0) || !Double.isFinite(i.hi())) {
            return "no interval";
        }
        return percent(i.lo()) + " … " + percent(i.hi());
    }

    public static String pm(Stats.Interval i) {
        if (i.n() == 1) {
            return "± ∞";
        }
        double rel = i.relativeHalfWidth();
        if (i.n() > 0 && i.centre() == 0 && i.lo() == 0 && i.hi() == 0) {
            return "± 0%";
        }
        if (Double.isNaN(rel)) {
            return i.n() == 0 ? "" : "± ∞";
        }
        return "± " + (rel == 0 ? "0" : Figures.error(rel * 100)) + "%";
    }

    /**
     * A median at the precision its interval supports ({@link Figures}: two significant digits of
     * the interval's larger half-width); four significant digits when the interval is unknown.
     */
    public static String centre(Stats.Interval i) {
        double hw = Double.isFinite(i.lo()) && Double.isFinite(i.hi()) ? Math.max(i.centre() - i.lo(), i.hi() - i.centre()) : Double.NaN;
        if (Double.isNaN(i.centre())) {
            return "?";
        }
        return hw > 0 ? Figures.value(i.centre(), hw) : num(i.centre());
    }

    /** A ratio as a signed percentage change: 0.066 -> "-93.40%". */
    public static String percent(double ratio) {
        if (Double.isNaN(ratio)) {
            return "?";
        }
        if (Double.isInfinite(ratio)) {
            return "+∞%";
        }
        return String.format(Locale.ROOT, "%+.2f%%", (ratio - 1) * 100);
    }

    /** A figure without an interval (a geomean): four significant digits, with k/M/G past 10,000 (benchstat keeps numbers this short). */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        if (a >= 1e10) {
            return sig(v / 1e9) + "G";
        }
        if (a >= 1e7) {
            return sig(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return sig(v / 1e3) + "k";
        }
        if (a == 0) {
            return "0";
        }
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return sig(v);
    }

    private static String sig(double v) {
        double a = Math.abs(v);
        int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : 4;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Columns 1 and 3 (the figures) right-aligned; wider gaps after the key, the base and the delta. */
    private static String align(List<String[]> rows) {
        return TextColumns.align(rows, "", i -> i == 1 || i == 3, i -> i == 0 || i == 2 || i == 4 ? "   " : " ");
    }
}
