package lab.core.compare;

import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;
import lab.core.record.StoredRun;

/**
 * One side of a comparison: a run's results, or only one store's rows of a run.
 *
 * @param runId    the stored run
 * @param store    the {@code store} param to keep, or null for every row of the run
 * @param results  the run's JMH results
 * @param profiles the run's {@code RunManifest.profiles}: result key → profile folder
 */
public record Side(String runId, String store, List<BenchmarkResult> results, Map<String, String> profiles) {

    /** The JMH param that names the store in the lab's own benchmarks. */
    public static final String STORE_PARAM = "store";

    public Side {
        results = List.copyOf(results);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }

    public static Side of(StoredRun run, String store) {
        return new Side(run.id(), store, run.results(), run.manifest().profiles());
    }

    /** "RUN" or "RUN MEMORY". */
    public String label() {
        return store == null ? runId : runId + " " + store;
    }

    /** The rows this side compares: all, or those of its store. */
    public List<BenchmarkResult> selected() {
        if (store == null) {
            return results;
        }
        return results.stream().filter(r -> store.equals(r.param(STORE_PARAM))).toList();
    }

    /** The profile folder of one of this side's results, or null. */
    public String profileFolder(BenchmarkResult r) {
        return r == null ? null : profiles.get(r.key());
    }
}
