package lab.core.bench.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.WorkloadParams;

import lab.core.record.ResultInfo;

/**
 * What the forks of a run measured, grouped by trial, and turned into JMH's own result format.
 *
 * <p>Each timing fork is one JMH run of one fork; the forks of a trial are merged into one
 * {@link RunResult} (JMH's type for a benchmark's forks), so {@code jmh.json} is what a single JMH
 * invocation with {@code -f N} would have written: one entry per trial, one rawData array per
 * fork, JMH's score and 99.9% interval over all of them — written by JMH's own JSON writer. The
 * profiled forks go to their own file the same way. Nothing is re-parsed: the runner keeps JMH's
 * objects and records beside them what JMH's format has no place for (JVM configuration, the
 * round of each fork, the profile folder), in run.json.
 */
final class ForkResults {

    private final RunPlan plan;
    private final List<List<BenchmarkResult>> timing = new ArrayList<>();
    private final List<List<Integer>> rounds = new ArrayList<>();
    private final List<List<Double>> seconds = new ArrayList<>();
    private final List<Double> profiledSeconds = new ArrayList<>();
    private final List<BenchmarkParams> params = new ArrayList<>();
    private final List<RunResult> profiled = new ArrayList<>();
    private final List<String> profileFolders = new ArrayList<>();
    private final List<List<String>> order = new ArrayList<>();

    ForkResults(RunPlan plan) {
        this.plan = plan;
        for (int i = 0; i < plan.trials().size(); i++) {
            timing.add(new ArrayList<>());
            rounds.add(new ArrayList<>());
            seconds.add(new ArrayList<>());
            profiledSeconds.add(null);
            params.add(null);
            profiled.add(null);
            profileFolders.add(null);
        }
    }

    synchronized void add(ScheduledFork fork, ForkRunner.ForkResult result) {
        int t = fork.trial();
        if (fork.profiled()) {
            profiled.set(t, result.result());
            profileFolders.set(t, result.profileFolder());
            profiledSeconds.set(t, millis(result.seconds()));
            return;
        }
        for (BenchmarkResult b : result.result().getBenchmarkResults()) {
            timing.get(t).add(b);
            rounds.get(t).add(fork.round());
            seconds.get(t).add(millis(result.seconds()));
        }
        params.set(t, result.result().getParams());
        while (order.size() <= fork.round()) {
            order.add(new ArrayList<>());
        }
        order.get(fork.round()).add(key(t));
    }

    /** The trial's result key, as {@link lab.core.record.BenchmarkResult#key()} will read it. */
    synchronized String key(int trial) {
        BenchmarkParams p = params.get(trial) != null ? params.get(trial)
                : profiled.get(trial) != null ? profiled.get(trial).getParams() : null;
        Trial tr = plan.trials().get(trial);
        String jvm = plan.multiJvm() ? tr.jvm().name() : null;
        if (p == null) {
            return lab.core.record.BenchmarkResult.key(tr.benchmark(), tr.params(), "?", tr.threads(), jvm);
        }
        Map<String, String> ps = new TreeMap<>();
        for (String k : p.getParamsKeys()) {
            ps.put(k, p.getParam(k));
        }
        return lab.core.record.BenchmarkResult.key(p.getBenchmark(), ps, p.getMode().shortLabel(), p.getThreads(), jvm);
    }

    /** Timing forks measured so far for the trial. */
    synchronized int forksOf(int trial) {
        return timing.get(trial).size();
    }

    /** The trial's timing forks merged, or null when none finished. */
    synchronized RunResult merged(int trial) {
        List<BenchmarkResult> forks = timing.get(trial);
        if (forks.isEmpty()) {
            return null;
        }
        return new RunResult(withForks(params.get(trial), forks.size()), new ArrayList<>(forks));
    }

    /** A consistent view of everything so far: the files' bytes and run.json's result list. */
    synchronized Snapshot snapshot() {
        List<RunResult> merged = new ArrayList<>();
        List<RunResult> prof = new ArrayList<>();
        List<ResultInfo> infos = new ArrayList<>();
        for (int t = 0; t < plan.trials().size(); t++) {
            RunResult m = merged(t);
            if (m == null) {
                continue;
            }
            Integer profiledIndex = null;
            if (profiled.get(t) != null) {
                profiledIndex = prof.size();
                prof.add(profiled.get(t));
            }
            merged.add(m);
            infos.add(new ResultInfo(key(t), plan.multiJvm() ? plan.trials().get(t).jvm().name() : null,
                    rounds.get(t), profileFolders.get(t), profiledIndex, seconds.get(t), profiledSeconds.get(t)));
        }
        List<List<String>> orderCopy = order.stream().map(List::copyOf).toList();
        return new Snapshot(json(merged), prof.isEmpty() ? null : json(prof), infos, orderCopy, merged.size());
    }

    /** The bytes of the run files and run.json's view of them at one moment. */
    record Snapshot(byte[] jmhJson, byte[] profiledJson, List<ResultInfo> results, List<List<String>> order,
                    int resultCount) {

        boolean isEmpty() {
            return resultCount == 0;
        }
    }

    /** Seconds to the millisecond: what run.json keeps of a fork's wall time. */
    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** JMH's JSON, by JMH's writer (what {@code -rf json} writes). */
    private static byte[] json(Collection<RunResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        return bytes.toByteArray();
    }

    /**
     * The fork's params with the number of forks merged: JMH's JSON reports {@code forks} from the
     * params, and each timing fork ran as a JMH run of one fork.
     */
    private static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        WorkloadParams wp = new WorkloadParams();
        int order = 0;
        for (String k : p.getParamsKeys()) {
            wp.put(k, p.getParam(k), order++);
        }
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(), p.getThreads(),
                p.getThreadGroups(), p.getThreadGroupLabels(), forks, p.getWarmupForks(), p.getWarmup(), p.getMeasurement(),
                p.getMode(), wp, p.getTimeUnit(), p.getOpsPerInvocation(), p.getJvm(), p.getJvmArgs(), p.getJdkVersion(),
                p.getVmName(), p.getVmVersion(), p.getJmhVersion(), p.getTimeout());
    }
}
