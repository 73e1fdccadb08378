package lab.core.claims;

import java.util.ArrayList;
import java.util.List;
import lab.core.compare.Change;
import lab.core.compare.Comparer;
import lab.core.compare.Comparison;
import lab.core.record.Metric;

/**
 * "Stores are ordered A &lt; B &lt; C": each neighbouring pair compared by the comparison engine
 * (paired by round when it can be). Holds when every pair is significant in the claimed order (an
 * intersection-union test: no correction); contradicted when any pair is significantly reversed
 * at α / pairs (Bonferroni: one reversal suffices); otherwise inconclusive.
 */
final class OrderJudge implements Judge {

    @Override
    public List<ClaimResult> judge(Claim c, RunData run) {
        Locator.Found f = Locator.locate(c, run, c.stores(), null);
        if (f.problem() != null) {
            return List.of(ClaimResult.notTestable(c, null, f.measured(), f.problem(), Caveats.of(c, f)));
        }
        double[] medians = new double[c.stores().size()];
        StringBuilder ps = new StringBuilder();
        List<String> reversed = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        String unit = null;
        List<String> signList = new ArrayList<>();
        double reverseAlpha = Rules.ALPHA / (c.stores().size() - 1);
        for (int k = 0; k < c.stores().size(); k++) {
            Locator.Measured m = Locator.metric(run, f.results().get(k), c.metric());
            if (m.problem() != null) {
                return List.of(ClaimResult.notTestable(c, null, f.measured(), m.problem(), Caveats.of(c, f)));
            }
            unit = m.metric().unit();
            if (k == 0) {
                continue;
            }
            Locator.Measured prev = Locator.metric(run, f.results().get(k - 1), c.metric());
            Comparison.Row row = Comparer.row(prev.result().key(), prev.result(), m.result(), prev.metric(), m.metric(), true);
            if (row.change() == Change.UNKNOWN) {
                return List.of(ClaimResult.notTestable(c, null, f.measured(), row.note(), Caveats.of(c, f)));
            }
            medians[k - 1] = row.baseCentre().centre();
            medians[k] = row.headCentre().centre();
            boolean higherBetter = Metric.higherIsBetter(unit);
            // claimed: the earlier store is the better one
            boolean earlierBetter = higherBetter ? row.ratio() < 1 : row.ratio() > 1;
            String pair = c.stores().get(k - 1) + "/" + c.stores().get(k);
            if (row.test().p() <= Rules.ALPHA && earlierBetter) {
                signList.add(higherBetter ? " > " : " < ");
            } else if (row.test().p() <= reverseAlpha && !earlierBetter) {
                signList.add(higherBetter ? " < " : " > ");
                reversed.add(pair);
            } else {
                signList.add(" ≈ ");
                unresolved.add(pair);
            }
            ps.append(ps.length() == 0 ? "" : ", ").append(pair).append(" p = ").append(ClaimsText.p(row.test().p()))
                    .append(row.analysis().isPaired() ? " (paired)" : "");
        }
        StringBuilder ours = new StringBuilder();
        for (int k = 0; k < c.stores().size(); k++) {
            if (k > 0) {
                ours.append(signList.get(k - 1));
            }
            ours.append(c.stores().get(k)).append(' ').append(ClaimsText.num(medians[k]));
        }
        ours.append(' ').append(unit);
        Verdict v;
        String why;
        if (!reversed.isEmpty()) {
            v = Verdict.CONTRADICTED;
            why = "significantly reversed: " + String.join(", ", reversed);
        } else if (!unresolved.isEmpty()) {
            v = Verdict.INCONCLUSIVE;
            why = "no significant difference for " + String.join(", ", unresolved);
        } else {
            v = Verdict.HOLDS;
            why = "every neighbouring pair differs significantly in the claimed order";
        }
        return List.of(new ClaimResult(c, null, v, ours.toString(), ps.toString(),
                f.measured() + ", " + SpeedupJudge.metricName(c, unit), why, Caveats.of(c, f)));
    }
}
