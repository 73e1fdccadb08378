package lab.core.layout;

import lab.core.layout.LayoutsJson.Report;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reader the site uses: tolerant of newer and older files, clear about what is not one. */
class LayoutsJsonTest {

    @Test
    void ignoresFieldsItDoesNotKnowAndFillsMissingOnes() {
        String json = """
                {"schema": 2, "somethingNew": {"x": 1},
                 "configurations": [{"name": "jdk17-default", "error": null, "futureField": [1, 2],
                   "classes": {"lab.core.store.ShardUnit": {"simpleName": "ShardUnit", "instanceSize": 24,
                       "deep": {"shard-empty": {"totalSize": 192}}}},
                   "footprints": [{"store": "MEMORY", "entries": 10, "perEntryBytes": "NaN"}]}]}
                """;
        Report r = LayoutsJson.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(r.schema()).isEqualTo(2);
        assertThat(r.entries()).isEmpty();
        LayoutsJson.Configuration c = r.configuration("jdk17-default").orElseThrow();
        assertThat(c.ran()).isTrue();
        assertThat(c.flags()).isEmpty();
        assertThat(c.classInfo("ShardUnit").instanceSize()).isEqualTo(24);
        assertThat(c.classInfo("ShardUnit").fields()).isEmpty();
        assertThat(c.classInfo("ShardUnit").deep().get("shard-empty").byClass()).isEmpty();
        assertThat(c.footprint("MEMORY", 10).perEntryBytes()).isNaN();
    }

    @Test
    void saysWhatIsWrongWithSomethingElse() {
        assertThatThrownBy(() -> LayoutsJson.parse("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a layouts.json");
    }

    @Test
    void writesWhatItReads() {
        Report r = new Report(LayoutsJson.SCHEMA, "2026-11-26T03:00:00Z", java.util.List.of(5),
                new LayoutsJson.Comparison("a.A", "b.B", java.util.List.of("shard-empty")), "none",
                java.util.List.of(new LayoutsJson.Configuration("x", "X", null, java.util.List.of("-XX:-UseCompressedOops"),
                        null, null, "boom", null, 12, null, null)));
        Report back = LayoutsJson.parse(LayoutsJson.toJson(r).getBytes(StandardCharsets.UTF_8));

        assertThat(back).isEqualTo(r);
    }
}
