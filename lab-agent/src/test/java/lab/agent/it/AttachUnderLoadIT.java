package lab.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attaching to a JVM that is busy in included code (the case that counted 66 allocations for
 * ~1 million in issue 12): every step the busy threads take inside the reported window must be
 * counted, and the report must state that window and the classes it instrumented. The busy
 * threads' own step counters, sampled with timestamps by {@link LoadedTarget}, bracket how many
 * steps fell inside the window; the agent's count must lie within that bracket.
 */
class AttachUnderLoadIT {

    private static final String INCLUDES = "lab.agent.it.included.*";

    static List<String> target(Path java, Path samples, Path done) {
        return List.of(java.toString(), "-XX:+EnableDynamicAgentLoading", "-cp", ChildJvm.testClasses().toString(),
                LoadedTarget.class.getName(), samples.toString(), done.toString());
    }

    static ChildJvm.Result attach(Path java, Path work, long pid, String options) throws Exception {
        return ChildJvm.run(work, List.of(java.toString(), "-jar", ChildJvm.agentJar().toString(),
                "attach", Long.toString(pid), options), 180);
    }

    static Path cleanWork(String name) throws Exception {
        Path work = Paths.get("target", "it-work", name).toAbsolutePath();
        if (Files.isDirectory(work)) {
            try (var old = Files.list(work)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        return work;
    }

    static void awaitFile(Path file, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(file)) {
            assertThat(System.nanoTime()).as("waiting for %s", file).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @ParameterizedTest
    @EnumSource(Jvms.class)
    void attachedToABusyJvmItCountsEveryStepOfTheWindowItReports(Jvms jvm) throws Exception {
        Path java = jvm.javaOrSkip();
        Path work = cleanWork("loaded-" + jvm.name());
        Path samples = work.resolve("samples.csv");
        Path done = work.resolve("done");
        try (ChildJvm.Running target = ChildJvm.start(work, target(java, samples, done))) {
            target.awaitLine("loaded", 120);

            ChildJvm.Result attached = attach(java, work, target.process.pid(),
                    "includes=" + INCLUDES + ",report=" + work.resolve("loaded-%w.json") + ",duration=2s");
            assertThat(attached.exitCode).as("attach: %s", attached).isZero();
            assertThat(attached.out).contains("window 1 counting since").contains(INCLUDES + "=2");
            Path report = work.resolve("loaded-1.json");
            awaitFile(report, 120);
            Files.createFile(done);
            ChildJvm.Result t = target.await(120);
            assertThat(t.exitCode).as("target: %s", t).isZero();

            JsonNode r = new ObjectMapper().readTree(report.toFile());
            assertThat(r.path("schema").asInt()).isEqualTo(2);
            JsonNode window = r.path("window");
            Instant start = Instant.parse(window.path("start").asText());
            Instant end = Instant.parse(window.path("end").asText());
            assertThat(window.path("seconds").asDouble()).isGreaterThanOrEqualTo(2.0)
                    .isEqualTo(Duration.between(start, end).toNanos() / 1e9, within(1e-6));
            assertThat(window.path("endedBy").asText()).isEqualTo("duration");
            JsonNode instrumentation = r.path("instrumentation");
            assertThat(instrumentation.path("complete").asBoolean()).as("%s", instrumentation).isTrue();
            assertThat(instrumentation.path("failed").size()).isZero();
            assertThat(instrumentation.path("byPattern").path(INCLUDES).asInt()).as("Busy and Widget").isEqualTo(2);

            List<long[]> rows = samples(samples);
            for (int i = 0; i < LoadedTarget.THREADS; i++) {
                JsonNode thread = r.path("threads").path("busy-" + i);
                long widgets = thread.path("allocationsByClass").path("lab.agent.it.included.Widget").asLong();
                long arrays = thread.path("allocationsByClass").path("java.lang.Object[]").asLong();
                long[] bracket = stepsWithin(rows, i + 1, micros(start), micros(end));
                // One step may straddle each edge of the window; 2% covers the snapshot-to-timestamp gap under load.
                long slack = 2 + bracket[1] / 50;
                assertThat(widgets).as("busy-%d: Widgets counted vs steps in the window %s", i, Arrays.toString(bracket))
                        .isBetween(bracket[0] - slack, bracket[1] + slack);
                // A step running at either snapshot may be counted for one of its two allocations only.
                assertThat(arrays).as("busy-%d: one Object[] per step", i).isCloseTo(widgets, within(2L));
            }
        }
    }

    static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    static List<long[]> samples(Path file) throws Exception {
        List<long[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split(",");
            long[] row = new long[cells.length];
            for (int k = 0; k < cells.length; k++) {
                row[k] = Long.parseLong(cells[k]);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Steps of column {@code col} surely inside [start, end] and possibly inside it. A sample's
     * counters are read after its timestamp and before the next sample's timestamp.
     */
    static long[] stepsWithin(List<long[]> rows, int col, long start, long end) {
        long innerFrom = -1;
        long innerTo = -1;
        long outerFrom = -1;
        long outerTo = -1;
        for (int k = 0; k < rows.size(); k++) {
            long t = rows.get(k)[0];
            long next = k + 1 < rows.size() ? rows.get(k + 1)[0] : Long.MAX_VALUE;
            long v = rows.get(k)[col];
            if (next <= start) {
                outerFrom = v; // read before the window started
            }
            if (t >= start && innerFrom < 0) {
                innerFrom = v; // read after it started
            }
            if (next <= end) {
                innerTo = v; // read before it ended
            }
            if (t >= end && outerTo < 0) {
                outerTo = v; // read after it ended
            }
        }
        assertThat(outerFrom).as("a sample before the window").isGreaterThanOrEqualTo(0);
        assertThat(outerTo).as("a sample after the window").isGreaterThanOrEqualTo(0);
        return new long[] {Math.max(0, innerTo - innerFrom), outerTo - outerFrom};
    }
}
