package lab.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lab.agent.it.jmh.TinyBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JMH profiler end to end, as a JMH user runs it: a JMH host JVM with the built lab-agent.jar
 * on its class path and {@code -prof lab.agent.jmh.LabCountersProfiler}; the profiler adds the
 * agent to the fork and reports per-op counts in JMH's JSON result. Kept short: 1 fork, 1 warm-up
 * and 2 measurement iterations of 200 ms. JMH's /tmp/jmh.lock is ignored: tests do not need an idle machine, and other JMH runs may hold it.
 */
class ProfilerIT {

    /** What a JMH user's class path holds: JMH, the benchmarks, and lab-agent.jar. */
    private static String jmhClassPath() {
        return ChildJvm.classPath(ChildJvm.agentJar().toString(), ChildJvm.testClasses().toString(),
                ChildJvm.locationOf(org.openjdk.jmh.Main.class),
                ChildJvm.locationOf(joptsimple.OptionParser.class),
                ChildJvm.locationOf(org.apache.commons.math3.stat.StatUtils.class));
    }

    @ParameterizedTest
    @EnumSource(Jvms.class)
    void profilerReportsOneReadLockPerOpAndNoneForLockFreeCode(Jvms jvm) throws Exception {
        Path java = jvm.javaOrSkip();
        Path work = Paths.get("target", "it-work", "jmh-" + jvm.name()).toAbsolutePath();
        Files.createDirectories(work);
        Path result = work.resolve("jmh.json");
        Files.deleteIfExists(result);
        Path reports = work.resolve("fork-reports");
        if (Files.isDirectory(reports)) {
            try (var old = Files.list(reports)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
        }
        ChildJvm.Result r = ChildJvm.run(work, List.of(java.toString(), "-Djmh.ignoreLock=true", "-cp", jmhClassPath(), "org.openjdk.jmh.Main",
                TinyBench.class.getName(), "-f", "1", "-wi", "1", "-w", "200ms", "-i", "2", "-r", "200ms",
                "-bm", "avgt", "-tu", "ns",
                "-prof", "lab.agent.jmh.LabCountersProfiler:includes=lab.agent.it.jmh.*:java.util.HashMap*;excludes=java.util.HashMap$TreeNode;reportDir=" + reports,
                "-rf", "json", "-rff", result.toString()), 180);
        assertThat(r.exitCode).as("JMH: %s", r).isZero();
        assertThat(r.out + r.err).doesNotContain("NOT active").doesNotContain("SELF-TEST FAILED");

        Map<String, JsonNode> byBenchmark = new HashMap<>();
        for (JsonNode b : new ObjectMapper().readTree(result.toFile())) {
            String name = b.path("benchmark").asText();
            byBenchmark.put(name.substring(name.lastIndexOf('.') + 1), b.path("secondaryMetrics"));
        }
        JsonNode locked = byBenchmark.get("readLocked");
        JsonNode free = byBenchmark.get("lockFree");
        assertThat(locked).as("results: %s", byBenchmark.keySet()).isNotNull();
        assertThat(free).isNotNull();

        assertThat(locked.path("lab.lock.acquire.norm").path("score").asDouble()).isCloseTo(1.0, within(0.01));
        assertThat(locked.path("lab.lock.acquire.norm").path("scoreUnit").asText()).isEqualTo("locks/op");
        assertThat(locked.path("lab.lock.contended.norm").path("score").asDouble()).isCloseTo(0.0, within(0.001));
        assertThat(free.path("lab.lock.acquire.norm").path("score").asDouble()).isCloseTo(0.0, within(0.001));
        assertThat(free.path("lab.park.norm").path("score").asDouble()).isCloseTo(0.0, within(0.001));
        assertThat(free.path("lab.alloc.count.norm").path("score").asDouble()).isCloseTo(0.0, within(0.001));
        for (String metric : new String[] {"lab.park.norm", "lab.alloc.count.norm", "lab.thread.waited.norm",
            "lab.thread.blocked.norm"}) {
            assertThat(locked.has(metric)).as(metric).isTrue();
        }
        assertThat(locked.path("lab.alloc.count.norm").path("score").asDouble()).isCloseTo(0.0, within(0.001));

        // reportDir: each fork's agent wrote its whole-fork report, named after the benchmark.
        Path lockedReport;
        try (var files = Files.list(reports)) {
            lockedReport = files.filter(p -> p.getFileName().toString().contains("readLocked")).findFirst().orElseThrow();
        }
        JsonNode fork = new ObjectMapper().readTree(lockedReport.toFile());
        assertThat(fork.path("agent").path("selfTest").asText()).isEqualTo("ok");
        assertThat(fork.path("locks").path("byKind").path("ReadLock").asLong()).isGreaterThan(1000);
        if (Files.isDirectory(Paths.get("/proc/self/task"))) {
            assertThat(locked.has("lab.ctxsw.voluntary.norm")).isTrue();
        }
    }

    @Test
    void withoutTheAgentInTheMeasuredJvmTheProfilerSaysSoAndReportsNaNNotZero() throws Exception {
        Path work = Paths.get("target", "it-work", "jmh-no-agent").toAbsolutePath();
        Files.createDirectories(work);
        Path result = work.resolve("jmh.json");
        Files.deleteIfExists(result);
        // -f 0: the benchmark runs in the host JVM, which the profiler cannot give a -javaagent.
        ChildJvm.Result r = ChildJvm.run(work, List.of(Jvms.CURRENT.java().toString(), "-Djmh.ignoreLock=true", "-cp", jmhClassPath(),
                "org.openjdk.jmh.Main", TinyBench.class.getName() + ".readLocked", "-f", "0", "-wi", "0",
                "-i", "1", "-r", "100ms", "-bm", "avgt", "-prof", "lab.agent.jmh.LabCountersProfiler",
                "-rf", "json", "-rff", result.toString()), 120);
        assertThat(r.exitCode).as("JMH: %s", r).isZero();
        assertThat(r.out + r.err).contains("lab-agent is NOT active in this JVM");
        JsonNode metrics = new ObjectMapper().readTree(result.toFile()).get(0).path("secondaryMetrics");
        assertThat(metrics.path("lab.lock.acquire.norm").path("score").asText()).isEqualTo("NaN");
    }
}
