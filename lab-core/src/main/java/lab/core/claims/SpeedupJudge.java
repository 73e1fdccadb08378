package lab.core.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.compare.Change;
import lab.core.compare.Comparer;
import lab.core.compare.Comparison;
import lab.core.compare.Stats;
import lab.core.compare.Units;
import lab.core.record.Metric;

/**
 * "Subject is N× better than baseline": the comparison engine's row of the two stores (paired by
 * round when it can be, {@link Comparer#row}), turned into a factor that is above 1 when the
 * subject is better, and judged by the effect rule (or the equivalence rule for "no change" and
 * "at most" claims).
 */
final class SpeedupJudge implements Judge {

    @Override
    public List<ClaimResult> judge(Claim c, RunData run) {
        List<ClaimResult> out = new ArrayList<>();
        for (Readings.Reading r : Readings.of(c, run)) {
            out.add(one(c, run, r));
        }
        return out;
    }

    /** The factor of subject over baseline with its interval and test, or why it cannot be had. */
    record Factor(double centre, double lo, double hi, Comparison.Row row, String unit, String problem) {
    }

    static Factor factor(RunData run, Locator.Found f, String metric) {
        Locator.Measured s = Locator.metric(run, f.results().get(0), metric);
        Locator.Measured b = Locator.metric(run, f.results().get(1), metric);
        if (s.problem() != null || b.problem() != null) {
            return new Factor(Double.NaN, Double.NaN, Double.NaN, null, null, s.problem() != null ? s.problem() : b.problem());
        }
        String refusal = Units.refusal(s.metric().unit(), b.metric().unit());
        if (refusal != null) {
            return new Factor(Double.NaN, Double.NaN, Double.NaN, null, null, refusal);
        }
        Comparison.Row row = Comparer.row(b.result().key(), b.result(), s.result(), b.metric(), s.metric(), true);
        if (row.change() == Change.UNKNOWN) {
            return new Factor(Double.NaN, Double.NaN, Double.NaN, row, null, row.note());
        }
        boolean higherBetter = Metric.higherIsBetter(b.metric().unit());
        Stats.Interval ri = row.ratioInterval();
        if (higherBetter) {
            return new Factor(row.ratio(), ri.lo(), ri.hi(), row, b.metric().unit(), null);
        }
        return new Factor(inverse(row.ratio()), inverse(ri.hi()), inverse(ri.lo()), row, b.metric().unit(), null);
    }

    /** The pair, when both are stores (a floor has no store param to compare by). */
    private static List<String> storesOnly(List<String> pair) {
        return pair.stream().anyMatch(Locator.PSEUDO_STORES::contains) ? List.of() : pair;
    }

    static double inverse(double v) {
        return v == 0 ? Double.POSITIVE_INFINITY : 1 / v;
    }

    private ClaimResult one(Claim c, RunData run, Readings.Reading reading) {
        Locator.Found f = Locator.locate(c, run, List.of(reading.subject(), c.baseline()), reading.waitStrategy());
        String variant = reading.label();
        if (f.problem() != null) {
            return ClaimResult.notTestable(c, variant, f.measured(), f.problem(), Caveats.of(c, f));
        }
        if (reading.subject().equals(Locator.BEST)) {
            variant = Locator.BEST + "=" + f.names().get(0);
        }
        Factor x = factor(run, f, c.metric());
        if (x.problem() != null) {
            return ClaimResult.notTestable(c, variant, f.measured(), x.problem(), Caveats.of(c, f));
        }
        Comparison.Row row = x.row();
        String measured = f.measured() + ", " + metricName(c, x.unit()) + ", " + row.test().sizes().substring(2) + " "
                + row.samples().label() + ", " + row.analysis().text();
        String medians = String.format(Locale.ROOT, "medians %s vs %s %s", ClaimsText.num(row.headCentre().centre()),
                ClaimsText.num(row.baseCentre().centre()), x.unit());
        String uncertainty = String.format(Locale.ROOT, "95%% CI %s–%s, p = %s (%s; %s)", ClaimsText.factor(x.lo(), x.lo(), x.hi()),
                ClaimsText.factor(x.hi(), x.lo(), x.hi()), ClaimsText.p(row.test().p()), medians, row.analysis().text());
        double[] band = c.holdsBand();
        Rules.Decision d;
        if (row.baseCentre().centre() == 0 && row.headCentre().centre() == 0) {
            d = new Rules.Decision(Verdict.INCONCLUSIVE, "both stores measure 0 " + x.unit() + " here: there is nothing to"
                    + " reduce at " + Locator.threadsText(f.threads()));
        } else if (c.isEquivalence()) {
            d = Rules.equivalence(x.lo(), x.hi(), band, ClaimsText::factor);
        } else {
            boolean claimUp = c.figures().stream().mapToDouble(Double::doubleValue).max().orElse(1) > 1;
            d = Rules.effect(row.test().p(), row.minimumP(), x.centre() > 1, x.lo(), x.hi(), band, claimUp, ClaimsText::factor);
        }
        return new ClaimResult(c, variant, d.verdict(), ClaimsText.factor(x.centre(), x.lo(), x.hi()), uncertainty, measured, d.why(),
                Caveats.of(c, f), new ClaimResult.Figure(x.centre(), x.lo(), x.hi(), "×", row.test().p(),
                row.analysis().text(), band, null), storesOnly(List.of(f.names().get(1), f.names().get(0))));
    }

    static String metricName(Claim c, String unit) {
        return ("primary".equals(c.metric()) ? "score" : c.metric()) + " in " + unit;
    }
}
