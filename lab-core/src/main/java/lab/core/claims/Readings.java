package lab.core.claims;

import java.util.ArrayList;
import java.util.List;

/** The readings of a claim: each subject store, and each wait strategy an actor subject ran with. */
final class Readings {

    /** @param label the variant shown on the row (null for a claim with one reading) */
    record Reading(String subject, String waitStrategy, String label) {
    }

    private Readings() {
    }

    static List<Reading> of(Claim c, RunData run) {
        List<Reading> out = new ArrayList<>();
        for (String s : c.subject()) {
            List<String> waits = Locator.waits(run, c, s);
            if (waits.size() <= 1) {
                out.add(new Reading(s, null, s));
            } else {
                for (String w : waits) {
                    out.add(new Reading(s, w, s + " wait=" + w));
                }
            }
        }
        return out;
    }
}
