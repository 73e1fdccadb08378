package lab.agent.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link OverheadBench} without and with lab-agent in one invocation (same machine state, same
 * settings) and prints the per-acquisition overhead in ns and the lock-free ratio. Forks alternate
 * without/with, one pair per round, so that load drifting over the run hits both sides alike.
 *
 * <p>On a shared, oversubscribed machine per-iteration means are dominated by preemption (long
 * upper tails). So besides JMH's wall-time score it reports thread CPU time per operation
 * ({@link OverheadBench.CpuTime}), and robust figures for both: the median of each side's iterations and
 * the Hodges-Lehmann shift (median of all with-minus-without differences) with a 95% bootstrap
 * interval; JMH-style mean ± 99.9% CI is printed beside it.
 *
 * <p>With a second agent jar (an older build, say) each round also runs a fork under it, so two
 * builds of the agent are compared under the same machine state: the third table is
 * "this jar − the other jar".
 *
 * <pre>
 * mvn -B -q -pl lab-agent -DskipTests package test-compile
 * mvn -B -q -pl lab-agent dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp lab-agent/target/test-classes:$(cat lab-agent/target/cp.txt) lab.agent.bench.OverheadMain \
 *      lab-agent/target/lab-agent.jar [rounds=6] [OTHER-AGENT.jar]
 * </pre>
 * Run it with the JVM to measure ({@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp …}): the
 * forks use the JVM that runs this class.
 */
public final class OverheadMain {

    private OverheadMain() {
    }

    public static void main(String[] args) throws Exception {
        String agentJar = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        String otherJar = args.length > 2 ? args[2] : null;
        Map<String, double[]> without = new LinkedHashMap<>();
        Map<String, double[]> with = new LinkedHashMap<>();
        Map<String, double[]> other = new LinkedHashMap<>();
        Map<String, double[]> withoutCpu = new LinkedHashMap<>();
        Map<String, double[]> withCpu = new LinkedHashMap<>();
        Map<String, double[]> otherCpu = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            Collection<RunResult> a = new Runner(options().build()).run();
            collect(a, without, false);
            collect(a, withoutCpu, true);
            Collection<RunResult> b = new Runner(options().jvmArgsAppend("-javaagent:" + agentJar).build()).run();
            collect(b, with, false);
            collect(b, withCpu, true);
            if (otherJar != null) {
                Collection<RunResult> c = new Runner(options().jvmArgsAppend("-javaagent:" + otherJar).build()).run();
                collect(c, other, false);
                collect(c, otherCpu, true);
            }
        }
        System.out.printf("%nJVM %s %s, %d cores, %d forks per side x 20 iterations of 200 ms%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), rounds);
        System.out.println("\nWall time per op (JMH's score):");
        table(without, with, "without", "with agent");
        System.out.println("\nThread CPU time per op (cpuNanos / ops: not counting time the thread was descheduled):");
        table(withoutCpu, withCpu, "without", "with agent");
        if (otherJar != null) {
            System.out.println("\nThread CPU time per op, the other agent jar (" + otherJar + "):");
            table(withoutCpu, otherCpu, "without", "with other jar");
            System.out.println("\nThread CPU time per op, this jar against the other jar:");
            table(otherCpu, withCpu, "other jar", "this jar");
        }
    }

    private static void table(Map<String, double[]> without, Map<String, double[]> with, String left, String right) {
        System.out.printf("%-15s %-30s %-30s %s%n", "benchmark", left + ": median [mean ± 99.9%]",
                right + ": median [mean ± 99.9%]", right + " - " + left + " (Hodges-Lehmann, 95% bootstrap CI)");
        Random random = new Random(42);
        for (String name : without.keySet()) {
            double[] a = without.get(name);
            double[] b = with.get(name);
            double[] ma = meanCi(a);
            double[] mb = meanCi(b);
            double shift = hodgesLehmann(a, b);
            double[] ci = bootstrapShift(a, b, random);
            String delta = String.format("%+.2f ns [%+.2f, %+.2f]", shift, ci[0], ci[1]);
            if (name.equals("lockFree")) {
                double med = median(a);
                delta += String.format("  ratio %.3f [%.3f, %.3f]", (med + shift) / med, (med + ci[0]) / med,
                        (med + ci[1]) / med);
            } else {
                delta += " per acquisition";
            }
            System.out.printf("%-15s %7.2f [%6.2f ± %6.2f]        %7.2f [%6.2f ± %6.2f]        %s%n", name,
                    median(a), ma[0], ma[1], median(b), mb[0], mb[1], delta);
        }
    }

    private static ChainedOptionsBuilder options() {
        return new OptionsBuilder()
                .include(OverheadBench.class.getName())
                .forks(1)
                .warmupIterations(5).warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(20).measurementTime(TimeValue.milliseconds(200));
    }

    /** Accumulates per-iteration scores (or CPU ns per op) of every fork, per benchmark method. */
    private static void collect(Collection<RunResult> results, Map<String, double[]> into, boolean cpu) {
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            List<Double> scores = new ArrayList<>();
            for (double d : into.getOrDefault(name, new double[0])) {
                scores.add(d);
            }
            r.getBenchmarkResults().forEach(br -> br.getIterationResults().forEach(ir -> {
                if (cpu) {
                    Result<?> cpuNanos = ir.getSecondaryResults().get("cpuNanos");
                    scores.add(cpuNanos.getScore() / ir.getMetadata().getAllOps());
                } else {
                    Result<?> primary = ir.getPrimaryResult();
                    scores.add(primary.getScore());
                }
            }));
            into.put(name, scores.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Median of all pairwise differences b[j] - a[i]: the shift estimate behind Mann-Whitney. */
    static double hodgesLehmann(double[] a, double[] b) {
        double[] d = new double[a.length * b.length];
        int k = 0;
        for (double x : a) {
            for (double y : b) {
                d[k++] = y - x;
            }
        }
        return median(d);
    }

    /** 95% percentile bootstrap interval of the Hodges-Lehmann shift. */
    static double[] bootstrapShift(double[] a, double[] b, Random random) {
        int resamples = 400;
        double[] shifts = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            shifts[r] = hodgesLehmann(resample(a, random), resample(b, random));
        }
        Arrays.sort(shifts);
        return new double[] {shifts[(int) (resamples * 0.025)], shifts[(int) (resamples * 0.975) - 1]};
    }

    private static double[] resample(double[] xs, Random random) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[random.nextInt(xs.length)];
        }
        return out;
    }

    /** {mean, half-width of the 99.9% confidence interval} over iteration scores (JMH's convention). */
    static double[] meanCi(double[] xs) {
        SummaryStatistics s = new SummaryStatistics();
        for (double x : xs) {
            s.addValue(x);
        }
        double t = new TDistribution(Math.max(1, s.getN() - 1)).inverseCumulativeProbability(1 - 0.001 / 2);
        return new double[] {s.getMean(), t * s.getStandardDeviation() / Math.sqrt(s.getN())};
    }
}
