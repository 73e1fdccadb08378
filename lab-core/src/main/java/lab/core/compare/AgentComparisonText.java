package lab.core.compare;

import java.util.ArrayList;
import java.util.List;
import lab.core.record.Figures;

/**
 * Two agent runs in the terminal ({@code ./lab compare A B} when both are agent runs): per table
 * {@code name  base count  base /s  head count  head /s  change}, then the notes (the method
 * first: exact counts, one window each, no p-values).
 */
public final class AgentComparisonText {

    /** Rows printed per table; {@code --json} has them all. */
    public static final int ROWS_PER_TABLE = 50;

    private AgentComparisonText() {
    }

    public static String format(AgentComparison c) {
        StringBuilder out = new StringBuilder();
        side(out, "base", c.base());
        side(out, "head", c.head());
        for (AgentComparison.Table t : c.tables()) {
            out.append('\n').append(t.title()).append('\n');
            List<String[]> cells = new ArrayList<>();
            cells.add(new String[] {t.what(), "base", "base /s", "head", "head /s", "change /s"});
            List<AgentComparison.Row> rows = t.rows();
            for (AgentComparison.Row r : rows.subList(0, Math.min(ROWS_PER_TABLE, rows.size()))) {
                cells.add(new String[] {printable(r.name()), count(r.baseCount()), rate(r.baseRate()), count(r.headCount()),
                    rate(r.headRate()), r.change()});
            }
            if (rows.isEmpty()) {
                out.append("  (none counted in either run)\n");
                continue;
            }
            out.append(align(cells));
            if (rows.size() > ROWS_PER_TABLE) {
                out.append("… and ").append(rows.size() - ROWS_PER_TABLE).append(" more (--json prints every row)\n");
            }
        }
        out.append('\n');
        for (String n : c.notes()) {
            out.append("note: ").append(n).append('\n');
        }
        return out.toString();
    }

    private static void side(StringBuilder out, String name, AgentComparison.Side s) {
        out.append(name).append(": ").append(printable(s.label())).append(" — window ").append(s.window()).append(", ")
                .append(Figures.plain(s.seconds())).append(" s from ").append(s.start()).append(", contended share ")
                .append(share(s.contendedShare())).append('\n');
    }

    /** A stored name as the terminal shows it: control characters (escape sequences) as '?'. */
    static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    public static String count(long n) {
        return Figures.fixed(n, 0);
    }

    /** A rate per second: four significant digits (an exact count over a measured window). */
    public static String rate(double perSecond) {
        return Figures.plain(perSecond);
    }

    public static String share(double share) {
        return Double.isNaN(share) ? "— (no lock acquired)" : Figures.plain(share * 100) + "%";
    }

    /** The name left-aligned, every count and rate right-aligned. */
    private static String align(List<String[]> rows) {
        return TextColumns.align(rows, "  ", i -> i > 0, i -> "   ");
    }
}
