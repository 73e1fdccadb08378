package lab.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ZipfKeysTest {

    @Test
    void exponentPutsEightyPercentOfAccessesOnTwentyPercentOfKeysAtOneMillion() {
        double s = ZipfKeys.exponentFor(1_000_000);
        assertThat(s).isCloseTo(0.894, within(0.002));
        assertThat(exactHotShare(1_000_000, s)).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void exponentIsSolvedForEachDatasetSize() {
        double small = ZipfKeys.exponentFor(10_000);
        assertThat(small).isGreaterThan(ZipfKeys.exponentFor(1_000_000));
        assertThat(exactHotShare(10_000, small)).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void harmonicNumbersMatchTheExactSum() {
        for (double s : new double[] {0.5, 0.894, 1.0, 1.3}) {
            double exact = 0;
            for (int k = 1_000_000; k >= 1; k--) {
                exact += Math.pow(k, -s);
            }
            assertThat(ZipfKeys.harmonic(1_000_000, s)).isCloseTo(exact, within(exact * 1e-10));
        }
    }

    @Test
    void drawnKeysHitTheHotTwentyPercentEightyPercentOfTheTime() {
        int n = 100_000;
        double s = ZipfKeys.exponentFor(n);
        int[] ids = ZipfKeys.idsByRank(n);
        int[] keys = ZipfKeys.draw(ids, n, s, 1 << 20, 42);
        Set<Integer> hot = new HashSet<>();
        for (int r = 0; r < ZipfKeys.hotKeyCount(n); r++) {
            hot.add(ids[r]);
        }
        long hits = Arrays.stream(keys).filter(hot::contains).count();
        assertThat(hits / (double) keys.length).isCloseTo(0.8, within(0.01));
        assertThat(Arrays.stream(keys).min().getAsInt()).isGreaterThanOrEqualTo(1);
        assertThat(Arrays.stream(keys).max().getAsInt()).isLessThanOrEqualTo(n);
    }

    @Test
    void hotKeysAreSpreadOverTheIdSpaceTheSameWayForEveryThread() {
        int[] ids = ZipfKeys.idsByRank(1_000);
        assertThat(ids).isEqualTo(ZipfKeys.idsByRank(1_000));
        assertThat(Arrays.stream(ids).sorted().toArray()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 1_000).toArray());
        assertThat(Arrays.copyOf(ids, 10)).isNotEqualTo(java.util.stream.IntStream.rangeClosed(1, 10).toArray());
        double s = ZipfKeys.exponentFor(1_000);
        assertThat(ZipfKeys.draw(ids, 1_000, s, 64, 1)).isNotEqualTo(ZipfKeys.draw(ids, 1_000, s, 64, 2));
    }

    @Test
    void keyArraysArePowersOfTwoOfAtLeastFourKeysPerTask() {
        assertThat(Keys.lengthFor(10_000)).isEqualTo(1 << 16);
        assertThat(Keys.lengthFor(100_000)).isEqualTo(1 << 19);
        assertThat(Keys.lengthFor(1_000_000)).isEqualTo(1 << 20);
    }

    private static double exactHotShare(int n, double s) {
        int hot = ZipfKeys.hotKeyCount(n);
        double hotSum = 0;
        double all = 0;
        for (int k = n; k >= 1; k--) {
            double p = Math.pow(k, -s);
            all += p;
            if (k <= hot) {
                hotSum += p;
            }
        }
        return hotSum / all;
    }
}
