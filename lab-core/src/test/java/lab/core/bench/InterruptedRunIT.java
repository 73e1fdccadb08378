package lab.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;

/**
 * Ctrl-C on {@code ./lab run}: the CLI runs in a child JVM, gets SIGINT once JMH's fork is
 * measuring, and must store the run as interrupted, stop the fork, print the id last, and leave
 * the run stored before it untouched. Where this test's own JVM was started with SIGINT ignored
 * (a background job of a shell without job control: the child inherits it, and the JVM keeps an
 * ignored SIGINT ignored), it sends SIGTERM, which the lab handles the same way.
 */
@EnabledOnOs(OS.LINUX)
class InterruptedRunIT {

    @Test
    void sigintStoresTheRunAsInterruptedAndLeavesEarlierRunsAlone(@TempDir Path tmp) throws Exception {
        Path reports = tmp.resolve("reports");
        Path profiles = tmp.resolve("profiles");
        String earlier = lab(List.of("run", "--profile", "smoke", "--stores", "DENSE_ARRAY", "--workloads", "read",
                "--warmup", "0", "--iterations", "1", "--time", "50ms", "--no-agent", "--no-flame", "--label", "before",
                "--reports", reports.toString(), "--profiles", profiles.toString()), null).lastLine;
        Map<String, byte[]> before = snapshot(reports.resolve(earlier));
        assertThat(before).containsKeys("run.json", "jmh.json");

        Child child = lab(List.of("run", "--profile", "smoke", "--stores", "MEMORY,SHARD", "--workloads", "read", "--verbose",
                "--warmup", "1", "--iterations", "100", "--time", "200ms", "--no-agent", "--no-flame", "--label", "stopped",
                "--reports", reports.toString(), "--profiles", profiles.toString()), "Iteration ");

        assertThat(child.exit).as("128 + the signal's number").isEqualTo(SIGNAL.equals("INT") ? 130 : 143);
        assertThat(child.forks).as("JMH started a fork").isNotEmpty();
        for (ProcessHandle fork : child.forks) {
            assertThat(fork.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("fork %s stopped", fork.pid()).isFalse();
        }
        String id = child.lastLine;
        assertThat(id).matches("\\d{8}-\\d{6}-smoke-stopped");
        StoredRun run = new RunRepository(reports).find(id).orElseThrow();
        RunManifest m = run.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(m.error()).contains("interrupted", "forks");
        assertThat(m.endedAt()).isAfterOrEqualTo(m.startedAt());

        assertThat(snapshot(reports.resolve(earlier))).as("the earlier run is untouched")
                .containsOnlyKeys(before.keySet().toArray(new String[0]))
                .allSatisfy((name, bytes) -> assertThat(bytes).isEqualTo(before.get(name)));
        try (Stream<Path> s = Files.list(reports)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder(earlier, id);
        }
        assertThat(new RunRepository(reports).list()).extracting(StoredRun::id).containsExactly(id, earlier);
    }

    private record Child(int exit, String lastLine, List<ProcessHandle> forks) {
    }

    /** SIGINT, unless this JVM ignores it (then its children do too): SIGTERM. */
    private static final String SIGNAL = sigintIgnored() ? "TERM" : "INT";

    /** Whether SIGINT (signal 2) is in this process's ignored-signal mask ({@code SigIgn} of /proc/self/status). */
    private static boolean sigintIgnored() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("SigIgn:")).findFirst()
                    .map(l -> (Long.parseUnsignedLong(l.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0)
                    .orElse(false);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Runs the CLI in a child JVM; with {@code interruptAt}, sends SIGINT once that line is printed. */
    private static Child lab(List<String> args, String interruptAt) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("lab.core.cli.Main");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        List<ProcessHandle> forks = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch reached = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    if (interruptAt != null && line.startsWith(interruptAt)) {
                        forks.addAll(p.descendants().toList());
                        reached.countDown();
                    }
                }
            } catch (Exception ignored) {
                // the child ended
            }
        });
        reader.start();
        if (interruptAt != null) {
            boolean started = reached.await(120, TimeUnit.SECONDS);
            assertThat(started).as("JMH started measuring; output so far: %s", lines).isTrue();
            Thread.sleep(300);
            new ProcessBuilder("kill", "-" + SIGNAL, Long.toString(p.pid())).inheritIO().start().waitFor();
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the CLI ended; output: %s", lines).isTrue();
        reader.join(10_000);
        assertThat(lines).as("output").isNotEmpty();
        return new Child(p.exitValue(), lines.get(lines.size() - 1), new ArrayList<>(forks));
    }

    private static Map<String, byte[]> snapshot(Path dir) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
