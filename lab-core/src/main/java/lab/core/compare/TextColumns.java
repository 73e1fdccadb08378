package lab.core.compare;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Column alignment of the terminal tables ({@code ./lab compare} for JMH and agent runs, {@code ./lab
 * claims} of several runs): widths by
 * code points (the tables carry "±", "×" and "→"), which picocli's TextTable does not measure, and
 * every line's trailing blanks stripped.
 */
public final class TextColumns {

    private TextColumns() {
    }

    /**
     * @param indent what every line starts with
     * @param right  which columns are right-aligned (numbers); the others are left-aligned
     * @param gap    what follows column i
     */
    public static String align(List<String[]> rows, String indent, IntPredicate right, IntFunction<String> gap) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < cols; i++) {
                String pad = " ".repeat(w[i] - r[i].codePointCount(0, r[i].length()));
                line.append(right.test(i) ? pad + r[i] : r[i] + pad).append(gap.apply(i));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
