package lab.core.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.record.Layouts;

/**
 * The shard's layout claims, from the run's layouts.json (JOL, exact: no statistics): the deep
 * size of the empty MemoryStore shard against the empty ShardUnit, as a ratio or as the saving
 * over 32 shards, on the first JVM configuration that ran; the others are listed.
 */
final class LayoutJudge implements Judge {

    /** The deep-size sample the claims compare: the shard as its store builds it, empty. */
    static final String SAMPLE = Layouts.SAMPLE_SHARD_EMPTY;

    @Override
    public List<ClaimResult> judge(Claim c, RunData run) {
        return List.of(layout(c, run));
    }

    private static ClaimResult layout(Claim c, RunData run) {
        Layouts layouts = run.layouts();
        if (layouts == null) {
            return ClaimResult.notTestable(c, null, Layouts.FILE_NAME, run.layoutsProblem(), Caveats.of(c, null));
        }
        String left = layouts.comparison().left();
        String right = layouts.comparison().right();
        List<String> others = new ArrayList<>();
        Double figure = null;
        String used = null;
        String detail = null;
        boolean saving = "saving32".equals(c.measure());
        for (Layouts.Configuration conf : layouts.ran()) {
            Layouts.ClassInfo l = conf.classes().get(left);
            Layouts.ClassInfo r = conf.classes().get(right);
            Layouts.Deep deepL = l == null ? null : l.deep().get(SAMPLE);
            Layouts.Deep deepR = r == null ? null : r.deep().get(SAMPLE);
            if (deepL == null || deepR == null) {
                continue;
            }
            double f = saving ? 32.0 * (deepL.totalSize() - deepR.totalSize()) : (double) deepL.totalSize() / deepR.totalSize();
            String name = conf.label() != null ? conf.label() : conf.name() != null ? conf.name() : "?";
            String d = String.format(Locale.ROOT, "%s: deep %d → %d B, shallow %d → %d B", name, deepL.totalSize(),
                    deepR.totalSize(), l.instanceSize(), r.instanceSize());
            if (figure == null) {
                figure = f;
                used = name;
                detail = d;
            } else {
                others.add(d + " (" + (saving ? ClaimsText.num(f) + " B" : ClaimsText.factor(f)) + ")");
            }
        }
        if (figure == null) {
            return ClaimResult.notTestable(c, null, Layouts.FILE_NAME,
                    Layouts.FILE_NAME + " has no configuration with deep sizes of " + left + " and " + right, Caveats.of(c, null));
        }
        double[] band = c.holdsBand();
        String ours = saving ? ClaimsText.num(figure) + " B" : ClaimsText.factor(figure);
        boolean smaller = saving ? figure > 0 : figure > 1;
        String bandText = saving ? "[" + ClaimsText.num(band[0]) + ", " + ClaimsText.num(band[1]) + "] B"
                : "[" + ClaimsText.factor(band[0]) + ", " + ClaimsText.factor(band[1]) + "]";
        Verdict v;
        String why;
        if (figure >= band[0] && figure <= band[1]) {
            v = Verdict.HOLDS;
            why = "exact, within the log's band " + bandText;
        } else if (smaller) {
            v = Verdict.DIRECTION_ONLY;
            why = "the ShardUnit is smaller, but outside the log's band " + bandText;
        } else {
            v = Verdict.CONTRADICTED;
            why = "the ShardUnit is not smaller than the MemoryStore shard";
        }
        String uncertainty = "exact (JOL); " + detail + (others.isEmpty() ? "" : "; other JVM configurations: " + String.join("; ", others));
        return new ClaimResult(c, null, v, ours, uncertainty, Layouts.FILE_NAME + ", " + used + ", sample " + SAMPLE, why,
                Caveats.of(c, null), new ClaimResult.Figure(figure, figure, figure, saving ? "B" : "×", Double.NaN, "exact (JOL)",
                band, null));
    }
}
