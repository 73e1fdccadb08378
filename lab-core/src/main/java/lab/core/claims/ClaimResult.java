package lab.core.claims;

import java.util.List;

/**
 * A claim judged against one run. Plain data: the terminal, JSON and the site render it.
 *
 * @param variant     the reading judged in this row (a subject store, a wait strategy, a JVM
 *                    configuration; a claim with two readings gives two rows), or null
 * @param verdict     the verdict ({@link Rules} says how it is reached)
 * @param ours        our figure, as the log's is said ("9.8×", "212 B/op")
 * @param uncertainty its interval and test ("95% CI 9.1–10.5×, p = 0.008, unpaired …")
 * @param measured    what was measured: workload, threads, stores, metric, samples
 * @param why         the sentence that explains the verdict
 * @param caveats     what makes our setting differ from the log's
 * @param figure      the numbers behind {@code ours}, or null (not testable, layouts)
 * @param compared    the two stores a speed-up compared, as {@code ./lab compare RUN --stores} takes them
 *                    (baseline, subject: BEST resolved), for a link to the comparison; empty otherwise
 */
public record ClaimResult(Claim claim, String variant, Verdict verdict, String ours, String uncertainty,
                          String measured, String why, List<String> caveats, Figure figure, List<String> compared) {

    /**
     * Our figure as numbers (for JSON and CI gates).
     *
     * @param value    the centre: a factor, or a value in {@code unit}
     * @param lo       its interval's lower end (0 or −∞ when unbounded)
     * @param hi       its upper end (+∞ when unbounded)
     * @param unit     "×" for factors, else the value's unit
     * @param p        the test's two-sided p, NaN for values (no test)
     * @param analysis "paired by round, 6 rounds", "unpaired (…)", "n = 5 per-fork means", …
     * @param band     the band the verdict used, [lo, hi] in the figure's unit; null when none
     * @param tolerance for zero claims: how the tolerance was measured, else null
     */
    public record Figure(double value, double lo, double hi, String unit, double p, String analysis, double[] band,
                         String tolerance) {
    }

    public ClaimResult {
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        ours = ours == null ? "—" : ours;
        uncertainty = uncertainty == null ? "" : uncertainty;
        measured = measured == null ? "" : measured;
        compared = compared == null ? List.of() : List.copyOf(compared);
    }

    public ClaimResult(Claim claim, String variant, Verdict verdict, String ours, String uncertainty, String measured,
                       String why, List<String> caveats, Figure figure) {
        this(claim, variant, verdict, ours, uncertainty, measured, why, caveats, figure, List.of());
    }

    public ClaimResult(Claim claim, String variant, Verdict verdict, String ours, String uncertainty, String measured,
                       String why, List<String> caveats) {
        this(claim, variant, verdict, ours, uncertainty, measured, why, caveats, null, List.of());
    }

    static ClaimResult notTestable(Claim c, String variant, String measured, String why, List<String> caveats) {
        return new ClaimResult(c, variant, Verdict.NOT_TESTABLE, null, null, measured, why, caveats);
    }

    ClaimResult withVerdict(Verdict v, String newWhy) {
        return new ClaimResult(claim, variant, v, ours, uncertainty, measured, newWhy, caveats, figure, compared);
    }

    ClaimResult withVariant(String v) {
        return new ClaimResult(claim, v, verdict, ours, uncertainty, measured, why, caveats, figure, compared);
    }
}
