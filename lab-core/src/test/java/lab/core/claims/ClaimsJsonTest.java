package lab.core.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import lab.core.record.Json;
import org.junit.jupiter.api.Test;

/** The JSON form of the verdicts carries the same verdicts, figures and reasons as the text. */
class ClaimsJsonTest {

    @Test
    void everyResultWithItsVerdictFigureAndReason() throws Exception {
        ClaimReport report = ClaimEvaluator.evaluate(ClaimBook.load(), ClaimEvaluatorTest.run(ClaimBookTest.fullRun()));
        JsonNode j = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(ClaimsJson.of(report)));
        String text = ClaimsText.format(report);
        assertThat(j.path("schema").asInt()).isEqualTo(ClaimsJson.SCHEMA);
        assertThat(j.path("results").size()).isEqualTo(report.results().size());
        for (JsonNode r : j.path("results")) {
            assertThat(text).contains(r.path("id").asText() + (r.path("variant").isNull() || !text.contains(r.path("id").asText() + " [")
                    ? "" : " [" + r.path("variant").asText() + "]"));
            assertThat(text).contains(r.path("why").asText());
            assertThat(r.path("verdict").asText()).isIn("holds", "direction-only", "contradicted", "inconclusive", "not-testable",
                    "information");
        }
        JsonNode zero = null;
        for (JsonNode r : j.path("results")) {
            if (r.path("id").asText().equals("zero-bytes-read")) {
                zero = r;
                break;
            }
        }
        assertThat(zero).isNotNull();
        assertThat(zero.path("figure").path("tolerance").asText()).contains("read floor");
        assertThat(zero.path("figure").path("band").get(0).asDouble()).isZero();
        assertThat(j.path("counts").path("holds").asInt()).isEqualTo(report.counts().get(Verdict.HOLDS));
    }
}
