package lab.core.compare;

import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;
import org.junit.jupiter.api.Test;

/**
 * Two stores of one run whose forks ran in rounds: the machine drifts between rounds (each round
 * is 30% slower than the one before), and SHARD is 10% faster than MEMORY in every round. Pairing
 * by round sees the 10%; an unpaired test drowns it in the drift.
 */
class PairedComparisonTest {

    static final double[] DRIFT = {1.0, 1.3, 1.69, 2.197, 2.856, 3.713};

    static double[] scaled(double base, double... noise) {
        double[] v = new double[DRIFT.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = base * DRIFT[i] * (1 + (i < noise.length ? noise[i] : 0));
        }
        return v;
    }

    static List<BenchmarkResult> run(boolean withRounds) {
        JmhFixture memory = result("read", "MEMORY").forks(scaled(100, 0.01, -0.01, 0.02, 0, -0.02, 0.01));
        JmhFixture shard = result("read", "SHARD").forks(scaled(90, -0.01, 0.01, 0, 0.02, 0.01, -0.02));
        if (withRounds) {
            memory.rounds(0, 1, 2, 3, 4, 5);
            // the forks of one benchmark are stored in the order they ran; pairing is by round number
            shard.rounds(0, 1, 2, 3, 4, 5);
        }
        return JmhFixture.parse(memory, shard);
    }

    @Test
    void storesOfOneRunArePairedByRound() {
        List<BenchmarkResult> run = run(true);
        Comparison c = Comparer.compare(new Side("r", "MEMORY", run, Map.of()), new Side("r", "SHARD", run, Map.of()), null);
        Comparison.Row r = c.tables().get(0).rows().get(0);
        assertThat(r.analysis().isPaired()).isTrue();
        assertThat(r.analysis().text()).isEqualTo("paired by round, 6 rounds");
        assertThat(r.test().name()).isEqualTo(Significance.SIGNED_RANK);
        // every round: SHARD/MEMORY = 0.9 x (1 + small noise) -> all six log ratios negative: p = 2/64
        assertThat(r.test().p()).isCloseTo(0.03125, within(1e-12));
        assertThat(r.ratio()).isCloseTo(0.9, within(0.02));
        assertThat(r.ratioInterval().hi()).isLessThan(1);
        assertThat(r.change()).isEqualTo(Change.BETTER);
        assertThat(ComparisonText.test(r)).isEqualTo("(p=0.031 n=6 rounds)");
        assertThat(ComparisonText.format(c)).contains("analysis: paired by round, 6 rounds");
    }

    @Test
    void withoutRecordedRoundsTheSameForksAreUnpairedAndTheDriftHidesTheDifference() {
        List<BenchmarkResult> run = run(false);
        Comparison c = Comparer.compare(new Side("r", "MEMORY", run, Map.of()), new Side("r", "SHARD", run, Map.of()), null);
        Comparison.Row r = c.tables().get(0).rows().get(0);
        assertThat(r.analysis().isPaired()).isFalse();
        assertThat(r.analysis().text()).contains("unpaired").contains("did not record the rounds");
        assertThat(r.test().name()).isEqualTo(Significance.MANN_WHITNEY);
        assertThat(r.change()).isEqualTo(Change.SAME);
    }

    @Test
    void pairsFollowTheRoundNumbersNotTheForkOrderAndSkipMissingRounds() {
        // SHARD's fork of round 2 failed; its forks are listed in another order
        JmhFixture memory = result("read", "MEMORY").forks(100, 130, 169, 219.7, 285.6, 371.3, 482.7).rounds(0, 1, 2, 3, 4, 5, 6);
        JmhFixture shard = result("read", "SHARD").forks(257, 90, 117, 198, 334, 434.4).rounds(4, 0, 1, 3, 5, 6);
        List<BenchmarkResult> run = JmhFixture.parse(memory, shard);
        Comparison.Row r = Comparer.compare(new Side("r", "MEMORY", run, Map.of()), new Side("r", "SHARD", run, Map.of()), null)
                .tables().get(0).rows().get(0);
        assertThat(r.analysis().rounds()).isEqualTo(6);
        assertThat(r.ratio()).isCloseTo(0.9, within(0.005));
    }

