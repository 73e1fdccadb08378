package lab.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;
import lab.core.record.Json;
import org.junit.jupiter.api.Test;

/** The JSON form carries what the text shows: rows, their change as printed, the drift, the notes. */
class ComparisonJsonTest {

    @Test
    void jsonHasTheTextsFiguresAndTheDrift() throws Exception {
        List<BenchmarkResult> base = DriftTest.run(1.0, 1.0, 0);
        List<BenchmarkResult> head = DriftTest.run(1.3, 0.5, 3);
        Comparison c = Comparer.compare(new Side("a", null, base, Map.of()), new Side("b", null, head, Map.of()), null);
        JsonNode j = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(ComparisonJson.of(c)));
        String text = ComparisonText.format(c);
        assertThat(j.path("schema").asInt()).isEqualTo(ComparisonJson.SCHEMA);
        assertThat(j.path("drift").path("control").asText()).isEqualTo(c.drift().control());
        assertThat(j.path("drift").path("base").path("centre").asDouble()).isEqualTo(c.drift().base().centre());
        JsonNode rows = j.path("tables").get(0).path("rows");
        assertThat(rows.size()).isEqualTo(c.tables().get(0).rows().size());
        for (JsonNode r : rows) {
            // every row's change is printed in the text exactly as the JSON has it
            assertThat(text).contains(r.path("delta").asText());
            assertThat(r.path("change").asText()).isIn("better", "worse", "same", "drift", "unknown");
        }
        assertThat(j.path("summary").path("primarySignificant").asInt()).isEqualTo(1);
        assertThat(j.path("notes").size()).isEqualTo(c.notes().size());
    }

    @Test
    void unboundedIntervalsAreNullNotInfinity() throws Exception {
        List<BenchmarkResult> a = JmhFixture.parse(JmhFixture.result("read", "X").raw(new double[] {5}));
        Comparison c = Comparer.compare(new Side("a", null, a, Map.of()), new Side("b", null, a, Map.of()), null);
        String json = Json.MAPPER.writeValueAsString(ComparisonJson.of(c));
        JsonNode base = Json.MAPPER.readTree(json).path("tables").get(0).path("rows").get(0).path("base");
        assertThat(base.path("lo").isNull()).isTrue();
        assertThat(base.path("text").asText()).isEqualTo("5.000 ± ∞");
    }
}
