package lab.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesWhatJsonRequiresAndRoundTripsThroughAParser() throws Exception {
        String nasty = "quote\" back\\slash\nnew\tline\u0001ctl \u2028 emoji\uD83D\uDE00 lone\uD800 end";
        String json = new Json().beginObject().field(nasty, 42).field("s", nasty)
                .name("a").beginArray().value(1).value("x").value(true).endArray().endObject().toString();
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.path(nasty.replace("\uD800", "\uFFFD")).isMissingNode() && parsed.path(nasty).isMissingNode())
                .as("key present: %s", json).isFalse();
        assertThat(parsed.path("s").asText()).startsWith("quote\" back\\slash\nnew\tline\u0001ctl \u2028 emoji\uD83D\uDE00 lone");
        assertThat(parsed.path("a").toString()).isEqualTo("[1,\"x\",true]");
        assertThat(json).contains("\\u0001").contains("\\ud800").doesNotContain("\n");
    }

    @Test
    void nullIsWrittenAsJsonNull() throws Exception {
        String json = new Json().beginObject().field("x", (String) null).endObject().toString();
        assertThat(new ObjectMapper().readTree(json).path("x").isNull()).isTrue();
    }
}
