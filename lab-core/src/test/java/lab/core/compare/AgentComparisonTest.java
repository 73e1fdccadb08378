package lab.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import lab.core.record.AgentReportFixtures;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two agent runs compared by kind and class: rates per second of each window, the change of the rate, no test. */
class AgentComparisonTest {

    @TempDir
    Path reports;

    private StoredRun store(ObjectNode report, String label) {
        RunRepository repo = new RunRepository(reports);
        return repo.find(repo.importAgent(AgentReportFixtures.bytes(report), label, "import")).orElseThrow();
    }

    @Test
    void ratesArePerSecondOfEachWindowAndTheChangeIsThatOfTheRate() {
        // base: 10 s, 100 ReentrantLock; head: 20 s, 300 ReentrantLock -> 10/s vs 15/s: +50%, though the count tripled
        StoredRun base = store(AgentReportFixtures.report(10, Map.of("ReentrantLock", 100L, "monitor", 20L), 5, 3,
                Map.of("int[]", 50L, "demo.Node", 10L)), "before");
        StoredRun head = store(AgentReportFixtures.report(20, Map.of("ReentrantLock", 300L, "StampedLock", 4L), 0, 0,
                Map.of("int[]", 100L, "demo.Leaf", 400L)), "after");

        AgentComparison c = AgentComparison.of(base, head);
        assertThat(c.base().seconds()).isEqualTo(10.0);
        assertThat(c.head().seconds()).isEqualTo(20.0);

        AgentComparison.Table kinds = table(c, "Locks by kind");
        AgentComparison.Row reentrant = row(kinds, "ReentrantLock");
        assertThat(reentrant.baseCount()).isEqualTo(100);
        assertThat(reentrant.baseRate()).isEqualTo(10.0);
        assertThat(reentrant.headCount()).isEqualTo(300);
        assertThat(reentrant.headRate()).isEqualTo(15.0);
        assertThat(reentrant.ratio()).isCloseTo(1.5, within(1e-12));
        assertThat(reentrant.change()).isEqualTo("+50.0%");
        assertThat(row(kinds, "monitor").change()).isEqualTo("gone");
        assertThat(row(kinds, "StampedLock").change()).isEqualTo("new");
        assertThat(row(kinds, "StampedLock").ratio()).isNull();

        AgentComparison.Table classes = table(c, "Allocations by class");
        assertThat(classes.rows()).extracting(AgentComparison.Row::name)
                .as("busiest first: the higher of the two rates").containsExactly("demo.Leaf", "int[]", "demo.Node");
        assertThat(row(classes, "int[]").change()).isEqualTo("+0.0%");

        AgentComparison.Table totals = table(c, "Totals");
        assertThat(row(totals, "parks").change()).isEqualTo("gone");
        assertThat(row(totals, "contended acquisitions").headCount()).isZero();
    }

    @Test
    void theNotesSayThereIsNoTestAndWhenTheIncludesDiffer() {
        ObjectNode other = AgentReportFixtures.small();
        ((ObjectNode) other.get("agent")).put("includes", "com.acme.*");
        AgentComparison c = AgentComparison.of(store(AgentReportFixtures.small(), "a"), store(other, "b"));
        assertThat(c.notes().get(0)).contains("exact").contains("no p-value").contains("single observation");
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("different classes").contains("'demo.*'").contains("'com.acme.*'"));
        assertThat(AgentComparisonText.format(c)).contains("Locks by kind").contains("base /s").contains("note: Counts are exact");
    }

    @Test
    void bothZeroIsNoChange() {
        StoredRun a = store(AgentReportFixtures.report(1, Map.of("ReadLock", 0L), 0, 0, Map.of()), "a");
        StoredRun b = store(AgentReportFixtures.report(2, Map.of("ReadLock", 0L), 0, 0, Map.of()), "b");
        AgentComparison c = AgentComparison.of(a, b);
        assertThat(row(table(c, "Locks by kind"), "ReadLock").change()).isEqualTo("=");
        assertThat(table(c, "Allocations by class").rows()).isEmpty();
        assertThat(AgentComparisonText.format(c)).contains("(none counted in either run)");
    }

    @Test
    void aRunWithoutAnAgentReportIsRefusedByName() throws Exception {
        StoredRun agent = store(AgentReportFixtures.small(), "a");
        RunRepository repo = new RunRepository(reports);
        String jmh = repo.importJmh(("[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", \"threads\": 1, \"forks\": 1,"
                + " \"primaryMetric\": {\"score\": 1.0, \"scoreUnit\": \"ops/s\", \"rawData\": [[1.0]]}}]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "jmh", "import");
        assertThatThrownBy(() -> AgentComparison.of(agent, repo.find(jmh).orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a jmh run, not an agent run");
    }

    private static AgentComparison.Table table(AgentComparison c, String title) {
        return c.tables().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private static AgentComparison.Row row(AgentComparison.Table t, String name) {
        return t.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
