/**
 * The decision log's quantitative claims as data, and their verdicts on a stored run.
 *
 * <p>The claims live in {@code lab/core/claims/claims.json}: each has the log's words (checked
 * against the decision log shipped beside it), its figure, which of our stores stand for the log's
 * (and why), the measurement that tests it, and the band in which it "holds". {@link
 * lab.core.claims.ClaimEvaluator} hands each claim to the {@link lab.core.claims.Judge} of its kind
 * (speed-up, value, spread, order, scaling, layout, information, untestable); every judge measures
 * with the comparison engine of {@link lab.core.compare} (paired by round where a run allows) and
 * decides with the rules stated once in {@link lab.core.claims.Rules}: holds, holds in direction
 * only, contradicted, inconclusive, not testable here, or information only — always with the reason.
 * Zero claims use a tolerance measured in the same run ({@link lab.core.claims.ZeroTolerance}).
 * Adding a claim is one JSON object; {@code ClaimBookTest} checks it names real stores, quotes the
 * log verbatim and evaluates.
 *
 * <p>{@code ./lab claims [RUN]} prints the verdict table ({@link lab.core.claims.ClaimsText}), with
 * {@code --json} the same as JSON ({@link lab.core.claims.ClaimsJson}); the site shows it at
 * {@code /claims}.
 */
package lab.core.claims;
