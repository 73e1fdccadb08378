package lab.core.compare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lab.core.record.AgentReport;
import lab.core.record.Figures;
import lab.core.record.StoredRun;

/**
 * Two agent runs side by side: per kind of count (locks, contended, parks, allocations), per lock
 * kind and per allocated class, each side's count and its rate per second of that side's counting
 * window, and the change of the rate (head / base − 1). Rates, not counts, are compared because
 * two windows rarely last equally long.
 *
 * <p>Why no test and no interval, unlike {@link Comparer}: the agent counts every event, so a
 * count has no sampling error, and each run is one window — one observation of what the program
 * did then. Whether another window would have counted the same is not something two numbers can
 * tell; the page and the terminal say so instead of inventing a p-value.
 *
 * @param tables totals, locks by kind, allocations by class; every row of both runs
 * @param notes  what to keep in mind reading the tables (always the method; different includes;
 *               each side's warnings)
 */
public record AgentComparison(Side base, Side head, List<Table> tables, List<String> notes) {

    /** How each side's counts were made. */
    public static final String METHOD = "Counts are exact (the agent counts every event, it does not sample) and each run is "
            + "one counting window, a single observation: there is no interval and no p-value, and a change is what these two "
            + "windows saw, not a tested difference. Rates are per second of each run's own window; a rate also follows how "
            + "much work the program did in its window (the agent knows no operation count).";

    /**
     * One run.
     *
     * @param seconds the window's length: the denominator of this side's rates
     */
    public record Side(String runId, String label, int window, Instant start, double seconds, String includes,
                       double contendedShare) {
    }

    /**
     * One table.
     *
     * @param what the name column's heading (count, lock kind, allocated class)
     */
    public record Table(String title, String what, List<Row> rows) {
    }

    /**
     * One count of both runs.
     *
     * @param ratio  head rate / base rate; null when the base counted none
     * @param change the printed change of the rate: {@code +12.3%}, {@code new} (base 0),
     *               {@code gone} (head 0), {@code =} (both 0)
     */
    public record Row(String name, long baseCount, double baseRate, long headCount, double headRate, Double ratio,
                      String change) {
    }

    public static AgentComparison of(StoredRun baseRun, StoredRun headRun) {
        AgentReport base = report(baseRun);
        AgentReport head = report(headRun);
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Totals", "count", List.of(
                row("lock acquisitions", base.locks().acquired(), head.locks().acquired(), base, head),
                row("contended acquisitions", base.locks().contended(), head.locks().contended(), base, head),
                row("parks", base.parks(), head.parks(), base, head),
                row("allocations", base.allocations().count(), head.allocations().count(), base, head))));
        tables.add(new Table("Locks by kind", "kind", rows(base.locks().byKind(), head.locks().byKind(), base, head, false)));
        tables.add(new Table("Allocations by class", "class",
                rows(base.allocations().byClass(), head.allocations().byClass(), base, head, true)));

        List<String> notes = new ArrayList<>();
        notes.add(METHOD);
        notes.add("Windows: base " + Figures.plain(base.window().seconds()) + " s, head " + Figures.plain(head.window().seconds())
                + " s.");
        if (!Objects.equals(base.agent().includes(), head.agent().includes())) {
            notes.add("The runs instrumented different classes (base includes " + shown(base.agent().includes()) + ", head "
                    + shown(head.agent().includes()) + "): their allocations and monitor counts cover different code.");
        }
        base.warnings().forEach(w -> notes.add("base: " + w));
        head.warnings().forEach(w -> notes.add("head: " + w));
        return new AgentComparison(side(baseRun, base), side(headRun, head), List.copyOf(tables), List.copyOf(notes));
    }

    private static AgentReport report(StoredRun run) {
        return run.agentReport().orElseThrow(() -> new IllegalArgumentException("run " + run.id() + " is " + kindOf(run)
                + ", not an agent run with a report: two agent runs compare by their counts"));
    }

    /** "an agent run", "a jmh run": for messages that name what a run is. */
    public static String kindOf(StoredRun run) {
        String k = run.manifest().kind().json();
        return ("aeiou".indexOf(k.charAt(0)) >= 0 ? "an " : "a ") + k + " run";
    }

    private static Side side(StoredRun run, AgentReport r) {
        return new Side(run.id(), run.manifest().label().isEmpty() ? run.id() : run.manifest().label() + " (" + run.id() + ")",
                r.window().number(), r.window().start(), r.window().seconds(), r.agent().includes(), r.locks().contendedShare());
    }

    /** Every name of either side, the busiest (higher rate of the two) first when {@code ranked}, else in the reports' order. */
    private static List<Row> rows(Map<String, Long> b, Map<String, Long> h, AgentReport base, AgentReport head, boolean ranked) {
        Set<String> names = new LinkedHashSet<>(b.keySet());
        names.addAll(h.keySet());
        List<Row> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(row(n, b.getOrDefault(n, 0L), h.getOrDefault(n, 0L), base, head));
        }
        if (ranked) {
            out.sort(Comparator.comparingDouble((Row r) -> Math.max(r.baseRate(), r.headRate())).reversed()
                    .thenComparing(Row::name));
        }
        return out;
    }

    static Row row(String name, long baseCount, long headCount, AgentReport base, AgentReport head) {
        double br = base.rate(baseCount);
        double hr = head.rate(headCount);
        Double ratio = baseCount == 0 ? null : hr / br;
        String change;
        if (baseCount == 0) {
            change = headCount == 0 ? "=" : "new";
        } else if (headCount == 0) {
            change = "gone";
        } else {
            change = String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
        }
        return new Row(name, baseCount, br, headCount, hr, ratio, change);
    }

    private static String shown(String includes) {
        return includes == null || includes.isEmpty() ? "none" : "'" + includes + "'";
    }
}
