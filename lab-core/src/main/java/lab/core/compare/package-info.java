/**
 * Comparing two runs, or two stores of one run, the way benchstat does — adapted to the lab's run
 * design (timing forks in shuffled rounds, a control benchmark in every round) — and the
 * differential flame graph between them.
 *
 * <p>Conventions, stated once here:
 * <ul>
 * <li>Samples are per-fork means whenever both sides have at least 2 forks; iterations of one
 * fork are correlated and are used only when a side has a single fork, with a note
 * ({@link lab.core.compare.SampleKind}). NaN samples are refused with the fork named; -0.0 is 0.0.</li>
 * <li>Units are converted into the base's ({@link lab.core.compare.Units}) or the row is refused.</li>
 * <li>Every figure carries its uncertainty: a median with its distribution-free order-statistic
 * interval ({@link lab.core.compare.Stats#medianInterval}); one sample has none (± ∞).</li>
 * <li>Two benchmarks of one run are <b>paired by round</b> when their forks' rounds are recorded:
 * per-round ratios, their median, the Walsh-average interval and the Wilcoxon signed-rank test
 * ({@link lab.core.compare.Paired}, {@link lab.core.compare.SignedRank}). Otherwise (two runs,
 * no rounds, zeros) the ratio of medians, Moses' interval ({@link lab.core.compare.Stats#ratioInterval})
 * and the two-sided Mann-Whitney U test ({@link lab.core.compare.MannWhitney}: exact while counting
 * is cheap, else the normal approximation with tie and continuity correction). Each row says which
 * ({@link lab.core.compare.Analysis}). α = 0.05.</li>
 * <li>Two runs: the control benchmark's drift ({@link lab.core.compare.Drift}); a change of the
 * primary metric that does not clear it is "~ (machine drift ±X%)".</li>
 * <li>Better or worse follows the unit: ops/time is better higher, everything per operation
 * (time, bytes, locks) better lower.</li>
 * <li>Ratios are head/base; a table's summary is the geometric mean of its rows' ratios, "?" with
 * the reason when a ratio is missing, zero or infinite.</li>
 * </ul>
 *
 * <p>Layouts are compared too ({@link lab.core.compare.LayoutsAcrossRuns}: the same class in two
 * runs, per JVM configuration, through {@link lab.core.layout.SideBySide}); JOL's sizes are exact,
 * so no statistics apply there.
 *
 * <p>Used by {@code ./lab compare}, the site's {@code /compare} pages and the claims
 * ({@link lab.core.claims}). {@link lab.core.compare.ComparisonJson} is the machine-readable form of {@link lab.core.compare.ComparisonText}.
 */
package lab.core.compare;
