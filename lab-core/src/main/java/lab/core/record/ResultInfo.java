package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the runner knows of one result beyond JMH's JSON: {@link RunManifest#results()} lists one
 * per entry of {@code jmh.json}, in the same order.
 *
 * @param key      the result's {@link BenchmarkResult#key()}
 * @param jvm      the {@link JvmConfig#name()} it ran on; null when the run has one configuration
 * @param rounds   the round of each timing fork, in the order of the result's rawData forks: forks
 *                 of two results with the same round ran in the same round, so they pair
 * @param profile  its profiled fork's async-profiler folder, relative to the profiles root; null
 *                 when it has none
 * @param profiledIndex its entry in {@code jmh-profiled.json}; null when it has no profiled fork
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultInfo(String key, String jvm, List<Integer> rounds, String profile, Integer profiledIndex) {

    public ResultInfo {
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
    }
}
