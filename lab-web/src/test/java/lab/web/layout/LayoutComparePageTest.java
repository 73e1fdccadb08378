package lab.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.core.compare.LayoutsAcrossRuns;
import lab.core.layout.LayoutRun;
import lab.core.layout.SideBySide;
import lab.core.record.Environment;
import lab.core.record.Layouts;
import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Configuration;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.web.Fixtures;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /compare/layouts} over HTTP: a JMH run's layouts against a layout run in which ShardUnit
 * gained a field and Task is gone. The page marks exactly the rows lab-core's comparison marks
 * (what {@code ./lab compare A B --layouts} prints with {@code *}), lists what one side lacks, and
 * refuses a bad id, an unknown run and a run without layouts with the reason.
 */
class LayoutComparePageTest {

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String jmhWithLayouts;
    String jmhWithout;
    String layoutRun;

    @BeforeEach
    void runs() throws Exception {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        String jmh = Fixtures.labJmhJson(List.of("MEMORY"), List.of("read"), List.of(1), 1);
        jmhWithLayouts = Fixtures.storeRun(reports, profiles, "with", Instant.parse("2026-12-01T03:00:00Z"), jmh,
                RunStatus.COMPLETE, null, false);
        Fixtures.addLayouts(reports.resolve(jmhWithLayouts));
        jmhWithout = Fixtures.storeRun(reports, profiles, "without", Instant.parse("2026-12-01T04:00:00Z"), jmh,
                RunStatus.COMPLETE, null, false);
        layoutRun = LayoutRun.store(new RunRepository(reports), changed(Layouts.read(reports.resolve(jmhWithLayouts)
                .resolve(Layouts.FILE_NAME))), "shardunit plus one", Instant.parse("2026-12-01T05:00:00Z"), Environment.unknown()).id();
    }

    /** The same layouts with a field added to ShardUnit and Task removed, in every configuration that ran. */
    static Layouts changed(Layouts l) {
        List<Configuration> confs = new ArrayList<>();
        for (Configuration c : l.configurations()) {
            Map<String, ClassInfo> classes = new LinkedHashMap<>(c.classes());
            classes.remove("lab.core.store.Task");
            ClassInfo su = classes.get("lab.core.store.ShardUnit");
            if (su != null) {
                List<Layouts.Field> fields = new ArrayList<>(su.fields());
                fields.add(new Layouts.Field("extra", "java.lang.Object", su.name(), su.instanceSize() - 4, 4));
                classes.put(su.name(), new ClassInfo(su.name(), su.simpleName(), su.instanceSize(), su.headerSize(), fields,
                        List.of(), 0, 0, 0, su.printable(), su.deep()));
            }
            confs.add(new Configuration(c.name(), c.label(), c.jvm(), c.flags(), c.jvmArgs(), c.vm(), c.error(), c.warnings(),
                    c.elapsedMillis(), classes, c.footprints()));
        }
        return new Layouts(l.schema(), l.generatedAt(), l.entries(), l.comparison(), l.exclusions(), confs);
    }

    @Test
    void marksTheRowsLabCoreMarksAndListsWhatOneSideLacks() {
        LayoutsAcrossRuns expected = LayoutsAcrossRuns.of(
                new RunRepository(reports).find(jmhWithLayouts).orElseThrow(), new RunRepository(reports).find(layoutRun).orElseThrow());
        long marked = expected.configurations().stream().flatMap(p -> p.classes().stream())
                .flatMap(c -> Stream.of(c.diff().slots(), c.diff().totals(), c.diff().deep()).flatMap(List::stream))
                .filter(SideBySide.Row::differs).count();

        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            var response = client.get("/compare/layouts?base=" + jmhWithLayouts + "&head=" + layoutRun);
            String html = response.body().string();

            assertThat(response.code()).isEqualTo(200);
            assertThat(marked).as("ShardUnit's new field and its gap, in both configurations that ran").isGreaterThanOrEqualTo(4);
            assertThat(LayoutPageTest.count(html, "<tr class=\"diff\">")).isEqualTo(marked);
            assertThat(html).contains("Only in the base run: <code>lab.core.store.Task </code>")
                    .contains("classes: 3 in both runs, 1 changed")
                    .contains("extra").doesNotContain("jdk21-unavailable");
        });
    }

    @Test
    void aRunWithoutLayoutsABadIdAndAnUnknownRunAreRefusedWithTheReason() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            var noLayouts = client.get("/compare/layouts?base=" + jmhWithLayouts + "&head=" + jmhWithout);
            assertThat(noLayouts.code()).isEqualTo(404);
            assertThat(noLayouts.body().string()).contains("run " + jmhWithout + " (a jmh run) has no layouts");

            assertThat(client.get("/compare/layouts?base=..%2Fetc&head=" + layoutRun).code()).isEqualTo(400);
            var unknown = client.get("/compare/layouts?base=20990101-000000-none&head=" + layoutRun);
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(unknown.body().string()).contains("no stored run with id 20990101-000000-none");
        });
    }

    @Test
    void layoutsPagesLinkToTheComparisonAndItsPickerListsOnlyRunsWithLayouts() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            assertThat(client.get("/runs/" + jmhWithLayouts + "/layouts").body().string())
                    .contains("href=\"/compare/layouts?base=" + jmhWithLayouts + "\"");
            String layoutPage = client.get("/runs/" + layoutRun + "/layouts").body().string();
            assertThat(layoutPage).contains("href=\"/compare/layouts?base=" + layoutRun + "\"");

            String picker = client.get("/compare/layouts?base=" + layoutRun).body().string();
            assertThat(picker).contains("value=\"" + jmhWithLayouts + "\"").contains("value=\"" + layoutRun + "\" selected")
                    .doesNotContain("value=\"" + jmhWithout + "\"");
        });
    }
}
