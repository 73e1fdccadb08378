package lab.core.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** layouts.json as the claims and the site read it: tolerant of newer and older files, clear about what is not one. */
class LayoutsTest {

    @Test
    void ignoresFieldsItDoesNotKnowAndFillsMissingOnes() {
        String json = """
                {"schema": 2, "somethingNew": {"x": 1},
                 "configurations": [{"name": "jdk17-default", "error": null, "futureField": [1, 2],
                   "classes": {"lab.core.store.ShardUnit": {"simpleName": "ShardUnit", "instanceSize": 24,
                       "deep": {"shard-empty": {"totalSize": 192}}}},
                   "footprints": [{"store": "MEMORY", "entries": 10, "perEntryBytes": "NaN"}]}]}
                """;
        Layouts r = Layouts.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(r.schema()).isEqualTo(2);
        assertThat(r.entries()).isEmpty();
        Layouts.Configuration c = r.configuration("jdk17-default").orElseThrow();
        assertThat(c.ran()).isTrue();
        assertThat(c.flags()).isEmpty();
        assertThat(c.classInfo("ShardUnit").instanceSize()).isEqualTo(24);
        assertThat(c.classInfo("ShardUnit").fields()).isEmpty();
        assertThat(c.classInfo("ShardUnit").deep().get("shard-empty").byClass()).isEmpty();
        assertThat(c.footprint("MEMORY", 10).perEntryBytes()).isNaN();
    }

    @Test
    void saysWhatIsWrongWithSomethingElse() {
        assertThatThrownBy(() -> Layouts.parse("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a layouts.json");
    }

    @Test
    void writesWhatItReads() {
        Layouts r = new Layouts(Layouts.SCHEMA, "2026-11-26T03:00:00Z", java.util.List.of(5),
                new Layouts.Comparison("a.A", "b.B", java.util.List.of("shard-empty")), "none",
                java.util.List.of(new Layouts.Configuration("x", "X", null, java.util.List.of("-XX:-UseCompressedOops"),
                        null, null, "boom", null, 12, null, null)));
        Layouts back = Layouts.parse(Layouts.toJson(r).getBytes(StandardCharsets.UTF_8));

        assertThat(back).isEqualTo(r);
    }

    @Test
    void aStoredRunReadsItsLayoutsOnceAndSaysWhenItHasNoneOrTheyAreBroken(@TempDir Path reports) throws Exception {
        RunRepository repo = new RunRepository(reports);
        String jmh = JmhJsonFixtures.array(JmhJsonFixtures.ownResult("MEMORY", 10, 1));
        String with = repo.importJmh(jmh.getBytes(StandardCharsets.UTF_8), "with", "test");
        String without = repo.importJmh(jmh.getBytes(StandardCharsets.UTF_8), "without", "test");
        String broken = repo.importJmh(jmh.getBytes(StandardCharsets.UTF_8), "broken", "test");
        new Layouts(Layouts.SCHEMA, null, java.util.List.of(10), null, null, java.util.List.of())
                .write(reports.resolve(with).resolve(Layouts.FILE_NAME));
        Files.writeString(reports.resolve(broken).resolve(Layouts.FILE_NAME), "{\"configurations\": 7");

        StoredRun run = repo.find(with).orElseThrow();
        assertThat(run.layouts()).hasValueSatisfying(l -> {
            assertThat(l.entries()).containsExactly(10);
            assertThat(l.comparison().left()).as("the default pair").isEqualTo(Layouts.DEFAULT_LEFT);
        });
        assertThat(run.layouts().orElseThrow()).as("parsed once").isSameAs(run.layouts().orElseThrow());
        assertThat(repo.find(without).orElseThrow().layouts()).isEmpty();
        assertThatThrownBy(() -> repo.find(broken).orElseThrow().layouts())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a layouts.json");
    }
}
