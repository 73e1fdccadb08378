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
 * @param forkSeconds    the wall time of each timing fork as the runner saw it (JVM start to exit,
 *                       JMH's host side included), in the order of {@code rounds}; empty for runs
 *                       stored before 2026-12-06 and imported results
 * @param profiledSeconds the profiled fork's wall time; null when it has none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultInfo(String key, String jvm, List<Integer> rounds, String profile, Integer profiledIndex,
                         List<Double> forkSeconds, Double profiledSeconds) {

    public ResultInfo {
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        forkSeconds = forkSeconds == null ? List.of() : List.copyOf(forkSeconds);
    }

    /** A result whose forks' wall times were not recorded. */
    public ResultInfo(String key, String jvm, List<Integer> rounds, String profile, Integer profiledIndex) {
        this(key, jvm, rounds, profile, profiledIndex, List.of(), null);
    }
}
