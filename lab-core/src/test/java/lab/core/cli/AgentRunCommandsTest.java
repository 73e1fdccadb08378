package lab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.core.record.AgentReportFixtures;
import lab.core.record.Json;
import lab.core.record.RunKind;
import lab.core.record.RunRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab import} of an agent report (told from a JMH result by its shape) and {@code ./lab compare} of two agent runs. */
class AgentRunCommandsTest {

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

    private String importReport(ObjectNode report, String label) throws Exception {
        Path file = tmp.resolve(label + ".json");
        Files.write(file, AgentReportFixtures.bytes(report));
        assertThat(lab("import", file.toString(), "--label", label, "--reports", tmp.resolve("reports").toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        return lastLine();
    }

    @Test
    void anAgentReportImportsAsAnAgentRun() throws Exception {
        String id = importReport(AgentReportFixtures.small(), "svc");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("agent report of window 1 (10.00 s from 2026-12-01T10:00:00Z), "
                + "1 thread, 120 lock acquisitions, 60 allocations");
        assertThat(new RunRepository(tmp.resolve("reports")).find(id).orElseThrow().manifest().kind()).isEqualTo(RunKind.AGENT);
        assertThat(lab("list", "--reports", tmp.resolve("reports").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(id + "  agent").containsPattern(id + " .* window 10\\.00 s ");
    }

    @Test
    void anObjectThatIsNotAnAgentReportIsRefusedAndNothingIsStored() throws Exception {
        Path file = tmp.resolve("other.json");
        Files.writeString(file, "{\"name\": \"not a report\"}");
        assertThat(lab("import", file.toString(), "--reports", tmp.resolve("reports").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("other.json is neither a JMH result (a JSON array) nor a lab agent report")
                .contains("no \"agent\" object");
        assertThat(tmp.resolve("reports")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void twoAgentRunsCompareByKindAndClassWithoutPValues() throws Exception {
        String a = importReport(AgentReportFixtures.small(), "before");
        String b = importReport(AgentReportFixtures.report(20, Map.of("ReentrantLock", 300L), 0, 0, Map.of("int[]", 100L)), "after");
        String reports = tmp.resolve("reports").toString();
        assertThat(lab("compare", a, b, "--reports", reports)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Locks by kind").contains("Allocations by class").contains("no p-value");
        assertThat(text.lines().filter(l -> l.trim().startsWith("ReentrantLock")).findFirst().orElseThrow())
                .contains("100").contains("10.00").contains("300").contains("15.00").contains("+50.0%");

        assertThat(lab("compare", a, b, "--json", "--reports", reports)).isZero();
        JsonNode json = Json.MAPPER.readTree(out.toByteArray());
        assertThat(json.get("base").get("runId").asText()).isEqualTo(a);
        JsonNode reentrant = null;
        for (JsonNode row : json.get("tables").get(1).get("rows")) {
            reentrant = row.get("name").asText().equals("ReentrantLock") ? row : reentrant;
        }
        assertThat(reentrant).isNotNull();
        assertThat(reentrant.get("ratio").asDouble()).isEqualTo(1.5);
    }

    @Test
    void anAgentRunAgainstAJmhRunIsAUsageError() throws Exception {
        String a = importReport(AgentReportFixtures.small(), "agent");
        Path jmh = tmp.resolve("jmh.json");
        Files.writeString(jmh, "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", \"threads\": 1, \"forks\": 1,"
                + " \"primaryMetric\": {\"score\": 1.0, \"scoreUnit\": \"ops/s\", \"rawData\": [[1.0]]}}]");
        String reports = tmp.resolve("reports").toString();
        assertThat(lab("import", jmh.toString(), "--reports", reports)).isZero();
        String j = lastLine();
        assertThat(lab("compare", a, j, "--reports", reports)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is an agent run and").contains("an agent run compares with another agent run");
    }
}
