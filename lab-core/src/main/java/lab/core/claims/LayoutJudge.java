package lab.core.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shard's layout claims, from the run's layouts.json (JOL, exact: no statistics): the deep
 * size of the empty MemoryStore shard against the empty ShardUnit, as a ratio or as the saving
 * over 32 shards, on the first JVM configuration that ran; the others are listed.
 */
final class LayoutJudge implements Judge {

    static final String DEFAULT_LEFT = "lab.core.store.MemoryStore";
    static final String DEFAULT_RIGHT = "lab.core.store.ShardUnit";
    static final String SAMPLE = "shard-empty";

    @Override
    public List<ClaimResult> judge(Claim c, RunData run) {
        return List.of(layout(c, run));
    }

    private static ClaimResult layout(Claim c, RunData run) {
        JsonNode root = run.layouts();
        if (root == null) {
            return ClaimResult.notTestable(c, null, "layouts.json", run.layoutsProblem(), Caveats.of(c, null));
        }
        String left = text(root.path("comparison").path("left"), DEFAULT_LEFT);
        String right = text(root.path("comparison").path("right"), DEFAULT_RIGHT);
        List<String> others = new ArrayList<>();
        Double figure = null;
        String used = null;
        String detail = null;
        boolean saving = "saving32".equals(c.measure());
        for (JsonNode conf : root.path("configurations")) {
            if (!conf.path("error").isNull() && !conf.path("error").isMissingNode()) {
                continue;
            }
            JsonNode l = conf.path("classes").path(left);
            JsonNode r = conf.path("classes").path(right);
            long deepL = l.path("deep").path(SAMPLE).path("totalSize").asLong(-1);
            long deepR = r.path("deep").path(SAMPLE).path("totalSize").asLong(-1);
            long shallowL = l.path("instanceSize").asLong(-1);
            long shallowR = r.path("instanceSize").asLong(-1);
            if (deepL < 0 || deepR < 0) {
                continue;
            }
            double f = saving ? 32.0 * (deepL - deepR) : (double) deepL / deepR;
            String name = text(conf.path("label"), text(conf.path("name"), "?"));
            String d = String.format(Locale.ROOT, "%s: deep %d → %d B, shallow %d → %d B", name, deepL, deepR, shallowL, shallowR);
            if (figure == null) {
                figure = f;
                used = name;
                detail = d;
            } else {
                others.add(d + " (" + (saving ? ClaimsText.num(f) + " B" : ClaimsText.factor(f)) + ")");
            }
        }
        if (figure == null) {
            return ClaimResult.notTestable(c, null, "layouts.json",
                    "layouts.json has no configuration with deep sizes of " + left + " and " + right, Caveats.of(c, null));
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
        return new ClaimResult(c, null, v, ours, uncertainty, "layouts.json, " + used + ", sample " + SAMPLE, why,
                Caveats.of(c, null), new ClaimResult.Figure(figure, figure, figure, saving ? "B" : "×", Double.NaN, "exact (JOL)",
                band, null));
    }

    private static String text(JsonNode n, String fallback) {
        return n.isTextual() ? n.asText() : fallback;
    }
}
