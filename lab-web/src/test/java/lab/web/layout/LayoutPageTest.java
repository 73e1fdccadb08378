package lab.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import lab.core.layout.SideBySide;
import lab.core.record.Layouts;
import lab.core.record.RunStatus;
import lab.web.Fixtures;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's side-by-side layouts mark exactly the rows lab-core's {@link SideBySide} marks, which
 * is what {@code ./lab layout} prints with a {@code *}: the terminal and the site cannot disagree.
 */
class LayoutPageTest {

    @TempDir
    Path root;

    @Test
    void marksTheRowsTheTerminalMarks() throws Exception {
        Path reports = Files.createDirectories(root.resolve("reports"));
        Path profiles = Files.createDirectories(root.resolve("profiles"));
        String id = Fixtures.storeRun(reports, profiles, "layouts", Instant.parse("2026-11-26T03:00:00Z"),
                Fixtures.labJmhJson(List.of("MEMORY"), List.of("read"), List.of(1), 1), RunStatus.COMPLETE, null, false);
        Fixtures.addLayouts(reports.resolve(id));
        Layouts layouts = Layouts.read(reports.resolve(id).resolve(Layouts.FILE_NAME));
        Layouts.Configuration c = layouts.configuration("jdk17-default").orElseThrow();
        SideBySide.Diff diff = SideBySide.of(c.classInfo(layouts.comparison().left()), c.classInfo(layouts.comparison().right()),
                layouts.comparison().samples());
        long marked = Stream.of(diff.slots(), diff.totals(), diff.deep()).flatMap(List::stream).filter(SideBySide.Row::differs).count();
        long unmarked = Stream.of(diff.slots(), diff.totals(), diff.deep()).flatMap(List::stream).filter(r -> !r.differs()).count();

        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String html = client.get("/runs/" + id + "/layouts?lconf=jdk17-default").body().string();

            assertThat(marked).as("the fixture's pair differs somewhere").isPositive();
            assertThat(unmarked).as("and agrees somewhere").isPositive();
            assertThat(count(html, "<tr class=\"diff\">")).isEqualTo(marked);
        });
    }

    static long count(String s, String needle) {
        long n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