    @Test
    void fiveRoundsCannotReachSignificancePairedSoTheyAreComparedUnpairedAndSaySo() {
        JmhFixture memory = result("read", "MEMORY").forks(100, 101, 102, 99, 100.5).rounds(0, 1, 2, 3, 4);
        JmhFixture shard = result("read", "SHARD").forks(50, 51, 49, 50.5, 49.5).rounds(0, 1, 2, 3, 4);
        List<BenchmarkResult> run = JmhFixture.parse(memory, shard);
        Comparison.Row r = Comparer.compare(new Side("r", "MEMORY", run, Map.of()), new Side("r", "SHARD", run, Map.of()), null)
                .tables().get(0).rows().get(0);
        assertThat(r.analysis().isPaired()).isFalse();
        assertThat(r.analysis().text()).contains("5 rounds in common: a paired test needs at least 6");
        assertThat(r.test().name()).isEqualTo(Significance.MANN_WHITNEY);
        assertThat(r.change()).isEqualTo(Change.BETTER);
    }

    @Test
    void zerosCannotFormRatiosSoSuchRowsAreUnpairedWithTheReason() {
        double[] z = {0};
        double[] s = {16};
        JmhFixture memory = result("read", "MEMORY").forks(100, 101, 102, 103, 104, 105).inRounds()
                .secondary("gc.alloc.rate.norm", "B/op", z, z, z, z, z, z);
        JmhFixture shard = result("read", "SHARD").forks(90, 91, 92, 93, 94, 95).inRounds()
                .secondary("gc.alloc.rate.norm", "B/op", s, s, s, z, s, s);
        List<BenchmarkResult> run = JmhFixture.parse(memory, shard);
        Comparison c = Comparer.compare(new Side("r", "MEMORY", run, Map.of()), new Side("r", "SHARD", run, Map.of()),
                "gc.alloc.rate.norm");
        Comparison.Row r = c.tables().get(0).rows().get(0);
        assertThat(r.analysis().isPaired()).isFalse();
        assertThat(r.analysis().reason()).contains("per-round ratio is undefined");
        assertThat(c.tables().get(0).geomeanNote()).contains("infinite");
        assertThat(ComparisonText.format(c)).contains("geomean").contains("?");
    }

    @Test
    void aNaNForkMakesTheRowUnknownAndSaysWhichFork() {
        JmhFixture memory = result("read", "MEMORY").raw(new double[] {100, 100}, new double[] {Double.NaN, Double.NaN},
                new double[] {101, 101});
        JmhFixture shard = result("read", "SHARD").forks(90, 91, 92);
        List<BenchmarkResult> run = JmhFixture.parse(memory, shard);
        Comparison.Row r = Comparer.compare(new Side("r", "MEMORY", run, Map.of()), new Side("r", "SHARD", run, Map.of()), null)
                .tables().get(0).rows().get(0);
        assertThat(r.change()).isEqualTo(Change.UNKNOWN);
        assertThat(r.note()).contains("base's fork 2 is NaN");
        assertThat(ComparisonText.delta(r)).isEqualTo("?");
        assertThat(ComparisonText.test(r)).contains("fork 2 is NaN");
    }

    @Test
    void twoJvmConfigurationsOfOneRunLineUpAndPairByRound() {
        double[] jdk17 = {100, 130, 169, 219.7, 285.6, 371.3};
        double[] jdk25 = new double[6];
        for (int i = 0; i < 6; i++) {
            jdk25[i] = jdk17[i] * 0.8;
        }
        List<BenchmarkResult> run = JmhFixture.parse(
                result("read", "MEMORY").forks(jdk17).inRounds().jvm("jdk17-default"),
                result("read", "MEMORY").forks(jdk25).inRounds().jvm("jdk25-compact-headers"));
        Side all = new Side("r", null, run, Map.of());
        Comparison c = Comparer.compare(all.onJvm("jdk17-default"), all.onJvm("jdk25-compact-headers"), null);
        Comparison.Row r = c.tables().get(0).rows().get(0);
        assertThat(c.base().label()).isEqualTo("r on jdk17-default");
        assertThat(r.analysis().text()).isEqualTo("paired by round, 6 rounds");
        assertThat(r.ratio()).isCloseTo(0.8, within(1e-9));
        assertThat(r.change()).isEqualTo(Change.BETTER);
    }
}
