package lab.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.core.bench.run.FlameGraphs;
import lab.core.bench.run.RunPlan;
import lab.core.cli.Main;
import lab.core.record.BenchmarkResult;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;

/**
 * A tiny smoke run through {@code ./lab run}'s own code path (the CLI command, JMH forks in rounds,
 * the agent jar lab-agent just packaged, the GC and async profilers), checked in its stored form:
 * timing forks with gc only, one profiled fork with the counters and flame graphs.
 */
class RunEndToEndIT {

    static final Path AGENT_JAR = Paths.get("..", "lab-agent", "target", "lab-agent.jar").toAbsolutePath().normalize();

    @Test
    void smokeRunOfTwoStoresIsStoredCompleteWithCountersAndFlameGraphs(@TempDir Path tmp) throws Exception {
        Path reports = tmp.resolve("reports");
        Path profiles = tmp.resolve("profiles");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"run", "--profile", "smoke", "--stores", "MEMORY,CONCURRENT", "--workloads", "read",
            "--forks", "2", "--warmup", "1", "--iterations", "2", "--time", "100ms", "--label", "e2e", "--seed", "7",
            "--reports", reports.toString(), "--profiles", profiles.toString(), "--agent-jar", AGENT_JAR.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; stderr: %s", err).isZero();

        List<String> lines = stdout.lines().toList();
        String id = lines.get(lines.size() - 1);
        assertThat(id).matches("\\d{8}-\\d{6}-smoke-e2e");
        assertThat(stdout).contains("[lab] run " + id + ": ", "seed 7", "[lab] read store=MEMORY threads=1 = ",
                "[lab] read store=CONCURRENT threads=1 = ", "2 forks");
        assertThat(stdout).as("JMH's own output goes to jmh.log").doesNotContain("# Warmup Iteration");

        StoredRun run = new RunRepository(reports).find(id).orElseThrow();
        RunManifest m = run.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.error()).isNull();
        assertThat(m.files()).contains("jmh.json", "jmh-profiled.json", "jmh.log", "run.json");
        assertThat(Files.readString(run.dir().resolve("jmh.log"))).as("what the forks print goes to jmh.log")
                .contains("# Fork: 1 of 1", "Iteration", "[lab] preloaded 10,000 tasks into MEMORY in ");
        assertThat(m.design().blocks()).as("run.json says what ran together inside a round").isEqualTo(RunPlan.BLOCKS);
        assertThat(m.results()).allSatisfy(info -> {
            assertThat(info.forkSeconds()).as("one wall time per timing fork of %s", info.key()).hasSameSizeAs(info.rounds())
                    .allSatisfy(sec -> assertThat(sec).isPositive());
            assertThat(info.profiledSeconds() == null).isEqualTo(info.profiledIndex() == null);
        });
        assertThat(m.design().seed()).isEqualTo(7);
        assertThat(m.design().rounds()).isEqualTo(2);
        assertThat(m.design().profiledFork()).isTrue();
        assertThat(m.design().order()).hasSize(2).allSatisfy(round -> assertThat(round).hasSizeGreaterThanOrEqualTo(2));
        assertThat(m.configuration().profile()).isEqualTo("smoke");
        assertThat(m.configuration().datasetSize()).isEqualTo(10_000);
        assertThat(m.configuration().zipfExponent()).isEqualTo(ZipfKeys.exponentFor(10_000));
        assertThat(m.configuration().agent()).as("agent on; warnings %s", m.warnings()).isTrue();

        List<BenchmarkResult> results = run.results().stream().filter(r -> r.param("store") != null).toList();
        assertThat(results).extracting(r -> r.param("store")).containsExactly("MEMORY", "CONCURRENT");
        for (BenchmarkResult r : results) {
            assertThat(r.method()).isEqualTo("read");
            assertThat(r.mode()).isEqualTo("avgt");
            assertThat(r.threads()).isEqualTo(1);
            assertThat(r.forks()).isEqualTo(2);
            assertThat(r.primary().forkCount()).as("one rawData array per timing fork").isEqualTo(2);
            assertThat(r.forkRounds()).containsExactlyInAnyOrder(0, 1);
            assertThat(r.param("datasetSize")).isEqualTo("10000");
            assertThat(r.primary().score()).isPositive();
            assertThat(r.secondary("gc.alloc.rate.norm")).as("gc profiler result of %s", r.key()).isNotNull();
            assertThat(r.secondary().keySet()).as("timing forks run without the agent").noneMatch(n -> n.startsWith("lab."));

            BenchmarkResult profiled = run.profiled(r.key()).orElseThrow();
            assertThat(profiled.primary().forkCount()).isEqualTo(1);
            for (String counter : List.of("lab.lock.acquire.norm", "lab.lock.contended.norm", "lab.park.norm", "lab.alloc.count.norm")) {
                assertThat(profiled.secondary(counter)).as("%s of %s", counter, r.key()).isNotNull();
                assertThat(profiled.secondary(counter).score()).as("%s of %s is a count", counter, r.key()).isFinite();
            }
            // MemoryStore takes its read lock on every get: the agent must have counted it.
            if (r.param("store").equals("MEMORY")) {
                assertThat(profiled.secondary("lab.lock.acquire.norm").score()).isBetween(0.99, 1.01);
            }
        }

        // Flame graphs need async-profiler to run on this machine (a kernel, perf settings and an
        // architecture it supports): without it the run is complete and says why, and the rest of
        // this test is skipped with that reason rather than failed.
        assumeTrue(m.configuration().flame(), () -> "async-profiler cannot profile here: " + m.warnings());
        for (BenchmarkResult r : results) {
            String folder = m.profiles().get(r.key());
            assertThat(folder).as("profiles folder of %s in %s", r.key(), m.profiles()).startsWith(id + "/");
            Path dir = profiles.resolve(folder);
            for (String event : FlameGraphs.EVENTS) {
                assertThat(dir.resolve("flame-" + event + "-forward.html")).isRegularFile();
                assertThat(dir.resolve("collapsed-" + event + ".csv")).isRegularFile();
            }
            assertThat(Files.size(dir.resolve("flame-cpu-forward.html"))).isPositive();
            assertThat(Files.readString(dir.resolve("collapsed-cpu.csv"))).contains("ReadBenchmark", "read");
        }
        assertThat(m.profiles()).containsKeys(results.get(0).key(), results.get(1).key());
    }

    @Test
    void aRunWhoseProfiledForkFailsIsStoredAsFailedWithTheReasonAndItsTimingResults(@TempDir Path tmp) throws Exception {
        Path reports = tmp.resolve("reports");
        // A jar that is not the agent: lab-agent's profiler refuses it, so JMH cannot run the benchmark.
        Path notTheAgent = Paths.get(org.openjdk.jmh.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"run", "--profile", "smoke", "--stores", "MEMORY", "--workloads", "read", "--no-flame",
            "--warmup", "0", "--iterations", "1", "--time", "50ms", "--agent-jar", notTheAgent.toString(),
            "--reports", reports.toString(), "--profiles", tmp.resolve("profiles").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String id = lines.get(lines.size() - 1);
        StoredRun run = new RunRepository(reports).find(id).orElseThrow();
        assertThat(run.manifest().status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.manifest().error()).contains("forks failed", "read store=MEMORY threads=1 (profiled fork)",
                "no Premain-Class");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("run failed");
        assertThat(run.results()).as("the timing forks do not use the agent: they measured")
                .anySatisfy(r -> assertThat(r.param("store")).isEqualTo("MEMORY"));
        assertThat(run.profiledResults()).noneMatch(r -> "MEMORY".equals(r.param("store")));
    }
}
