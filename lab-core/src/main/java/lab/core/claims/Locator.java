package lab.core.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import lab.core.bench.run.RunPlan;
import lab.core.compare.Comparer;
import lab.core.compare.SampleKind;
import lab.core.compare.Side;
import lab.core.compare.Stats;
import lab.core.record.BenchmarkResult;
import lab.core.record.Metric;
import lab.core.store.StoreType;

/**
 * Finds the results a claim reads: its workload at its thread count for each store, in order —
 * or says why that is impossible (the sentence becomes a "not testable here" verdict).
 *
 * <p>Besides store names, a claim can name the reference rows ({@link #READ_FLOOR}: the read floor
 * at the claim's thread count; {@link #WAKEUP_FLOOR}: the park/unpark round trip at one thread)
 * and {@link #BEST}: the store with the best median on the claim's workload among its
 * {@code candidates}. Actor stores measured with several wait strategies give one result per
 * strategy: {@link #waits} lists them, and each is judged as its own reading.
 */
final class Locator {

    static final String BEST = "BEST";
    static final String READ_FLOOR = "READ_FLOOR";
    static final String WAKEUP_FLOOR = "WAKEUP_FLOOR";
    static final Set<String> PSEUDO_STORES = Set.of(BEST, READ_FLOOR, WAKEUP_FLOOR);
    static final String WAIT_PARAM = "wait";

    /**
     * @param results one per store asked, in order
     * @param names   what each store resolved to ({@link #BEST} becomes a store name)
     * @param measured "read, 2 threads, SHARD vs MEMORY"
     * @param problem why the claim cannot be measured in this run, or null
     */
    record Found(List<BenchmarkResult> results, List<String> names, int threads, String measured, String problem) {

        static Found missing(int threads, String measured, String problem) {
            return new Found(List.of(), List.of(), threads, measured, problem);
        }
    }

    private Locator() {
    }

