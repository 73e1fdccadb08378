package lab.web.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.core.claims.ClaimBook;
import lab.core.store.StoreType;

/**
 * The decision log's "Load Testing Decision Matrix", read from the shipped log itself (the one
 * place its figures live): per implementation, its benchmark time per operation, its estimated
 * maximum requests per second and whether a load test was "worth it". The log never measured these
 * RPS figures; the load page puts them next to what {@code ./lab load} measured.
 *
 * <p>The block is the box-drawn table after the heading {@value #HEADING}: rows of
 * {@code │ name │ figure │ figure │ verdict │}, a row whose first cell is empty continuing the
 * header. Implementations are matched to stores by {@link StoreType#logName()}.
 */
public final class LogMatrix {

    static final String HEADING = "Load Testing Decision Matrix";

    /**
     * One row of the log's matrix.
     *
     * @param store     the {@link StoreType} name whose log name the row gives, or null when none matches
     * @param benchmark the log's benchmark figure, as written ("10.28ns")
     * @param estMaxRps the log's estimate, as written ("50,000+", "500-800")
     * @param worthIt   the log's "Load Test Worth It" cell
     */
    public record Row(String implementation, String store, String benchmark, String estMaxRps, String worthIt) {
    }

    private final List<String> header;
    private final List<Row> rows;

    private LogMatrix(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** The matrix of the shipped decision log. */
    public static LogMatrix shipped() {
        return parse(ClaimBook.decisionLog());
    }

    /**
     * The matrix of a decision log's text.
     *
     * @throws IllegalArgumentException when the text has no such matrix (a log without it is not ours)
     */
    public static LogMatrix parse(String log) {
        int at = log.indexOf(HEADING);
        if (at < 0) {
            throw new IllegalArgumentException("the decision log has no \"" + HEADING + "\"");
        }
        List<String[]> cells = new ArrayList<>();
        boolean inTable = false;
        for (String line : log.substring(at).split("\n")) {
            String t = line.trim();
            if (t.startsWith("│")) {
                inTable = true;
                String[] parts = t.substring(1, t.endsWith("│") ? t.length() - 1 : t.length()).split("│", -1);
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = parts[i].trim();
                }
                cells.add(parts);
            } else if (inTable && t.startsWith("╰")) {
                break;
            }
        }
        if (cells.size() < 2 || cells.get(0).length < 4) {
            throw new IllegalArgumentException("the decision log's \"" + HEADING + "\" has no rows of four cells");
        }
        String[] head = cells.get(0).clone();
        int i = 1;
        while (i < cells.size() && cells.get(i)[0].isEmpty()) {
            // a header cell written over two lines
            for (int c = 0; c < head.length && c < cells.get(i).length; c++) {
                head[c] = (head[c] + " " + cells.get(i)[c]).trim();
            }
            i++;
        }
        List<Row> rows = new ArrayList<>();
        for (; i < cells.size(); i++) {
            String[] r = cells.get(i);
            if (r.length < 4) {
                continue;
            }
            rows.add(new Row(r[0], storeOf(r[0]), r[1], r[2], r[3]));
        }
        return new LogMatrix(List.of(head), List.copyOf(rows));
    }

    private static String storeOf(String implementation) {
        for (StoreType t : StoreType.values()) {
            if (t.logName().equals(implementation)) {
                return t.name();
            }
        }
        return null;
    }

    /** The log's column names: "Implementation", "Benchmark Performance", "Est. Max RPS", "Load Test Worth It". */
    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public Optional<Row> row(String store) {
        return rows.stream().filter(r -> store.equals(r.store())).findFirst();
    }
}
