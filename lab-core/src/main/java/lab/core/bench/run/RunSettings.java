package lab.core.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lab.core.bench.HotKeys;
import lab.core.bench.Mix;
import lab.core.bench.Workload;
import lab.core.bench.ZipfKeys;
import lab.core.record.RunConfiguration;
import lab.core.store.AgentIncludes;
import lab.core.store.StoreType;

/** What a run's manifest and header say about how it measured. */
final class RunSettings {

    private RunSettings() {
    }

    static RunConfiguration configuration(RunRequest r, RunPlan plan, AgentProfiler agent, FlameGraphs flame) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("timingForks", "-prof gc only (no agent, no async-profiler): scores and B/op come from these");
        extra.put("profiledFork", plan.profiledFork()
                ? "one per benchmark after the rounds: -prof gc" + (agent != null ? ", -prof " + agent.profilerClass() : "")
                        + (flame != null ? ", -prof async" : "") + ": lab.* counts and flame graphs come from it"
                : "none");
        extra.put("rounds", plan.rounds() + " rounds, each one timing fork of every benchmark in a shuffled order (seed "
                + plan.seed() + ")");
        extra.put("control", RunPlan.CONTROL + " at 1 thread, in every round");
        extra.put("hotKeysForContention", HotKeys.HOT);
        extra.put("writeShareOfMixed", Mix.WRITES);
        extra.put("jvmArgsAppend", String.join(" ", ForkRunner.HEAP) + " plus the JVM configuration's flags");
        extra.put("createResetsStoreEachIteration", true);
        RunPlan.Iterations iterations = plan.iterations();
        if (iterations.busyWarmup() != iterations.warmup()) {
            extra.put("warmupWhereEveryCoreIsBusy", iterations.busyWarmup() + " x " + iterations.warmupMillis()
                    + " ms: benchmarks whose threads, with an actor store's owner thread, fill every core ("
                    + busyCount(plan) + " of " + plan.trials().size() + " here)");
        }
        if (!r.waits.isEmpty()) {
            extra.put("actorWaitStrategies", r.waits);
        }
        if (agent != null) {
            extra.put("agentIncludes", AgentIncludes.STORES);
            extra.put("agentJar", agent.jar().toString());
        }
        if (flame != null) {
            extra.put("asyncProfilerOptions", "event=" + flame.cpuEngine() + ";alloc;lock=" + FlameGraphs.LOCK_INTERVAL
                    + ";interval=" + FlameGraphs.CPU_INTERVAL_NS + "ns;output=jfr, converted with jfr-converter");
        }
        List<String> stores = new ArrayList<>();
        for (StoreType s : r.stores) {
            stores.add(s.name());
        }
        RunPlan.Iterations it = plan.iterations();
        java.util.TreeSet<Integer> threads = new java.util.TreeSet<>();
        r.workloads.forEach(w -> threads.addAll(r.threadsFor(w)));
        return new RunConfiguration(r.profile.label(), stores, Workload.names(r.workloads), List.copyOf(threads), r.datasetSize,
                ZipfKeys.describe(r.datasetSize), ZipfKeys.exponentFor(r.datasetSize), plan.rounds(), it.warmup(),
                it.warmupMillis() + " ms", it.measurement(), it.measurementMillis() + " ms", agent != null, flame != null,
                flame != null ? FlameGraphs.EVENTS : List.of(), extra);
    }

    private static long busyCount(RunPlan plan) {
        return plan.trials().stream().filter(plan.iterations()::busy).count();
    }

    private static String profiledText(RunPlan plan) {
        int n = plan.profiledTrials().size();
        if (n == 0) {
            return "";
        }
        return n == plan.trials().size() ? " + 1 profiled fork each" : " + " + n + " profiled forks (" + plan.profile().label()
                + " profiles " + plan.profile().profiledBenchmarks() + ")";
    }

    /** The header line: what the run measures and how. */
    static String summary(RunPlan plan, boolean agent, boolean flame) {
        RunPlan.Iterations it = plan.iterations();
        long stores = plan.trials().stream().filter(t -> !t.reference()).count();
        return plan.trials().size() + " benchmarks (" + stores + " store rows, " + (plan.trials().size() - stores)
                + " reference rows) x " + plan.rounds() + " rounds" + profiledText(plan)
                + " = " + plan.forkCount() + " forks of " + it.warmup() + "x" + it.warmupMillis() + " ms warmup"
                + (it.busyWarmup() == it.warmup() ? "" : " (" + it.busyWarmup() + "x for the " + busyCount(plan)
                        + " that keep every core busy)") + " + "
                + it.measurement() + "x" + it.measurementMillis() + " ms; dataset " + plan.datasetSize()
                + (plan.multiJvm() ? "; JVMs " + plan.jvms().stream().map(j -> j.name()).toList() : "")
                + "; agent " + (agent ? "on" : "off") + ", flame graphs " + (flame ? "on" : "off") + "; seed " + plan.seed();
    }
}
