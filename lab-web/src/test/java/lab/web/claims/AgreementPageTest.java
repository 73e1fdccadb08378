package lab.web.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lab.core.claims.ClaimAgreement;
import lab.core.claims.ClaimBook;
import lab.core.claims.ClaimEvaluator;
import lab.core.claims.ClaimReport;
import lab.core.claims.RunData;
import lab.core.record.RunRepository;
import lab.web.DesignedRuns;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /claims/agreement through HTTP: two runs whose CHANNEL reads differ 400-fold get the verdicts
 * the claims engine gives them, side by side, the differing readings first; bad requests say
 * what was wrong.
 */
class AgreementPageTest {

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String first;
    String second;

    private String run(String label, Instant at, double channelNs) throws IOException {
        List<DesignedRuns.Entry> timing = new ArrayList<>();
        Map<String, Double> stores = Map.of("MEMORY", 100.0, "SHARD", 60.0, "CHANNEL", channelNs, "DISRUPTOR", 9_000.0);
        stores.forEach((store, ns) -> timing.add(DesignedRuns.timing(DesignedRuns.READ, 1, Map.of("store", store, "wait", "auto"),
                ClaimsSectionsTest.forks(ns), 0)));
        timing.add(DesignedRuns.timing(DesignedRuns.READ_FLOOR, 1, Map.of(), ClaimsSectionsTest.forks(12), 0.01));
        List<DesignedRuns.Entry> profiled = Arrays.asList(new DesignedRuns.Entry[timing.size()]);
        return DesignedRuns.storeJmhRun(reports, label, at, timing, profiled, 6, 3);
    }

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        first = run("first", Instant.parse("2026-12-01T09:00:00Z"), 20_000);
        second = run("second", Instant.parse("2026-12-01T10:00:00Z"), 50);
    }

    @Test
    void theRunsVerdictsSideBySideWithTheDifferingReadingsFirst() {
        RunRepository repo = new RunRepository(reports);
        ClaimBook book = ClaimBook.load();
        ClaimAgreement expected = ClaimAgreement.of(List.of(
                ClaimEvaluator.evaluate(book, RunData.of(repo.find(first).orElseThrow())),
                ClaimEvaluator.evaluate(book, RunData.of(repo.find(second).orElseThrow()))));
        assertThat(expected.differing()).as("the fixture: CHANNEL 400x faster changes some verdict").isNotEmpty();
        assertThat(expected.directionDiffers()).as("and turns 'holds in direction' into 'contradicted' for others").isNotEmpty();

        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            var r = client.get("/claims/agreement?runs=" + first + "," + second);
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            assertThat(html).contains("<span id=\"agreeing\">" + expected.agreeing() + "</span>")
                    .contains("<span id=\"judged\">" + expected.rows().size() + "</span>")
                    .contains("./lab claims " + first + " " + second)
                    .contains("href=\"/runs/" + first + "/claims\"").contains("href=\"/runs/" + second + "/claims\"");
            String differing = html.substring(html.indexOf("id=\"differing\""), html.indexOf("Readings that agree on the verdict"));
            for (ClaimAgreement.Row row : expected.differing()) {
                assertThat(differing).contains("data-reading=\"" + row.label() + "\"");
                row.verdicts().forEach(v -> assertThat(differing).contains(">" + v.label() + "<"));
            }
            assertThat(html).contains("<span id=\"same-labels\">" + expected.sameLabels() + "</span>");
            String direction = html.substring(html.indexOf("id=\"direction\""), html.indexOf("Readings that agree ("));
            for (ClaimAgreement.Row row : expected.directionDiffers()) {
                assertThat(direction).contains("data-reading=\"" + row.label() + "\"");
            }
            assertThat(r.headers().get("ETag")).as("two complete runs: the page never changes").isNotNull();
        });
    }

    @Test
    void aRunsClaimsPageLinksItsVerdictsBesideThePreviousRunOfItsProfile() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            assertThat(client.get("/runs/" + second + "/claims").body().string())
                    .contains("id=\"against-previous\" href=\"/claims/agreement?runs=" + first + "%2C" + second + "\"");
            assertThat(client.get("/runs/" + first + "/claims").body().string()).as("the oldest run has none before it")
                    .doesNotContain("against-previous");
        });
    }

    @Test
    void aRunsClaimsPageLinksItsVerdictsBesideTheRecentRunsOfItsProfileOnceThereAreThree() throws IOException {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> assertThat(
                client.get("/runs/" + second + "/claims").body().string()).as("two runs: the pair is the whole history")
                .doesNotContain("across-recent"));
        List<String> runs = new ArrayList<>(List.of(first, second));
        for (int i = 0; i < ClaimsPage.RECENT_RUNS; i++) {
            // CHANNEL 400x apart from one run to the next: some verdicts flip, the others stay
            runs.add(run("later-" + i, Instant.parse("2026-12-02T10:00:00Z").plusSeconds(3600L * i), i % 2 == 0 ? 20_000 : 50));
        }
        String newest = runs.get(runs.size() - 1);
        String expected = String.join("%2C", runs.subList(runs.size() - ClaimsPage.RECENT_RUNS, runs.size()));
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String html = client.get("/runs/" + newest + "/claims").body().string();
            assertThat(html).as("this run and the five before it, oldest first")
                    .contains("id=\"across-recent\" href=\"/claims/agreement?runs=" + expected + "\"");
            var page = client.get("/claims/agreement?runs=" + expected.replace("%2C", ","));
            assertThat(page.code()).isEqualTo(200);

            // under each verdict, how often the recent runs gave it: the same rows the agreement counts
            RunRepository repo = new RunRepository(reports);
            List<ClaimReport> recent = new ArrayList<>();
            for (String id : runs.subList(runs.size() - ClaimsPage.RECENT_RUNS, runs.size())) {
                recent.add(ClaimEvaluator.evaluate(ClaimBook.load(), RunData.of(repo.find(id).orElseThrow())));
            }
            ClaimAgreement agreement = ClaimAgreement.of(recent);
            assertThat(agreement.differing()).as("the fixture: some readings flip").isNotEmpty();
            assertThat(html.split("class=\"sub history settled\"", -1)).as("settled readings").hasSize(agreement.agreeing() + 1);
            assertThat(html.split("class=\"sub history flips\"", -1)).as("readings that flip")
                    .hasSize(agreement.differing().size() + 1);
            assertThat(html).contains(">the same in " + ClaimsPage.RECENT_RUNS + " runs<");
        });
    }

    @Test
    void badRequestsSayWhatWasWrong() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            var one = client.get("/claims/agreement?runs=" + first);
            assertThat(one.code()).isEqualTo(400);
            assertThat(one.body().string()).contains("name 2 to 8 different runs");
            assertThat(client.get("/claims/agreement?runs=" + first + "," + first).code()).as("the same run twice").isEqualTo(400);
            assertThat(client.get("/claims/agreement?runs=" + first + ",20991231-000000-nothing").code()).isEqualTo(404);
            assertThat(client.get("/claims/agreement?runs=" + first + ",..%2F..%2Fetc").code()).isEqualTo(400);
        });
    }
}
