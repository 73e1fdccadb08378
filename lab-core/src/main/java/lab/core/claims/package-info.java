/**
 * The decision log's quantitative claims as data, and their verdicts on a stored run.
 *
 * <p>The claims live in {@code lab/core/claims/claims.json}: each has the log's words, its figure,
 * which of our stores stand for the log's (and why), the measurement that tests it, and the band in
 * which it "holds". {@link lab.core.claims.ClaimEvaluator} turns a run into one
 * {@link lab.core.claims.Verdict} per claim (and per reading, when a log store has two JVM
 * counterparts) with the statistics of {@link lab.core.compare}: holds, holds in direction but not
 * in size, contradicted, inconclusive, or not testable here — always with the reason. Adding a
 * claim is one JSON object; {@code ClaimBookTest} checks it names real stores and evaluates.
 *
 * <p>{@code ./lab claims [RUN]} prints the verdict table; the site shows it at {@code /claims}.
 */
package lab.core.claims;
