package lab.core.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lab.core.compare.Comparer;
import lab.core.compare.MannWhitney;
import lab.core.compare.SampleKind;
import lab.core.compare.Stats;

/**
 * "Subject's spread is N× narrower than baseline's" (the log's ranges). Spread here is each side's
 * absolute deviations from its median: the factor is the ratio of their medians (baseline's over
 * subject's), its interval the pairwise ratios of those deviations (Moses) and its significance
 * Mann-Whitney U on them (a rank-based Brown–Forsythe test), so figure, interval and test are of
 * one statistic. The ranges the log quotes are printed beside it: the range of six fork means is
 * set by the two most extreme forks and was no statistic any interval here is of (it was the
 * figure shown until 2026-12-06, and lay outside its own interval in some runs). Judged by the
 * effect rule.
 */
final class SpreadJudge implements Judge {

    @Override
    public List<ClaimResult> judge(Claim c, RunData run) {
        List<ClaimResult> out = new ArrayList<>();
        for (Readings.Reading r : Readings.of(c, run)) {
            out.add(one(c, run, r));
        }
        return out;
    }

    private ClaimResult one(Claim c, RunData run, Readings.Reading reading) {
        Locator.Found f = Locator.locate(c, run, List.of(reading.subject(), c.baseline()), reading.waitStrategy());
        if (f.problem() != null) {
            return ClaimResult.notTestable(c, reading.label(), f.measured(), f.problem(), Caveats.of(c, f));
        }
        Locator.Measured sm = Locator.metric(run, f.results().get(0), c.metric());
        Locator.Measured bm = Locator.metric(run, f.results().get(1), c.metric());
        if (sm.problem() != null || bm.problem() != null) {
            return ClaimResult.notTestable(c, reading.label(), f.measured(), sm.problem() != null ? sm.problem() : bm.problem(),
                    Caveats.of(c, f));
        }
        SampleKind kind = Comparer.sampleKind(sm.metric(), bm.metric());
        double[] s = Comparer.samples(sm.metric(), kind);
        double[] b = Comparer.samples(bm.metric(), kind);
        String problem = Comparer.problem(reading.subject(), s, kind);
        if (problem == null) {
            problem = Comparer.problem(c.baseline(), b, kind);
        }
        if (problem != null) {
            return ClaimResult.notTestable(c, reading.label(), f.measured(), problem, Caveats.of(c, f));
        }
        double[] ds = deviations(s);
        double[] db = deviations(b);
        MannWhitney.Result test = MannWhitney.test(ds, db);
        Stats.Interval r = Stats.ratioInterval(ds, db, Rules.LEVEL);
        double centre = r.centre();
        String unit = sm.metric().unit();
        String measured = f.measured() + ", " + SpeedupJudge.metricName(c, unit) + ", " + s.length + "+" + b.length + " " + kind.label();
        String uncertainty = String.format(Locale.ROOT, "95%% CI %s–%s, p = %s (median deviations %s vs %s %s; ranges %s vs %s)",
                ClaimsText.factor(r.lo(), r.lo(), r.hi()), ClaimsText.factor(r.hi(), r.lo(), r.hi()), ClaimsText.p(test.p()),
                ClaimsText.num(Stats.median(ds)), ClaimsText.num(Stats.median(db)), unit, ClaimsText.num(range(s)), ClaimsText.num(range(b)));
        double[] band = c.holdsBand();
        boolean claimUp = c.figures().get(0) > 1;
        Rules.Decision d = Rules.effect(test.p(), MannWhitney.minimumP(ds.length, db.length),
                Stats.median(ds) < Stats.median(db),
                r.lo(), r.hi(), band, claimUp, ClaimsText::factor);
        return new ClaimResult(c, reading.label(), d.verdict(), ClaimsText.factor(centre, r.lo(), r.hi()), uncertainty, measured, d.why(),
                Caveats.of(c, f), new ClaimResult.Figure(centre, r.lo(), r.hi(), "×", test.p(), "unpaired (deviations)", band, null));
    }

    /**
     * Absolute deviations from the median. With an odd count the median sample's own deviation is
     * a structural zero that carries no information about spread; it is dropped (Hines and Hines'
     * correction of the Brown–Forsythe test), which also keeps the ratio interval finite.
     */
    static double[] deviations(double[] x) {
        double m = Stats.median(x);
        double[] d = Arrays.stream(x).map(v -> Math.abs(v - m)).toArray();
        if (d.length % 2 == 1 && d.length > 1) {
            Arrays.sort(d);
            return Arrays.copyOfRange(d, 1, d.length);
        }
        return d;
    }

    private static double range(double[] x) {
        return x.length == 0 ? Double.NaN : Arrays.stream(x).max().getAsDouble() - Arrays.stream(x).min().getAsDouble();
    }
}
