package lab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lab.core.record.BenchmarkResult;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;

class ImportAndListCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int lab(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String lastLine() {
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void importRoundTripsForeignJmhJsonInEveryShape() throws Exception {
        List<RunResult> source = JmhJson.foreignResults();
        // An older file: no jmhVersion anywhere.
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = mapper.readTree(JmhJson.write(source));
        tree.forEach(n -> ((ObjectNode) n).remove("jmhVersion"));
        byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"NaN\"", "rawDataHistogram").doesNotContain("jmhVersion");
        Path file = tmp.resolve("foreign.json");
        Files.write(file, json);
        Path reports = tmp.resolve("reports");

        assertThat(lab("import", file.toString(), "--label", "foreign", "--reports", reports.toString())).isZero();
        String id = lastLine();
        assertThat(id).matches("\\d{8}-\\d{6}-foreign");

        StoredRun run = new RunRepository(reports).find(id).orElseThrow();
        assertThat(run.manifest().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.manifest().source()).isEqualTo("import");
        assertThat(run.manifest().label()).isEqualTo("foreign");
        assertThat(Files.readAllBytes(run.file("jmh.json").orElseThrow())).isEqualTo(json);

        List<BenchmarkResult> results = run.results();
        assertThat(results).hasSize(source.size());
        for (int i = 0; i < source.size(); i++) {
            RunResult expected = source.get(i);
            BenchmarkResult actual = results.get(i);
            assertThat(actual.benchmark()).isEqualTo(expected.getParams().getBenchmark());
            assertThat(actual.mode()).isEqualTo(expected.getParams().getMode().shortLabel());
            assertThat(actual.threads()).isEqualTo(expected.getParams().getThreads());
            assertThat(actual.forks()).isEqualTo(expected.getParams().getForks());
            assertThat(actual.jmhVersion()).isNull();
            for (String k : expected.getParams().getParamsKeys()) {
                assertThat(actual.param(k)).isEqualTo(expected.getParams().getParam(k));
            }
            assertThat(actual.params()).hasSize(expected.getParams().getParamsKeys().size());
            assertThat(actual.primary().score()).isCloseTo(expected.getPrimaryResult().getScore(), within(1e-6));
            assertThat(actual.primary().unit()).isEqualTo(expected.getPrimaryResult().getScoreUnit());
            assertThat(actual.primary().forkCount()).isEqualTo(expected.getParams().getForks());
            assertThat(actual.secondary().keySet()).containsAll(expected.getSecondaryResults().keySet());
        }
        BenchmarkResult avgt = results.get(0);
        assertThat(avgt.secondary("gc.alloc.rate.norm").score()).isEqualTo(16.0);
        BenchmarkResult thrpt = results.get(1);
        assertThat(thrpt.mode()).isEqualTo("thrpt");
        assertThat(thrpt.primary().hasError()).as("one iteration: JMH writes the error as \"NaN\"").isFalse();
        BenchmarkResult sample = results.get(2);
        assertThat(sample.mode()).isEqualTo("sample");
        assertThat(sample.primary().percentiles()).containsKey("50.0");
        assertThat(sample.primary().rawData()).hasSize(1);
        assertThat(sample.primary().rawData().get(0)).hasSize(2);
        assertThat(results.get(3).mode()).isEqualTo("ss");
        BenchmarkResult group = results.get(4);
        assertThat(group.method()).isEqualTo("group");
        assertThat(group.secondary("ping").score()).isCloseTo(140.0, within(1e-6));
        assertThat(group.secondary("pong").score()).isCloseTo(160.0, within(1e-6));
    }

    @Test
    void aFileThatIsNotJmhJsonIsRefusedWithItsReasonAndNoRun() throws Exception {
        Path reports = tmp.resolve("reports");
        Path notJmh = tmp.resolve("package.json");
        Files.writeString(notJmh, "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}");
        assertThat(lab("import", notJmh.toString(), "--reports", reports.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("package.json is neither a JMH result", "array",
                "no \"agent\" object");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

        Path truncated = tmp.resolve("truncated.json");
        byte[] good = JmhJson.write(JmhJson.foreignResults());
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(lab("import", truncated.toString(), "--reports", reports.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("truncated.json is not a JMH result");

        assertThat(lab("import", tmp.resolve("missing.json").toString(), "--reports", reports.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");

        if (Files.exists(reports)) {
            try (Stream<Path> s = Files.list(reports)) {
                assertThat(s.toList()).as("nothing stored, not even a temporary folder").isEmpty();
            }
        }
    }

    @Test
    void listShowsStoredRunsNewestFirstOneLineEach() throws Exception {
        Path reports = tmp.resolve("reports");
        Path file = tmp.resolve("r.json");
        Files.write(file, JmhJson.write(JmhJson.foreignResults()));
        assertThat(lab("list", "--reports", reports.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no stored runs");

        assertThat(lab("import", file.toString(), "--label", "first", "--reports", reports.toString())).isZero();
        String first = lastLine();
        Thread.sleep(5);
        assertThat(lab("import", file.toString(), "--label", "second", "--reports", reports.toString())).isZero();
        String second = lastLine();

        assertThat(lab("list", "--reports", reports.toString())).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID").contains("KIND", "STATUS", "LABEL", "PROFILE", "RESULTS", "JVM");
        assertThat(lines.get(1)).startsWith(second).contains("jmh", "complete", "second", " 5 ", "17.0.15");
        assertThat(lines.get(2)).startsWith(first).contains("first");
    }

    @Test
    void listShowsAbandonedRunsWithHowToRemoveThemAndRemovesOnlyThose() throws Exception {
        Path reports = tmp.resolve("reports");
        Path file = tmp.resolve("r.json");
        Files.write(file, JmhJson.write(JmhJson.foreignResults()));
        assertThat(lab("import", file.toString(), "--label", "kept", "--reports", reports.toString())).isZero();
        String kept = lastLine();
        Path killed = Files.createDirectories(reports.resolve(".tmp-20261129-100000-quick-killed"));
        Files.write(killed.resolve("jmh.json"), JmhJson.write(JmhJson.foreignResults()));
        out.reset();

        assertThat(lab("list", "--reports", reports.toString())).isZero();
        String listed = out.toString(StandardCharsets.UTF_8);
        assertThat(listed).contains("20261129-100000-quick-killed", "abandoned", "./lab list --remove-abandoned");
        out.reset();

        assertThat(lab("list", "--remove-abandoned", "--reports", reports.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("removed 1 abandoned run: 20261129-100000-quick-killed");
        assertThat(Files.exists(killed)).isFalse();
        try (Stream<Path> s = Files.list(reports)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(kept);
        }
    }
}
