package lab.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import lab.core.record.LoadResults;
import org.junit.jupiter.api.Test;

/** A load run's matrix: medians over rounds with their intervals, the best connection count per store. */
class LoadMatrixTest {

    static LoadResults.Sample sample(long requests, double p99, long non2xx) {
        return new LoadResults.Sample(0, requests, 10, non2xx, new LoadResults.Errors(0, 1, 0, 0),
                new LoadResults.Latency(100, 200, p99, 5 * p99, 120));
    }

    @Test
    void eachStoresMaximumIsItsHighestMedianWithItsInterval() {
        LoadResults r = new LoadResults(1, null, List.of(
                new LoadResults.Point("MEMORY", 1, 1, List.of(sample(10_000, 300, 0), sample(11_000, 400, 0), sample(12_000, 500, 0)), null),
                new LoadResults.Point("MEMORY", 16, 2, List.of(sample(40_000, 3_000, 1), sample(30_000, 2_000, 0), sample(35_000, 1_000, 0)),
                        new LoadResults.Profiled(sample(20_000, 0, 0), new LoadResults.Counts(100_000, 10, 20_000, 40_000), null, null)),
                new LoadResults.Point("CHANNEL", 1, 1, List.of(), null)));
        LoadMatrix m = LoadMatrix.of(r);

        LoadMatrix.Row memory = m.row("MEMORY").orElseThrow();
        LoadMatrix.Cell best = memory.best();
        assertThat(best.connections()).isEqualTo(16);
        assertThat(best.rps().centre()).isEqualTo(3_500);
        assertThat(best.rps().lo()).isEqualTo(3_000);
        assertThat(best.rps().hi()).isEqualTo(4_000);
        assertThat(best.rps().confidence()).isCloseTo(0.75, within(1e-9)); // [min, max] of 3 samples
        assertThat(best.p99()).isEqualTo(2_000);
        assertThat(best.non2xx()).isEqualTo(1);
        assertThat(best.errors()).isEqualTo(3);
        assertThat(best.locksPerRequest()).isEqualTo(5.0);
        assertThat(best.allocationsPerRequest()).isEqualTo(2.0);
        assertThat(memory.cells().get(0).locksPerRequest()).isNaN();

        LoadMatrix.Row channel = m.row("CHANNEL").orElseThrow();
        assertThat(channel.best()).isNull();
        assertThat(channel.cells().get(0).rps().n()).isZero();
    }
}
