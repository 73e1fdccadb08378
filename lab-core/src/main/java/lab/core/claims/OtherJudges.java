package lab.core.claims;

import java.util.ArrayList;
import java.util.List;

/** The judges that compute nothing of their own. */
final class OtherJudges {

    private OtherJudges() {
    }

    /** Nothing here can measure the claim: "not testable here" with the claim's reason. */
    static final class Untestable implements Judge {
        @Override
        public List<ClaimResult> judge(Claim c, RunData run) {
            return List.of(ClaimResult.notTestable(c, null, null, c.reason(), Caveats.of(c, null)));
        }
    }

    /**
     * Measured like a speed-up (when the claim has a baseline) or a value, shown with its
     * interval, never judged: the claim's reason says why the figure is not the log's quantity.
     */
    static final class Information implements Judge {
        @Override
        public List<ClaimResult> judge(Claim c, RunData run) {
            Judge measure = c.baseline() != null ? new SpeedupJudge() : new ValueJudge();
            List<ClaimResult> out = new ArrayList<>();
            for (ClaimResult r : measure.judge(c, run)) {
                out.add(r.verdict() == Verdict.NOT_TESTABLE ? r : r.withVerdict(Verdict.INFORMATION, c.reason()));
            }
            return out;
        }
    }
}
