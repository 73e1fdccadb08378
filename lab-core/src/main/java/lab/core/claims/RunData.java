package lab.core.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.core.record.BenchmarkResult;
import lab.core.record.Environment;
import lab.core.record.StoredRun;

/**
 * What the claims are judged on: a run's JMH results, its environment and its JOL layouts.
 *
 * @param layouts        layouts.json as a JSON tree, or null
 * @param layoutsProblem why there are no layouts (missing or unreadable), or null
 */
public record RunData(String runId, List<BenchmarkResult> results, Environment environment, JsonNode layouts,
                      String layoutsProblem) {

    public static final String LAYOUTS_FILE = "layouts.json";

    public RunData {
        results = List.copyOf(results);
        environment = environment == null ? Environment.unknown() : environment;
    }

    public static RunData of(StoredRun run) {
        JsonNode layouts = null;
        String problem;
        Optional<Path> f = run.file(LAYOUTS_FILE);
        if (f.isEmpty()) {
            problem = "the run has no " + LAYOUTS_FILE + " (the JOL pass did not run)";
        } else {
            try {
                layouts = ClaimBook.MAPPER.readTree(f.get().toFile());
                problem = null;
            } catch (IOException e) {
                problem = LAYOUTS_FILE + " is unreadable: " + e.getMessage();
            }
        }
        return new RunData(run.id(), run.results(), run.manifest().environment(), layouts, problem);
    }
}
