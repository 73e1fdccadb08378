package lab.core.bench.run;

import java.util.LinkedHashMap;
import java.util.Map;

import lab.core.record.JvmConfig;
import lab.core.store.StoreType;

/**
 * One row of a run: a JMH benchmark at one set of params, one thread count and one JVM
 * configuration. Each trial gets one timing fork per round and, after the rounds, one profiled
 * fork; its timing forks become one result of {@code jmh.json}.
 *
 * @param benchmark JMH's full benchmark name ({@code lab.core.bench.ReadBenchmark.read})
 * @param workload  the workload's name, or the reference row's ({@code readFloor})
 * @param store     the store under test; null for a reference row (a floor)
 * @param params    the JMH params the runner passes (store, datasetSize, wait)
 */
public record Trial(String benchmark, String workload, String store, Map<String, String> params, int threads,
                    JvmConfig jvm) {

    public Trial {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Whether this is a reference row (a floor or the control), not a store. */
    public boolean reference() {
        return store == null;
    }

    /**
     * Whether the benchmark's threads keep every core busy: its own threads, plus an actor
     * store's owner thread, at least the core count. Such a fork warms up longer
     * (Profile#warmupIterations(boolean)): the JIT compiles on time taken from the benchmark. A
     * reference row is never counted: its code is a few lines that compile at once (the read
     * floor's first measured iteration matched its second at 2 threads too), and the wake-up
     * floor's two threads are mostly parked.
     */
    public boolean keepsEveryCoreBusy(int cores) {
        if (reference()) {
            return false;
        }
        return threads + (StoreType.valueOf(store).isActor() ? 1 : 0) >= cores;
    }

    /**
     * The trials this one is compared with run next to it in a round ({@link RunPlan}'s blocks):
     * one workload at one thread count, whatever the store or JVM configuration. A reference row
     * belongs with the reads it is the floor of (the read floor, the wake-up floors that CHANNEL's
     * one-thread reads are set against).
     */
    public String block() {
        return (reference() ? "read" : workload) + " threads=" + threads;
    }

    /** "read store=MEMORY threads=2", plus the JVM configuration when the run has several. */
    public String describe(boolean withJvm) {
        String what = workload + (store == null ? "" : " store=" + store);
        String wait = params.get("wait");
        return what + (wait == null ? "" : " wait=" + wait) + " threads=" + threads + (withJvm ? " jvm=" + jvm.name() : "");
    }
}
