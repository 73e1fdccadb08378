package lab.core.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lab.core.compare.ComparisonText;
import lab.core.compare.TextColumns;
import lab.core.record.Figures;

/** The verdict table in the terminal ({@code ./lab claims}), and the number formats the site shares. */
public final class ClaimsText {

    private ClaimsText() {
    }

    public static String num(double v) {
        return ComparisonText.num(v);
    }

    /** A figure and its interval, each at the precision the interval supports ({@link Figures}). */
    public static String num(double v, double lo, double hi) {
        return Figures.value(v, Figures.halfWidth(lo, hi));
    }

    /** "15×" for a factor with its interval: to the precision the interval supports. */
    public static String factor(double v, double lo, double hi) {
        if (!Double.isFinite(v)) {
            return factor(v);
        }
        double hw = Figures.halfWidth(lo, hi);
        return (Double.isFinite(hw) && hw > 0 ? Figures.value(v, hw) : Figures.plain(v)) + "×";
    }

    /** "15.2×", "0.31×", "∞×". */
    public static String factor(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞×" : "-∞×";
        }
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 0.1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3g", v);
        return s + "×";
    }

    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "?";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** "zero-bytes-read [MEMORY]": the claim and, when it has several readings, which one. */
    public static String label(ClaimResult r) {
        boolean single = r.claim().subject().size() == 1 && r.claim().subject().get(0).equals(r.variant());
        return r.claim().id() + (r.variant() == null || single ? "" : " [" + r.variant() + "]");
    }

    /** Several runs' verdicts side by side: how many readings agree, and each one that does not. */
    public static String agreement(ClaimAgreement a) {
        StringBuilder sb = new StringBuilder();
        sb.append("Verdicts of ").append(a.runIds().size()).append(" runs (").append(String.join(", ", a.runIds()))
                .append("): agree on ").append(String.format(Locale.ROOT, "%d of %d readings judged in every run (%.1f%%)",
                        a.agreeing(), a.rows().size(), a.share() * 100)).append('\n');
        List<ClaimAgreement.Row> direction = a.directionDiffers();
        if (!direction.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  (verdicts as the design defines them: \"%s\" is a contradicted claim;"
                    + " %d of %d readings have the same label in every run)%n", Verdict.DIRECTION_ONLY.label(), a.sameLabels(),
                    a.rows().size()));
        }
        List<ClaimAgreement.Row> flips = a.holdsAgainstContradicted();
        sb.append("holds in one run, contradicted in another: ")
                .append(flips.isEmpty() ? "none" : flips.stream().map(ClaimAgreement.Row::label).collect(Collectors.joining(", ")))
                .append('\n');
        List<ClaimAgreement.Row> differ = a.differing();
        if (!differ.isEmpty()) {
            sb.append(differ.size()).append(differ.size() == 1 ? " reading differs:\n" : " readings differ:\n");
            sb.append(verdictColumns(differ, a.runIds().size()));
        }
        if (!direction.isEmpty()) {
            sb.append(direction.size()).append(direction.size() == 1 ? " reading agrees" : " readings agree")
                    .append(" on the verdict, not on whether the log's direction held:\n");
            sb.append(verdictColumns(direction, a.runIds().size()));
        }
        if (a.notInEvery() > 0) {
            sb.append(a.notInEvery()).append(" reading").append(a.notInEvery() == 1 ? " was" : "s were")
                    .append(" not judged in every run and are left out\n");
        }
        return sb.toString();
    }

    /** One line per reading: its label, then its verdict in each run. */
    private static String verdictColumns(List<ClaimAgreement.Row> readings, int runs) {
        List<String[]> rows = new ArrayList<>();
        for (ClaimAgreement.Row r : readings) {
            String[] cells = new String[1 + r.verdicts().size()];
            cells[0] = r.label();
            for (int i = 0; i < r.verdicts().size(); i++) {
                cells[i + 1] = r.verdicts().get(i).label();
            }
            rows.add(cells);
        }
        return TextColumns.align(rows, "  ", i -> false, i -> i == 0 ? "   " : i == runs ? "" : " | ");
    }

    public static String format(ClaimReport report) {
        StringBuilder out = new StringBuilder();
        out.append("claims of the decision log against run ").append(report.runId()).append('\n');
        out.append("measured on ").append(report.measuredOn()).append('\n');
        for (String n : report.notes()) {
            out.append("note: ").append(n).append('\n');
        }
        out.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"claim", "log", "ours", "verdict"});
        boolean beyond = false;
        for (ClaimResult r : report.results()) {
            if (r.claim().beyondTheLog() && !beyond) {
                beyond = true;
                rows.add(new String[] {"— " + Claim.BEYOND.toLowerCase(Locale.ROOT) + ": what the lab's own stores and floors say —", "", "", ""});
            }
            String id = label(r);
            rows.add(new String[] {id, r.claim().logFigure().replaceAll(" \\(.*", ""), r.ours(), r.verdict().label()});
        }
        int[] w = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4 && !row[3].isEmpty(); i++) {
                w[i] = Math.max(w[i], Math.min(row[i].length(), i == 1 ? 44 : 60));
            }
        }
        for (String[] row : rows) {
            if (row[3].isEmpty()) {
                // a section divider, across the columns
                out.append(row[0]).append('\n');
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                String cell = row[i].length() > w[i] ? row[i].substring(0, w[i] - 1) + "…" : row[i];
                line.append(cell).append(" ".repeat(w[i] - cell.length())).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n');
        for (ClaimResult r : report.results()) {
            out.append(label(r)).append(": ").append(r.verdict().label()).append(" — ").append(r.why()).append('\n');
            if (!r.uncertainty().isEmpty()) {
                out.append("    ours: ").append(r.ours()).append(", ").append(r.uncertainty()).append('\n');
            }
            if (!r.measured().isEmpty()) {
                out.append("    measured: ").append(r.measured()).append('\n');
            }
            for (String c : r.caveats()) {
                out.append("    caveat: ").append(c).append('\n');
            }
        }
        out.append('\n');
        report.counts().forEach((v, n) -> out.append(String.format(Locale.ROOT, "%-32s %d%n", v.label(), n)));
        return out.toString();
    }
}
