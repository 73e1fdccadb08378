/**
 * Comparing two runs, or two stores of one run, the way benchstat does — and the differential
 * flame graph between them.
 *
 * <p>Conventions, stated once here:
 * <ul>
 * <li>Every figure carries its uncertainty: a median with its distribution-free order-statistic
 * interval ({@link lab.core.compare.Stats#medianInterval}), a ratio with Moses' interval
 * ({@link lab.core.compare.Stats#ratioInterval}); the interval's real (discrete) coverage is kept
 * next to it.</li>
 * <li>Significance is the two-sided Mann-Whitney U test at α = 0.05
 * ({@link lab.core.compare.MannWhitney}): exact over the permutation distribution for up to 20
 * samples a side, commons-math3's normal approximation above.</li>
 * <li>Samples are per-fork means when both sides have at least 3 forks, measurement iterations
 * otherwise ({@link lab.core.compare.SampleKind}); every table says which.</li>
 * <li>Better or worse follows the unit: ops/time is better higher, everything per operation
 * (time, bytes, locks) better lower.</li>
 * <li>Ratios are head/base; a table's summary is the geometric mean of its rows' ratios.</li>
 * </ul>
 *
 * <p>Used by {@code ./lab compare} ({@link lab.core.compare.CompareCommand}), the site's
 * {@code /compare} pages and the claims ({@link lab.core.claims}).
 */
package lab.core.compare;
