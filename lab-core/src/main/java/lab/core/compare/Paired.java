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
 */
public final class Paired {

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
        if (rounds.length < 2) {
            problem = "fewer than 2 rounds in common";
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
