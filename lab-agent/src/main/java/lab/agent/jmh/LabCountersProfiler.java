package lab.agent.jmh;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import lab.agent.AgentOptions;
import lab.agent.Counters;
import lab.agent.runtime.LabCounters;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Lock, contention, park and allocation counts per benchmark operation, from lab-agent.
 *
 * <pre>
 * -prof lab.agent.jmh.LabCountersProfiler[:includes=a.b.*:c.d.*;excludes=…;agentJar=PATH;reportDir=DIR]
 * </pre>
 *
 * <p>As an {@link ExternalProfiler} (in the JMH host) it adds
 * {@code -javaagent:<lab-agent.jar>=includes=…} to every fork, the jar being the one this class was
 * loaded from (or {@code agentJar=}). As an {@link InternalProfiler} (in the fork) it snapshots the
 * bootstrap-loaded counters before and after each iteration and reports the deltas divided by the
 * iteration's operation count, {@code IterationResult.getMetadata().getAllOps()}, the denominator
 * JMH's GC profiler uses for {@code gc.alloc.rate.norm}:
 *
 * <ul>
 * <li>{@code lab.lock.acquire.norm} lock acquisitions (ReentrantLock, RRWL read/write, StampedLock,
 *     monitors in included classes);</li>
 * <li>{@code lab.lock.contended.norm} acquisitions that went through the JDK's queued slow path;</li>
 * <li>{@code lab.park.norm} {@code LockSupport.park*} calls;</li>
 * <li>{@code lab.alloc.count.norm} allocation sites executed in included classes (before escape
 *     analysis; compare with {@code gc.alloc.rate.norm}, bytes after it); only reported when
 *     {@code includes} is given, since without it nothing is counted and a zero would lie;</li>
 * <li>{@code lab.ctxsw.voluntary.norm} voluntary context switches of all the fork's threads, from
 *     {@code /proc/self/task/*}{@code /status} (Linux only);</li>
 * <li>{@code lab.thread.waited.norm}, {@code lab.thread.blocked.norm} ThreadMXBean's waited and
 *     blocked counts summed over live threads.</li>
 * </ul>
 * With {@code reportDir=DIR} each fork's agent also writes its whole-fork JSON report (allocations
 * by class, counts by thread; warm-up and JMH's own work included) to
 * {@code DIR/<benchmark id>-<pid>.json}.
 * Counts cover every thread of the fork between the two snapshots, JMH's own threads included (a
 * handful of events per iteration, negligible per op for any real iteration). If the agent is not
 * active in the fork (forks=0, or it failed its self-test) the profiler says so loudly and reports
 * NaN, never zeros.
 */
public final class LabCountersProfiler implements ExternalProfiler, InternalProfiler {

    private final String agentJar;
    private final String agentOptions;
    private final boolean countsAllocations;
    /** Where each fork's agent writes its full report (by class, by thread), or null. */
    private final String reportDir;

    private Counters counters;
    private String problem;
    private boolean warned;
    private String warningsShown;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private long[] before;
    private Map<String, Long> ctxswBefore;
    private Map<Long, long[]> threadsBefore;

    public LabCountersProfiler() throws ProfilerException {
        this("");
    }

    public LabCountersProfiler(String initLine) throws ProfilerException {
        String includes = "";
        String excludes = "";
        String jar = null;
        String reportDir = null;
        for (String pair : (initLine == null ? "" : initLine).split("[;,]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
            switch (key) {
                case "includes":
                    includes = value;
                    break;
                case "excludes":
                    excludes = value;
                    break;
                case "agentJar":
                    jar = value;
                    break;
                case "reportDir":
                    reportDir = value;
                    break;
                default:
                    throw new ProfilerException("lab-agent profiler: unknown option '" + key
                            + "'; known options: includes, excludes, agentJar, reportDir");
            }
        }
        StringBuilder opts = new StringBuilder();
        if (!includes.isEmpty()) {
            opts.append("includes=").append(includes);
        }
        if (!excludes.isEmpty()) {
            opts.append(opts.length() > 0 ? "," : "").append("excludes=").append(excludes);
        }
        this.reportDir = reportDir == null ? null : Paths.get(reportDir).toAbsolutePath().toString();
        try {
            AgentOptions.parse(opts.toString());
        } catch (IllegalArgumentException e) {
            throw new ProfilerException(e.getMessage());
        }
        this.agentOptions = opts.toString();
        this.countsAllocations = !includes.isEmpty();
        this.agentJar = jar != null ? jar : ownJar();
        if (!new File(agentJar).isFile()) {
            throw new ProfilerException("lab-agent profiler: agent jar not found at " + agentJar);
        }
        checkIsAgent(agentJar);
    }

    private static String ownJar() throws ProfilerException {
        File location;
        try {
            location = new File(LabCountersProfiler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new ProfilerException("lab-agent profiler: cannot find the jar it was loaded from; pass agentJar=PATH");
        }
        if (!location.isFile()) {
            throw new ProfilerException("lab-agent profiler: loaded from " + location
                    + ", which is not lab-agent.jar; put the built lab-agent.jar on the class path or pass agentJar=PATH");
        }
        return location.getAbsolutePath();
    }

    private static void checkIsAgent(String jar) throws ProfilerException {
        try (JarFile jf = new JarFile(jar)) {
            if (jf.getManifest() == null || jf.getManifest().getMainAttributes().getValue("Premain-Class") == null) {
                throw new ProfilerException("lab-agent profiler: " + jar + " has no Premain-Class: not the agent jar");
            }
        } catch (IOException e) {
            throw new ProfilerException("lab-agent profiler: cannot read " + jar + ": " + e);
        }
    }

    @Override
    public String getDescription() {
        return "lab-agent: lock acquisitions, contended acquisitions, parks and allocations per operation";
    }

    // ---- host side ----------------------------------------------------------------------------

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return Collections.emptyList();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        String options = agentOptions;
        if (reportDir != null) {
            String name = params.id().replaceAll("[^A-Za-z0-9._-]+", "_");
            String report = "report=" + Paths.get(reportDir, name + "-%p.json");
            options = options.isEmpty() ? report : options + "," + report;
        }
        return List.of("-javaagent:" + agentJar + (options.isEmpty() ? "" : "=" + options));
    }

    @Override
    public void beforeTrial(BenchmarkParams params) {
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        return Collections.emptyList();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    // ---- fork side ----------------------------------------------------------------------------

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (counters == null && problem == null) {
            counters = Counters.find();
            if (counters == null) {
                problem = "lab-agent is NOT active in this JVM (no bootstrap counters class): is the benchmark run "
                        + "with forks=0, or was -javaagent removed? lab.* results are NaN";
            } else if (!"ok".equals(counters.status())) {
                problem = "lab-agent self-test did not pass in this JVM: " + counters.status() + "; lab.* results are NaN";
            }
        }
        if (problem != null) {
            if (!warned) {
                warned = true;
                String banner = "#".repeat(100);
                System.err.println(banner + "\n## " + problem + "\n" + banner);
                System.out.println(banner + "\n## " + problem + "\n" + banner);
            }
            return;
        }
        if (!countsAllocations && !warned) {
            warned = true;
            System.out.println("lab-agent profiler: no includes= given, so no class's allocations or monitors are "
                    + "counted and lab.alloc.count.norm is not reported (JDK locks and parks are)");
        }
        ctxswBefore = voluntaryContextSwitches();
        threadsBefore = threadCounts();
        before = counters.totals(); // last, so the profiler's own work above is not counted
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (problem != null) {
            for (String name : new String[] {"lab.lock.acquire.norm", "lab.lock.contended.norm", "lab.park.norm",
                "lab.alloc.count.norm"}) {
                out.add(new ScalarResult(name, Double.NaN, "#/op", AggregationPolicy.AVG));
            }
            return out;
        }
        long[] after = counters.totals(); // first, for the same reason
        String warnings = counters.warnings();
        if (warnings != null && !warnings.equals(warningsShown)) {
            warningsShown = warnings;
            String banner = "#".repeat(100);
            System.out.println(banner + "\n## lab-agent: these classes could NOT be instrumented; their allocations and "
                    + "monitors are missing from lab.alloc.count.norm and lab.lock.acquire.norm:\n##   " + warnings
                    + "\n" + banner);
        }
        Map<Long, long[]> threadsAfter = threadCounts();
        Map<String, Long> ctxswAfter = voluntaryContextSwitches();

        out.add(norm("lab.lock.acquire.norm", Counters.acquired(after) - Counters.acquired(before), ops, "locks/op"));
        out.add(norm("lab.lock.contended.norm",
                Counters.at(after, LabCounters.CONTENDED) - Counters.at(before, LabCounters.CONTENDED), ops, "locks/op"));
        out.add(norm("lab.park.norm", Counters.at(after, LabCounters.PARK) - Counters.at(before, LabCounters.PARK), ops,
                "parks/op"));
        if (countsAllocations) {
            out.add(norm("lab.alloc.count.norm", Counters.allocations(after) - Counters.allocations(before), ops,
                    "allocs/op"));
        }
        if (ctxswAfter != null && ctxswBefore != null) {
            long delta = 0;
            for (Map.Entry<String, Long> e : ctxswAfter.entrySet()) {
                delta += e.getValue() - ctxswBefore.getOrDefault(e.getKey(), 0L);
            }
            out.add(norm("lab.ctxsw.voluntary.norm", delta, ops, "ctxsw/op"));
        }
        if (threadsAfter != null && threadsBefore != null) {
            long waited = 0;
            long blocked = 0;
            for (Map.Entry<Long, long[]> e : threadsAfter.entrySet()) {
                long[] b = threadsBefore.getOrDefault(e.getKey(), new long[2]);
                waited += e.getValue()[0] - b[0];
                blocked += e.getValue()[1] - b[1];
            }
            out.add(norm("lab.thread.waited.norm", waited, ops, "waits/op"));
            out.add(norm("lab.thread.blocked.norm", blocked, ops, "blocks/op"));
        }
        return out;
    }

    private static ScalarResult norm(String name, long delta, long ops, String unit) {
        return new ScalarResult(name, ops != 0 ? 1.0 * delta / ops : Double.NaN, unit, AggregationPolicy.AVG);
    }

    /*
     * The OS and ThreadMXBean counts are per live thread: deltas are taken per thread (a thread
     * that exits during the iteration takes its counts with it and must not subtract them), so
     * these cross-checks can undercount short-lived threads but never go negative.
     */

    /** voluntary_ctxt_switches per task id, or null where /proc has none. */
    static Map<String, Long> voluntaryContextSwitches() {
        Path tasks = Paths.get("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        Map<String, Long> byTask = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"), StandardCharsets.UTF_8)) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            byTask.put(task.getFileName().toString(),
                                    Long.parseLong(line.substring("voluntary_ctxt_switches:".length()).trim()));
                        }
                    }
                } catch (IOException | NumberFormatException threadExited) {
                    // the thread ended between listing and reading: its switches are gone either way
                }
            }
        } catch (IOException e) {
            return null;
        }
        return byTask.isEmpty() ? null : byTask;
    }

    /** {waited, blocked} per live thread id, or null. */
    private Map<Long, long[]> threadCounts() {
        try {
            Map<Long, long[]> byThread = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    byThread.put(info.getThreadId(), new long[] {info.getWaitedCount(), info.getBlockedCount()});
                }
            }
            return byThread;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
