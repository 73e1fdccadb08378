package lab.core.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How far the verdicts of two or more runs agree, reading by reading (a claim and, when it has
 * several, which store or strategy it reads): the A/A check of the run design — two quick runs of
 * the same build should agree on at least 95% and never hold a claim in one run that the other
 * contradicts. Verdicts are compared as the design defines them ({@link Verdict#judgement}: "holds
 * in direction, not in size" is a contradicted claim); readings whose runs agree on the verdict
 * but not on the direction are counted apart. Only readings every run judged are compared; the
 * others are counted.
 *
 * @param runIds     the runs, in the order given
 * @param rows       one per reading judged in every run, in the first run's order
 * @param notInEvery readings some run lacks (a claim data change between runs, another matrix)
 */
public record ClaimAgreement(List<String> runIds, List<Row> rows, int notInEvery) {

    /** One reading's verdicts, one per run. */
    public record Row(String label, List<Verdict> verdicts) {

        /** The runs judge the claim alike ({@link Verdict#judgement}), whatever the direction did. */
        public boolean agree() {
            return verdicts.stream().map(Verdict::judgement).distinct().count() == 1;
        }

        /** The runs' labels are equal too: not only the verdict, also whether the direction held. */
        public boolean sameLabels() {
            return verdicts.stream().distinct().count() == 1;
        }

        /**
         * Held in one run and contradicted in another (in direction or in size): the flip a run
         * design must never produce.
         */
        public boolean holdsAgainstContradicted() {
            List<Verdict> j = verdicts.stream().map(Verdict::judgement).toList();
            return j.contains(Verdict.HOLDS) && j.contains(Verdict.CONTRADICTED);
        }
    }

    public ClaimAgreement {
        runIds = List.copyOf(runIds);
        rows = List.copyOf(rows);
    }

    public static ClaimAgreement of(List<ClaimReport> reports) {
        if (reports.size() < 2) {
            throw new IllegalArgumentException("an agreement needs at least two runs, got " + reports.size());
        }
        List<Map<String, Verdict>> byRun = new ArrayList<>();
        for (ClaimReport r : reports) {
            Map<String, Verdict> m = new LinkedHashMap<>();
            for (ClaimResult c : r.results()) {
                m.put(key(c), c.verdict());
            }
            byRun.add(m);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (ClaimResult c : reports.get(0).results()) {
            labels.putIfAbsent(key(c), ClaimsText.label(c));
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            List<Verdict> verdicts = byRun.stream().map(m -> m.get(e.getKey())).toList();
            if (verdicts.stream().allMatch(Objects::nonNull)) {
                rows.add(new Row(e.getValue(), verdicts));
            }
        }
        Set<String> all = new LinkedHashSet<>();
        byRun.forEach(m -> all.addAll(m.keySet()));
        return new ClaimAgreement(reports.stream().map(ClaimReport::runId).toList(), rows, all.size() - rows.size());
    }

    /** The claim id and its reading: what identifies a verdict across runs. */
    private static String key(ClaimResult c) {
        return c.claim().id() + "|" + (c.variant() == null ? "" : c.variant());
    }

    public int agreeing() {
        return (int) rows.stream().filter(Row::agree).count();
    }

    public List<Row> differing() {
        return rows.stream().filter(r -> !r.agree()).toList();
    }

    /** Readings whose runs agree on the verdict but not on whether the log's direction held. */
    public List<Row> directionDiffers() {
        return rows.stream().filter(r -> r.agree() && !r.sameLabels()).toList();
    }

    /** Readings whose labels are equal in every run (the finer count). */
    public int sameLabels() {
        return (int) rows.stream().filter(Row::sameLabels).count();
    }

    public List<Row> holdsAgainstContradicted() {
        return rows.stream().filter(Row::holdsAgainstContradicted).toList();
    }

    /** The share of readings whose verdicts agree, 0–1 (NaN when no reading is common to all runs). */
    public double share() {
        return rows.isEmpty() ? Double.NaN : (double) agreeing() / rows.size();
    }
}
