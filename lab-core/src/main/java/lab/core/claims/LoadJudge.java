package lab.core.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.compare.LoadMatrix;
import lab.core.compare.Stats;

/**
 * "Store X serves N requests per second": the decision log's load estimates (its "Load Testing
 * Decision Matrix", its ChannelStore RPS figures and the 2000+ RPS requirement) against a load
 * run ({@code ./lab load}), which the log never made. Our figure is the store's measured maximum:
 * the median requests/s over the timing rounds at the connection count where that median is
 * highest ({@link LoadMatrix}), with its order-statistic interval; judged by the value rule.
 *
 * <p>The band: a lower bound ("50,000+") is {@code direction: above} with its
 * {@code directionBound} and reads [bound, ∞); a ceiling ("2000+ required", and ChannelStore
 * falls short) is {@code direction: below} and reads [0, bound]; a figure or a range ("~1,500",
 * "500–800") is the figures widened by the tolerance ({@link Claim#holdsBand}).
 *
 * <p>Not testable: no complete load run stored, the store not in it, or fewer than two rounds (a
 * single round has no interval).
 */
final class LoadJudge implements Judge {

    static final String UNIT = "req/s";

    @Override
    public List<ClaimResult> judge(Claim c, RunData run) {
        List<ClaimResult> out = new ArrayList<>();
        for (String store : c.subject()) {
            out.add(one(c, run, store));
        }
        return out;
    }

    private ClaimResult one(Claim c, RunData run, String store) {
        String variant = c.subject().size() > 1 ? store : null;
        List<String> caveats = Caveats.of(c, null);
        RunData.LoadRun load = run.load();
        if (load == null) {
            return ClaimResult.notTestable(c, variant, null, "no complete load run is stored (./lab load makes one)", caveats);
        }
        String where = "load run " + load.id();
        LoadMatrix.Row row = LoadMatrix.of(load.results()).row(store).orElse(null);
        if (row == null || row.best() == null) {
            return ClaimResult.notTestable(c, variant, where, where + " did not serve " + store
                    + " (./lab load --stores " + store + ")", caveats);
        }
        LoadMatrix.Cell best = row.best();
        Stats.Interval i = best.rps();
        String measured = where + ": " + store + "'s Task API under wrk, the connection count with the highest median"
                + " requests/s (" + best.connections() + " of " + row.cells().stream().map(x -> Integer.toString(x.connections())).toList()
                + "), n = " + i.n() + " round" + (i.n() == 1 ? "" : "s") + (load.environment() == null
                || load.environment().cores() == null ? "" : ", " + load.environment().cores() + " cores shared by wrk and the server");
        if (i.n() < 2) {
            return ClaimResult.notTestable(c, variant, measured, "one round has no interval (./lab load --rounds 3)", caveats);
        }
        if (best.hasErrors()) {
            caveats = new ArrayList<>(caveats);
            caveats.add("Some requests at that load failed (" + best.non2xx() + " non-2xx, " + best.errors() + " socket errors).");
        }
        double[] band = band(c);
        String ours = ClaimsText.num(i.centre()) + " " + UNIT;
        String uncertainty = String.format(Locale.ROOT, "%.1f%% CI %s–%s", i.confidence() * 100, ClaimsText.num(i.lo()),
                ClaimsText.num(i.hi()));
        Rules.Decision d = Rules.atLevel(Rules.value(i.lo(), i.hi(), band, null, null, v -> ClaimsText.num(v) + " " + UNIT),
                i.confidence(), i.n(), ours + " over " + i.n() + " rounds (./lab load --rounds 6 reaches 95%)");
        return new ClaimResult(c, variant, d.verdict(), ours, uncertainty, measured, d.why(), caveats,
                new ClaimResult.Figure(i.centre(), i.lo(), i.hi(), UNIT, Double.NaN, "n = " + i.n() + " rounds", band, null));
    }

    static double[] band(Claim c) {
        if (c.band() == null && c.direction() != null) {
            return "above".equals(c.direction()) ? new double[] {c.directionBound(), Double.POSITIVE_INFINITY}
                    : new double[] {0, c.directionBound()};
        }
        return c.holdsBand();
    }
}
