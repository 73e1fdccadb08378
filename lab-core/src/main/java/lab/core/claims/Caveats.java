package lab.core.claims;

import java.util.ArrayList;
import java.util.List;

/** The caveats every result of a claim carries: the claim's own, and the thread-count one. */
final class Caveats {

    private Caveats() {
    }

    static List<String> of(Claim c, Locator.Found found) {
        List<String> out = new ArrayList<>();
        if (c.caveat() != null) {
            out.add(c.caveat());
        }
        if (found != null && found.problem() == null && "max".equals(c.threadsText()) && found.threads() <= 2) {
            out.add("Measured at " + Locator.threadsText(found.threads())
                    + "; the log's parallel Go benchmarks used every core of its machine, so contention-driven gaps are smaller here.");
        }
        return out;
    }
}
