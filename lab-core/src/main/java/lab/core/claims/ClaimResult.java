package lab.core.claims;

import java.util.List;

/**
 * A claim judged against one run.
 *
 * @param variant     the subject store judged in this row (a claim with two readings gives two rows), or null
 * @param ours        our figure, as the log's is said ("9.8×", "212 B/op")
 * @param uncertainty its interval and test ("95% CI 9.1–10.5×, p = 0.008, n = 5+5 iterations")
 * @param measured    what was measured: workload, threads, stores, metric
 * @param why         the sentence that explains the verdict
 * @param caveats     what makes our setting differ from the log's
 */
public record ClaimResult(Claim claim, String variant, Verdict verdict, String ours, String uncertainty,
                          String measured, String why, List<String> caveats) {

    public ClaimResult {
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        ours = ours == null ? "—" : ours;
        uncertainty = uncertainty == null ? "" : uncertainty;
        measured = measured == null ? "" : measured;
    }
}
