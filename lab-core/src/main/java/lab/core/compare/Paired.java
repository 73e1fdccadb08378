package lab.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lab.core.record.BenchmarkResult;
import lab.core.record.Metric;

/**
 * Pairs the forks of two benchmarks of one run by the round they ran in, and analyses the
 * per-round ratios head/base (see {@link Analysis} and {@link SignedRank}): ratio = the median of
 * the per-round ratios; interval and test on their logarithms (a ratio of 2 and one of ½ are the
 * same distance from 1), turned back into ratios.
 *
 * <p>Below {@value #MIN_ROUNDS} rounds in common a paired test cannot reach p ≤ 0.05 at all, so
 * such rows are analysed unpaired (Mann-Whitney on the same fork means, which 5 + 5 can decide)
 * and say why: a run with more rounds gets the blocked analysis.
 */
public final class Paired {

    /** The fewest rounds whose paired test can reach p ≤ α = 0.05 (2/2⁶ = 0.031; 5 rounds give 0.0625). */
    public static final int MIN_ROUNDS = 6;

    private Paired() {
    }

    /**
     * The paired samples, or why there are none.
     *
     * @param rounds the rounds both benchmarks have a fork in, ascending
     * @param base   the base's fork mean of each of those rounds
     * @param head   the head's, in the base's unit
     */
    public record Pairs(int[] rounds, double[] base, double[] head, String problem) {
    }

    /** The ratio (median of per-round ratios, Walsh interval) and the signed-rank test. */
    public record Result(Stats.Interval ratio, Significance test, double[] ratios) {
    }

    /** Pairs forks by round; {@code factor} converts the head into the base's unit. */
    public static Pairs pairs(BenchmarkResult b, Metric bm, BenchmarkResult h, Metric hm, double factor) {
        List<Integer> br = b.forkRounds();
        List<Integer> hr = h.forkRounds();
        if (br.isEmpty() || hr.isEmpty()) {
            return new Pairs(new int[0], new double[0], new double[0], "the run did not record the rounds of its forks");
        }
        if (br.size() != bm.rawData().size() || hr.size() != hm.rawData().size()) {
            return new Pairs(new int[0], new double[0], new double[0], "the recorded rounds do not match the forks");
        }
        List<Integer> common = new ArrayList<>();
        List<Double> bv = new ArrayList<>();
        List<Double> hv = new ArrayList<>();
        for (int i = 0; i < br.size(); i++) {
            int round = br.get(i);
            int j = hr.indexOf(round);
            if (j < 0 || common.contains(round)) {
                continue;
            }
            double x = mean(bm.rawData().get(i));
            double y = mean(hm.rawData().get(j)) * factor;
            common.add(round);
            bv.add(x + 0.0);
            hv.add(y + 0.0);
        }
        int[] rounds = common.stream().mapToInt(Integer::intValue).toArray();
        double[] base = bv.stream().mapToDouble(Double::doubleValue).toArray();
        double[] head = hv.stream().mapToDouble(Double::doubleValue).toArray();
        String problem = null;
        if (SignedRank.minimumP(rounds.length) > Comparer.ALPHA) {
            // a paired test of so few rounds could only ever say "~": the unpaired test of the same
            // forks can still decide (5 + 5 fork means reach p = 0.008), so it is used, and named
            problem = rounds.length + " rounds in common: a paired test needs at least " + MIN_ROUNDS
                    + " to reach p ≤ " + Comparer.ALPHA;
        } else if (Arrays.stream(base).anyMatch(v -> !(v > 0) || !Double.isFinite(v))
                || Arrays.stream(head).anyMatch(v -> !(v > 0) || !Double.isFinite(v))) {
            problem = "a fork measured 0 (or not a number): its per-round ratio is undefined";
        }
        return new Pairs(rounds, base, head, problem);
    }

    public static Result analyse(Pairs p, double level) {
        int n = p.rounds().length;
        double[] ratios = new double[n];
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = p.head()[i] / p.base()[i];
            logs[i] = Math.log(ratios[i]);
        }
        Stats.Interval w = SignedRank.walshInterval(logs, level);
        double lo = w.lo() == Double.NEGATIVE_INFINITY ? 0 : Math.exp(w.lo());
        double hi = Math.exp(w.hi());
        Stats.Interval ratio = new Stats.Interval(Stats.median(ratios), lo, hi, w.confidence(), n);
        return new Result(ratio, Significance.of(SignedRank.test(logs), n), ratios);
    }

    private static double mean(double[] iterations) {
        return iterations.length == 0 ? Double.NaN : Arrays.stream(iterations).average().orElse(Double.NaN);
    }
}
