package lab.core.bench.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import lab.core.bench.KeyStreams;
import lab.core.record.JvmConfig;

/**
 * Where a fork's seconds go: the same one-fork JMH run (one 10 ms measurement iteration, so the
 * iterations cost nothing) in configurations that each add one part of a lab fork, interleaved in
 * rounds so drift hits them alike. Per configuration: the median wall time of {@code Runner.run}
 * (host and fork) and the fork's CPU time (the children's CPU of this process, /proc/self/stat).
 * The difference between two rows is what the part costs.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package test-compile}):
 * {@code java -cp "lab-web/target/lab-web.jar:lab-web/target/lib/*:lab-core/target/test-classes" lab.core.bench.run.ForkCostProbe [ROUNDS] [DATASET] [AGENT_JAR] [ONLY]}
 * (AGENT_JAR: another build of the agent; ONLY: the configurations whose name contains it).
 */
public final class ForkCostProbe {

    private static String ONLY = "";

    private ForkCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int dataset = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        if (args.length > 2) {
            System.setProperty("lab.probe.agentJar", args[2]); // another build of the agent, to compare
        }
        if (args.length > 3) {
            ONLY = args[3]; // only the configurations whose name contains this
        }
        Path cache = Files.createTempDirectory("forkcost");
        Path keys = cache.resolve("keys");
        JvmConfig jvm = JvmAxis.running();
        List<String> warnings = new ArrayList<>();
        RunOutput silent = new RunOutput(org.openjdk.jmh.runner.format.OutputFormatFactory.createFormatInstance(
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), VerboseMode.SILENT));
        Trial small = new Trial("lab.core.bench.ReadBenchmark.read", "read", "DENSE_ARRAY",
                Map.of("store", "DENSE_ARRAY", "datasetSize", "2"), 1, jvm);
        List<String> cds = new SharedArchive(cache).flags(jvm, small, silent, warnings);
        // prime the key cache
        run("ReadBenchmark.read", "MEMORY", dataset, List.of("-D" + KeyStreams.DIR_PROPERTY + "=" + keys), false);

        Map<String, Runnable> configs = new LinkedHashMap<>();
        configs.put("JVM + JMH (2-task store, keys drawn)", () -> run("ReadBenchmark.read", "DENSE_ARRAY", 2, List.of(), false));
        configs.put("+ CDS archive", () -> run("ReadBenchmark.read", "DENSE_ARRAY", 2, cds, false));
        configs.put("MEMORY read, " + dataset + " tasks, keys drawn", () -> run("ReadBenchmark.read", "MEMORY", dataset, List.of(), false));
        configs.put("MEMORY read, keys from cache", () -> run("ReadBenchmark.read", "MEMORY", dataset,
                List.of("-D" + KeyStreams.DIR_PROPERTY + "=" + keys), false));
        configs.put("MEMORY read, keys from cache + CDS", () -> run("ReadBenchmark.read", "MEMORY", dataset,
                concat(cds, "-D" + KeyStreams.DIR_PROPERTY + "=" + keys), false));
        configs.put("MEMORY write (+ replacements), cache + CDS", () -> run("WriteBenchmark.write", "MEMORY", dataset,
                concat(cds, "-D" + KeyStreams.DIR_PROPERTY + "=" + keys), false));
        configs.put("CHANNEL read, cache + CDS", () -> run("ReadBenchmark.read", "CHANNEL", dataset,
                concat(cds, "-D" + KeyStreams.DIR_PROPERTY + "=" + keys), false));
        configs.put("MEMORY read, profiled (agent + async-profiler), cache", () -> run("ReadBenchmark.read", "MEMORY", dataset,
                List.of("-D" + KeyStreams.DIR_PROPERTY + "=" + keys), true));
        configs.put("MEMORY read, agent only, cache", () -> run("ReadBenchmark.read", "MEMORY", dataset,
                List.of("-D" + KeyStreams.DIR_PROPERTY + "=" + keys), true, false));
        configs.put("MEMORY read, async-profiler only, cache", () -> run("ReadBenchmark.read", "MEMORY", dataset,
                List.of("-D" + KeyStreams.DIR_PROPERTY + "=" + keys), false, true));
        configs.put("MEMORY read as every fork was before: profiled, keys drawn", () -> run("ReadBenchmark.read", "MEMORY", dataset,
                List.of(), true));

        configs.keySet().removeIf(name -> !name.contains(ONLY));
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(configs.keySet());
            java.util.Collections.shuffle(order, new java.util.Random(r));
            for (String name : order) {
                double cpu0 = childCpuSeconds();
                long t0 = System.nanoTime();
                configs.get(name).run();
                double wall = (System.nanoTime() - t0) / 1e9;
                samples.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {wall, childCpuSeconds() - cpu0});
            }
        }
        System.out.printf(Locale.ROOT, "%d rounds, %s, %d cores, load %s%n", rounds, System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf(Locale.ROOT, "%-52s %22s %22s%n", "configuration (one fork, 1 x 10 ms)", "wall s median [min-max]", "fork CPU s median [min-max]");
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            double[] wall = e.getValue().stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] cpu = e.getValue().stream().mapToDouble(x -> x[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-52s %6.2f [%5.2f-%5.2f]    %6.2f [%5.2f-%5.2f]%n", e.getKey(), wall[wall.length / 2], wall[0],
                    wall[wall.length - 1], cpu[cpu.length / 2], cpu[0], cpu[cpu.length - 1]);
        }
        warnings.forEach(w -> System.out.println("warning: " + w));
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static void run(String benchmark, String store, int dataset, List<String> extra, boolean profiled) {
        run(benchmark, store, dataset, extra, profiled, profiled);
    }

    private static void run(String benchmark, String store, int dataset, List<String> extra, boolean withAgent,
                            boolean withAsync) {
        List<String> args = new ArrayList<>(ForkRunner.HEAP);
        args.addAll(extra);
        ChainedOptionsBuilder b = new OptionsBuilder().include("lab\\.core\\.bench\\." + benchmark.replace(".", "\\.") + "$")
                .param("store", store).param("datasetSize", Integer.toString(dataset)).forks(1).warmupIterations(0)
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(10)).threads(1)
                .jvmArgsAppend(args.toArray(new String[0])).verbosity(VerboseMode.SILENT).addProfiler(GCProfiler.class);
        if (withAgent || withAsync) {
            List<String> warnings = new ArrayList<>();
            FlameGraphs flame = FlameGraphs.probe(FlameGraphs.defaultCache(), warnings);
            RunRequest r = RunRequest.of(lab.core.bench.Profile.SMOKE, Path.of("reports"), Path.of("profiles"))
                    .repoRoot(lab.core.record.RunRepository.labHome());
            if (System.getProperty("lab.probe.agentJar") != null) {
                r.agentJar(Path.of(System.getProperty("lab.probe.agentJar")));
            }
            AgentProfiler agent = AgentProfiler.resolve(r, warnings);
            if (flame != null && withAsync) {
                try {
                    b.addProfiler(org.openjdk.jmh.profile.AsyncProfiler.class, flame.jmhOptions(Files.createTempDirectory("fc-prof")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if (agent != null && withAgent) {
                b.addProfiler(agent.profilerClass(), agent.options());
            }
        }
        try {
            new Runner(b.build()).run();
        } catch (Exception e) {
            throw new IllegalStateException(benchmark + " " + store + ": " + e.getMessage(), e);
        }
    }

    /** CPU seconds of this process's reaped children (utime + stime of the forks). */
    private static double childCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... cutime is field 16 of the full line, index 13 here
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
