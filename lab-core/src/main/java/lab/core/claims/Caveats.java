package lab.core.claims;

import java.util.ArrayList;
import java.util.List;

import lab.core.bench.Workload;

/**
 * The caveats every result of a claim carries: the claim's own, the thread-count one, and, for
 * the times of writing workloads, the heap they are measured on.
 */
final class Caveats {

    static final String OLD_DATASET = "Timed with the dataset in the old generation, as in a service that has run a while:"
            + " under G1 (the JVM's default) each write also pays card marking and refinement, which Go's collector does not"
            + " charge; what that does to the writers' ranking on this machine, and the same writes under ParallelGC, are in"
            + " the README (\"The heap before measuring\").";

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
        if ("primary".equals(c.metric()) && c.workload() != null && Workload.parse(c.workload()).timesAnOldDataset()) {
            out.add(OLD_DATASET);
        }
        return out;
    }
}