    /** The claim's workload at its thread count for each store; {@code wait} picks an actor store's strategy (null: any). */
    static Found locate(Claim c, RunData run, List<String> stores, String wait) {
        String storesText = String.join(" vs ", stores);
        Integer cores = run.environment().cores();
        if (c.requiresCores() != null && (cores == null || cores < c.requiresCores())) {
            return Found.missing(0, c.workload() + ", " + storesText,
                    "needs " + c.requiresCores() + " threads on at least " + c.requiresCores() + " cores; this machine has "
                            + (cores == null ? "an unknown number of" : cores) + " cores");
        }
        List<BenchmarkResult> rows = run.results();
        List<BenchmarkResult> ofWorkload = rows.stream().filter(r -> c.workload().equals(r.method()) && r.param(Side.STORE_PARAM) != null).toList();
        if (ofWorkload.isEmpty() && stores.stream().anyMatch(s -> !PSEUDO_STORES.contains(s) || s.equals(BEST))) {
            return Found.missing(0, c.workload() + ", " + storesText, "the run lacks the " + c.workload() + " workload");
        }
        int threads;
        String t = c.threadsText();
        if (t.equals("max")) {
            OptionalInt max = ofWorkload.stream()
                    .filter(r -> stores.stream().allMatch(s -> find(run, c, s, r.threads(), wait).isPresent()))
                    .mapToInt(BenchmarkResult::threads).max();
            if (max.isEmpty()) {
                return Found.missing(0, c.workload() + ", " + storesText,
                        "the run has no thread count at which " + c.workload() + " was measured for all of " + String.join(", ", stores));
            }
            threads = max.getAsInt();
        } else {
            threads = Integer.parseInt(t.trim());
        }
        List<BenchmarkResult> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String s : stores) {
            Optional<BenchmarkResult> r = find(run, c, s, threads, wait);
            if (r.isEmpty()) {
                return Found.missing(threads, c.workload() + ", " + threadsText(threads) + ", " + storesText,
                        "the run lacks " + describe(s) + " on " + c.workload() + " at " + threadsText(threads));
            }
            found.add(r.get());
            names.add(s.equals(BEST) ? r.get().param(Side.STORE_PARAM) : s);
        }
        // JMH records every @Param of the state, so non-actor rows carry wait=auto too: name it for actors only
        String waitText = found.stream().filter(Locator::isActor).map(r -> r.param(WAIT_PARAM)).filter(w -> w != null).distinct()
                .reduce((a, b) -> a + "/" + b).map(w -> ", wait " + w).orElse("");
        return new Found(found, names, threads, c.workload() + ", " + threadsText(threads) + ", "
                + String.join(" vs ", names) + waitText, null);
    }

    /** Whether a result is an actor store's (the only ones a wait strategy applies to). */
    static boolean isActor(BenchmarkResult r) {
        String s = r.param(Side.STORE_PARAM);
        return s != null && java.util.Arrays.stream(StoreType.values()).anyMatch(t -> t.name().equals(s) && t.isActor());
    }

    /** The wait strategies the run measured a store with on the claim's workload (empty: not an actor store). */
    static List<String> waits(RunData run, Claim c, String store) {
        return run.results().stream().filter(Locator::isActor).filter(r -> store.equals(r.param(Side.STORE_PARAM)) && c.workload().equals(r.method()))
                .map(r -> r.param(WAIT_PARAM)).filter(w -> w != null).distinct().toList();
    }

    static String threadsText(int threads) {
        return threads + " thread" + (threads == 1 ? "" : "s");
    }

    private static String describe(String s) {
        return switch (s) {
            case READ_FLOOR -> "the read floor (" + RunPlan.READ_FLOOR + ")";
            case WAKEUP_FLOOR -> "the wake-up floor (" + RunPlan.WAKEUP_FLOORS.get(0) + ")";
            default -> s;
        };
    }

    static Optional<BenchmarkResult> find(RunData run, Claim c, String store, int threads, String wait) {
        List<BenchmarkResult> rows = run.results();
        return switch (store) {
            case READ_FLOOR -> rows.stream().filter(r -> r.benchmark().equals(RunPlan.READ_FLOOR) && r.threads() == threads).findFirst();
            case WAKEUP_FLOOR -> rows.stream().filter(r -> r.benchmark().equals(RunPlan.WAKEUP_FLOORS.get(0))).findFirst();
            case BEST -> best(run, c, threads);
            default -> {
                List<BenchmarkResult> of = rows.stream().filter(r -> store.equals(r.param(Side.STORE_PARAM))
                        && c.workload().equals(r.method()) && r.threads() == threads).toList();
                yield of.stream().filter(r -> wait == null || wait.equals(r.param(WAIT_PARAM))).findFirst()
                        .or(() -> of.stream().findFirst());
            }
        };
    }

    /** The candidate with the best median of the claim's metric on its workload at these threads. */
    private static Optional<BenchmarkResult> best(RunData run, Claim c, int threads) {
        List<BenchmarkResult> of = run.results().stream().filter(r -> c.workload().equals(r.method()) && r.threads() == threads
                && c.candidates().contains(r.param(Side.STORE_PARAM))).toList();
        if (of.isEmpty()) {
            return Optional.empty();
        }
        boolean higher = of.get(0).primary().higherIsBetter();
        Comparator<BenchmarkResult> byMedian = Comparator.comparingDouble(r -> median(r.primary()));
        return of.stream().filter(r -> Double.isFinite(median(r.primary()))).min(higher ? byMedian.reversed() : byMedian);
    }

    private static double median(Metric m) {
        double[] s = Comparer.samples(m, m.forkCount() >= SampleKind.MIN_FORKS ? SampleKind.FORK_MEANS : SampleKind.ITERATIONS);
        for (double v : s) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
        }
        return s.length == 0 ? Double.NaN : Stats.median(s);
    }

    /**
     * The metric of a located result: the lab's counts ({@code lab.*}) from the profiled fork when
     * the run has profiled forks, everything else from the timing forks. Null when absent.
     */
    static Measured metric(RunData run, BenchmarkResult timing, String metric) {
        boolean count = metric.startsWith("lab.");
        if (count && !run.profiled().isEmpty()) {
            Optional<BenchmarkResult> p = run.profiled().stream().filter(r -> r.key().equals(timing.key())).findFirst();
            if (p.isEmpty()) {
                return new Measured(null, null, "the run has no profiled fork of " + timing.key() + " (the agent's counts come from it)");
            }
            Metric m = Comparer.metric(p.get(), metric);
            return m == null ? new Measured(null, null, "the profiled fork has no " + metric + ": the lab's agent profiler was not"
                    + " active, or the OS lacks the counter") : new Measured(p.get(), m, null);
        }
        Metric m = Comparer.metric(timing, metric);
        if (m == null) {
            return new Measured(null, null, "the run has no " + metric + " for " + timing.key()
                    + (count ? ": the lab's agent profiler was not attached, or the OS lacks the counter" : ""));
        }
        return new Measured(timing, m, null);
    }

    /** A metric of a result (the profiled fork's for counts), or why there is none. */
    record Measured(BenchmarkResult result, Metric metric, String problem) {
    }
}
