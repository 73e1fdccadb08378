package lab.core.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lab.core.compare.Change;
import lab.core.compare.Comparer;
import lab.core.compare.Comparison;
import lab.core.compare.Side;
import lab.core.compare.Units;
import lab.core.record.BenchmarkResult;
import lab.core.record.Metric;

/**
 * "Linear scalability": the subject's throughput at the run's highest thread count divided by its
 * throughput at one thread, paired by round (both ran in every round). With a time per operation
 * (per thread) the throughput of t threads is t / time, so the factor is t × time₁ / timeₜ.
 * "Linear" is the thread count: the band is [t / 1.2, t × 1.2] unless the claims data says
 * otherwise, and the effect rule decides.
 */
final class ScalingJudge implements Judge {

    @Override
    public List<ClaimResult> judge(Claim c, RunData run) {
        List<ClaimResult> out = new ArrayList<>();
        for (String s : c.subject()) {
            out.add(one(c, run, s));
        }
        return out;
    }

    private ClaimResult one(Claim c, RunData run, String store) {
        Integer cores = run.environment().cores();
        String measured = c.workload() + ", " + store + ", 1 thread vs the most";
        if (c.requiresCores() != null && (cores == null || cores < c.requiresCores())) {
            return ClaimResult.notTestable(c, store, measured, "needs at least " + c.requiresCores() + " cores; this machine has "
                    + (cores == null ? "an unknown number of" : cores), Caveats.of(c, null));
        }
        List<BenchmarkResult> of = run.results().stream()
                .filter(r -> store.equals(r.param(Side.STORE_PARAM)) && c.workload().equals(r.method())).toList();
        Optional<BenchmarkResult> one = of.stream().filter(r -> r.threads() == 1).findFirst();
        Optional<BenchmarkResult> most = of.stream().filter(r -> r.threads() > 1).max(java.util.Comparator.comparingInt(BenchmarkResult::threads));
        if (one.isEmpty() || most.isEmpty()) {
            return ClaimResult.notTestable(c, store, measured, "the run lacks " + store + " on " + c.workload()
                    + (one.isEmpty() ? " at 1 thread" : " at more than 1 thread"), Caveats.of(c, null));
        }
        int t = most.get().threads();
        Metric m1 = one.get().primary();
        Metric mt = most.get().primary();
        String refusal = Units.refusal(mt.unit(), m1.unit());
        if (refusal != null) {
            return ClaimResult.notTestable(c, store, measured, refusal, Caveats.of(c, null));
        }
        Comparison.Row row = Comparer.row(one.get().key(), one.get(), most.get(), m1, mt, true);
        if (row.change() == Change.UNKNOWN) {
            return ClaimResult.notTestable(c, store, measured, row.note(), Caveats.of(c, null));
        }
        boolean throughput = Metric.higherIsBetter(m1.unit());
        double centre = throughput ? row.ratio() : t / row.ratio();
        double lo = throughput ? row.ratioInterval().lo() : t / row.ratioInterval().hi();
        double hi = throughput ? row.ratioInterval().hi() : (row.ratioInterval().lo() == 0 ? Double.POSITIVE_INFINITY : t / row.ratioInterval().lo());
        double[] band = c.band() != null && c.band().size() == 2 ? c.holdsBand() : new double[] {t / Rules.TOLERANCE, t * Rules.TOLERANCE};
        Rules.Decision d = Rules.effect(row.test().p(), row.minimumP(), centre > 1, lo, hi, band, true, ClaimsText::factor);
        String m = c.workload() + ", " + store + ", 1 vs " + t + " threads, " + row.test().sizes().substring(2) + " "
                + row.samples().label() + ", " + row.analysis().text();
        String uncertainty = String.format(Locale.ROOT, "95%% CI %s–%s, p = %s (linear = %d×; medians %s vs %s %s)",
                ClaimsText.factor(lo, lo, hi), ClaimsText.factor(hi, lo, hi), ClaimsText.p(row.test().p()), t,
                ClaimsText.num(row.baseCentre().centre()), ClaimsText.num(row.headCentre().centre()), m1.unit());
        return new ClaimResult(c, store, d.verdict(), ClaimsText.factor(centre, lo, hi), uncertainty, m, d.why(), Caveats.of(c, null),
                new ClaimResult.Figure(centre, lo, hi, "×", row.test().p(), row.analysis().text(), band, null));
    }
}
