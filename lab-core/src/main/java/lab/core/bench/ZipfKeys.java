package lab.core.bench;

import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Zipf-distributed task ids, the decision log's "80/20 hot keys", generated before measurement.
 *
 * <p>The exponent is not a constant: it is solved for the dataset size so that the hottest 20% of
 * keys receive 80% of the accesses ({@code s ≈ 0.894} at 1,000,000 keys, higher for smaller
 * datasets). Ranks are sampled with commons-math3's rejection-inversion Zipf sampler and mapped
 * to ids through a fixed shuffle, so the hot keys are spread over the id space (and so over
 * shards, hash buckets and the heap) instead of being the first tasks loaded; the shuffle uses
 * one seed for every thread, so all threads agree on which keys are hot.
 *
 * <p>Keys are drawn into an {@code int[]} in {@code @Setup}: sampling costs tens of nanoseconds,
 * as much as a store read, and must never run inside a measured method.
 */
public final class ZipfKeys {

    /** The share of keys that is "hot". */
    public static final double HOT_KEYS = 0.2;
    /** The share of accesses the hot keys receive. */
    public static final double HOT_ACCESSES = 0.8;
    /** Seed of the rank-to-id shuffle: the same for every thread and every fork. */
    public static final long SHUFFLE_SEED = 0x5EED_1DL;

    private static final int EXACT_TERMS = 1_000;

    private ZipfKeys() {
    }

    /** The number of hot keys of a dataset: the top 20%, at least one. */
    public static int hotKeyCount(int datasetSize) {
        return Math.max(1, (int) Math.round(datasetSize * HOT_KEYS));
    }

    /**
     * The exponent {@code s} for which the {@link #hotKeyCount hot keys} of {@code datasetSize}
     * ranks carry {@link #HOT_ACCESSES} of a Zipf distribution's mass, solved by bisection
     * (the hot share grows monotonically with {@code s}).
     */
    public static double exponentFor(int datasetSize) {
        if (datasetSize < 2) {
            throw new IllegalArgumentException("a Zipf key distribution needs at least 2 keys, was " + datasetSize);
        }
        int hot = hotKeyCount(datasetSize);
        double lo = 1e-6;
        double hi = 8;
        for (int i = 0; i < 100 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (hotShare(hot, datasetSize, mid) < HOT_ACCESSES) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The share of accesses that ranks {@code 1..hot} receive out of {@code 1..n} with exponent {@code s}. */
    public static double hotShare(int hot, int n, double s) {
        return harmonic(hot, s) / harmonic(n, s);
    }

    /**
     * The generalized harmonic number {@code H(n, s) = sum_{k=1..n} k^-s}: the first thousand
     * terms summed, the tail by Euler-Maclaurin (integral, end-point and first derivative
     * corrections; the error is below 1e-12 relative for the sizes used here).
     */
    public static double harmonic(long n, double s) {
        long exact = Math.min(n, EXACT_TERMS);
        double sum = 0;
        for (long k = exact; k >= 1; k--) { // smallest terms first: less rounding error
            sum += Math.pow(k, -s);
        }
        if (n <= exact) {
            return sum;
        }
        double m = exact + 1;
        double integral = Math.abs(s - 1) < 1e-12 ? Math.log(n / m)
                : (Math.pow(n, 1 - s) - Math.pow(m, 1 - s)) / (1 - s);
        double ends = (Math.pow(m, -s) + Math.pow(n, -s)) / 2;
        double derivative = s * (Math.pow(m, -s - 1) - Math.pow(n, -s - 1)) / 12;
        return sum + integral + ends + derivative;
    }

    /**
     * A random permutation of the ids {@code 1..datasetSize}: element {@code r - 1} is the id of
     * Zipf rank {@code r}. Seeded with {@link #SHUFFLE_SEED}.
     */
    public static int[] idsByRank(int datasetSize) {
        int[] ids = new int[datasetSize];
        for (int i = 0; i < datasetSize; i++) {
            ids[i] = i + 1;
        }
        SplittableRandom random = new SplittableRandom(SHUFFLE_SEED);
        for (int i = datasetSize - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return ids;
    }

    /**
     * {@code count} ids drawn with exponent {@code s} over the ranks {@code 1..ranks}, mapped
     * through {@code idsByRank} (which must hold at least {@code ranks} ids).
     */
    public static int[] draw(int[] idsByRank, int ranks, double s, int count, long seed) {
        if (ranks > idsByRank.length) {
            throw new IllegalArgumentException(ranks + " ranks but only " + idsByRank.length + " ids");
        }
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(seed), ranks, s);
        int[] keys = new int[count];
        for (int i = 0; i < count; i++) {
            keys[i] = idsByRank[zipf.sample() - 1];
        }
        return keys;
    }

    /** A short description for the run manifest. */
    public static String describe(int datasetSize) {
        return String.format(java.util.Locale.ROOT,
                "zipf over %d ids, s=%.4f (top %d%% of keys get %d%% of accesses), ranks shuffled over ids (seed %d)",
                datasetSize, exponentFor(datasetSize), Math.round(HOT_KEYS * 100), Math.round(HOT_ACCESSES * 100), SHUFFLE_SEED);
    }
}
