package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How a run was scheduled, so its readers can pair what ran together.
 *
 * <p>A run is a sequence of rounds; each round runs one timing fork of every benchmark of the run
 * in a fresh random order ({@code seed} + round number seeds the shuffle; since {@code blocks},
 * what one comparison sets side by side runs together inside the round), so machine drift hits
 * every store alike and forks pair by round (randomized multiple interleaved trials, Abedi &amp;
 * Brecht, ICPE 2017). After the rounds, each benchmark gets one profiled fork (the lab agent,
 * async-profiler and gc) whose counts and flame graphs are stored apart from the timing results.
 *
 * @param rounds       timing rounds run (equal to the timing forks of each benchmark when none failed)
 * @param seed         the shuffle seed
 * @param timingForks  timing forks per benchmark the plan asked for
 * @param profiledFork whether each benchmark had a profiled fork
 * @param control      the JMH benchmark measured in every round to show drift between runs
 * @param jvms         the JVM configurations of the matrix (one, unless {@code --jvm}/{@code --jvm-args})
 * @param order        per round, the result keys in the order their forks ran
 * @param blocks       what ran together inside a round ({@code RunPlan}'s blocks), or null when a
 *                     round's order was unrestricted (runs before the blocks, load runs)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunDesign(int rounds, long seed, int timingForks, boolean profiledFork, String control,
                        List<JvmConfig> jvms, List<List<String>> order, String blocks) {

    public RunDesign {
        jvms = jvms == null ? List.of() : List.copyOf(jvms);
        order = order == null ? List.of() : order.stream().map(List::copyOf).toList();
    }

    /** A design whose rounds ran in an unrestricted order. */
    public RunDesign(int rounds, long seed, int timingForks, boolean profiledFork, String control, List<JvmConfig> jvms,
                     List<List<String>> order) {
        this(rounds, seed, timingForks, profiledFork, control, jvms, order, null);
    }
}
