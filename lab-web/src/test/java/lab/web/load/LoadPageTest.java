package lab.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.core.record.LoadResults;
import lab.web.DesignedRuns;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load run's page (issue 12), over HTTP: the decision log's Load Testing Decision Matrix side by
 * side with the measured maximum requests/s (median over rounds with its interval), the JMH run's
 * read, the p99 at that load, the profiled pass's counts per request, failures, flame graphs, and
 * the machine the client shared with the server. The fixture's figures are chosen so that each
 * expected text follows from them by hand (see the comments).
 */
class LoadPageTest {

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String load;

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        // MEMORY at 16 connections: 30,000, 35,000, 40,000 req/s (requests in 10 s) -> median 35,000 [30,000-40,000], 75% for n = 3;
        // p99 3, 2, 1 ms -> 2.0 [1.0-3.0]; profiled pass: 200,000 requests, 1,000,000 locks (5 per request), 400,000 allocations (2)
        LoadResults.Point memory16 = new LoadResults.Point("MEMORY", 16, 2, List.of(DesignedRuns.sample(0, 300_000, 3_000, 0, 0),
                DesignedRuns.sample(1, 350_000, 2_000, 0, 0), DesignedRuns.sample(2, 400_000, 1_000, 0, 0)),
                new LoadResults.Profiled(DesignedRuns.sample(-1, 200_000, 2_500, 0, 0), new LoadResults.Counts(1_000_000, 10, 0, 400_000), null, null));
        LoadResults.Point memory1 = new LoadResults.Point("MEMORY", 1, 1, List.of(DesignedRuns.sample(0, 100_000, 500, 0, 0),
                DesignedRuns.sample(1, 110_000, 500, 0, 0), DesignedRuns.sample(2, 120_000, 500, 0, 0)), null);
        // CHANNEL at 1 connection: 600, 700, 800 req/s, 3 non-2xx; vs MEMORY's best: 700 / 35,000 = 0.02, Moses [600/40,000, 800/30,000]
        LoadResults.Point channel1 = new LoadResults.Point("CHANNEL", 1, 1, List.of(DesignedRuns.sample(0, 6_000, 9_000, 3, 0),
                DesignedRuns.sample(1, 7_000, 9_000, 0, 0), DesignedRuns.sample(2, 8_000, 9_000, 0, 0)),
                new LoadResults.Profiled(DesignedRuns.sample(-1, 5_000, 9_000, 0, 0), null, "the agent's self-test failed", null));
        LoadResults.Point channel16 = new LoadResults.Point("CHANNEL", 16, 2, List.of(DesignedRuns.sample(0, 5_000, 90_000, 0, 2),
                DesignedRuns.sample(1, 5_000, 90_000, 0, 0), DesignedRuns.sample(2, 5_000, 90_000, 0, 0)), null);
        LoadResults.Point nonBlocking = new LoadResults.Point("NON_BLOCKING", 16, 2, List.of(DesignedRuns.sample(0, 420_000, 900, 0, 0),
                DesignedRuns.sample(1, 430_000, 900, 0, 0), DesignedRuns.sample(2, 440_000, 900, 0, 0)), null);
        load = DesignedRuns.storeLoadRun(reports, profiles, "four-stores", Instant.parse("2026-12-01T10:00:00Z"),
                List.of(memory1, memory16, channel1, channel16, nonBlocking), 3);
    }

    void jmhRun() throws IOException {
        // MEMORY's read forks 100, 105, 108, 110, 115, 120 ns -> median 109, 96.9% interval [100-120]
        DesignedRuns.storeJmhRun(reports, "quick", Instant.parse("2026-12-01T09:00:00Z"), List.of(
                DesignedRuns.timing(DesignedRuns.READ, 1, Map.of("store", "MEMORY"), new double[] {110, 100, 120, 105, 115, 108}, 0),
                DesignedRuns.timing(DesignedRuns.READ, 1, Map.of("store", "CHANNEL"), new double[] {20_000, 21_000, 19_000, 22_000, 20_500, 20_000}, 96)),
                java.util.Arrays.asList(null, null), 6, 7);
    }

    @Test
    void theMeasuredReadsNeverComeFromASmokeRun() throws IOException {
        jmhRun();
        // a newer smoke run (10,000 tasks, one fork: a CI check) with a much faster MEMORY read
        DesignedRuns.storeJmhRun(reports, "smoke", "smoke", Instant.parse("2026-12-01T09:30:00Z"), List.of(
                DesignedRuns.timing(DesignedRuns.READ, 1, Map.of("store", "MEMORY"), new double[] {40}, 0)),
                java.util.Arrays.asList((DesignedRuns.Entry) null), java.util.Arrays.asList((String) null),
                List.of(new lab.core.record.JvmConfig("jdk17-default", "/usr/lib/jvm/java-17/bin/java", List.of(), "17.0.15+6")), 1, 8);
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String html = client.get("/runs/" + load).body().string();
            assertThat(row(html, "data-store", "MEMORY")).contains(">109 [100–120]<").doesNotContain(">40<");
        });
    }

    static String row(String html, String attr, String value) {
        Matcher m = Pattern.compile("<tr[^>]*" + attr + "=\"" + Pattern.quote(value) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a row " + attr + "=" + value).isTrue();
        return m.group(1);
    }

    @Test
    void theLogsMatrixSideBySideWithTheMeasuredMaximaReadsAndCounts() throws IOException {
        jmhRun();
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            Response r = client.get("/runs/" + load);
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            assertThat(html).contains("Load Testing Decision Matrix").contains("Est. Max RPS").contains("Load Test Worth It");
            assertThat(html).contains("Measured on <span>2 cores (Test CPU @ 2.0GHz)").contains("The ratios between stores are the");

            String memory = row(html, "data-store", "MEMORY");
            assertThat(memory).contains("MemoryStore").contains("155.9ns").contains("3,000+")
                    .contains(">109 [100–120]<") // the JMH run's read
                    .contains(">35,000 [30,000–40,000]<").contains("75% interval, n = 3").contains("16 connections")
                    .contains(">baseline<").contains(">2.0 [1.0–3.0]<") // p99 in ms
                    .contains(">5.000<").contains(">2.000<") // locks and allocations per request of the profiled pass
                    .contains("/runs/" + load + "/flame/memory-c16/cpu");
            String channel = row(html, "data-store", "CHANNEL");
            assertThat(channel).contains("666.1ns").contains("500-800").contains(">700 [600–800]<").contains("1 connection<")
                    .contains(">0.0200 [0.0150–0.0267]×<").contains("class=\"num error\">3<");
            assertThat(row(html, "data-store", "SHARD")).contains("10.28ns").contains("50,000+").contains("not in this load run");
            assertThat(row(html, "data-store", "NON_BLOCKING")).contains("(beyond the log)").contains(">43,000 [42,000–44,000]<");

            // the full table: every store x connection count, the profiled pass's problem said where it happened
            String c16 = row(html, "data-point", "CHANNEL|c=16");
            assertThat(c16).contains(">500.0 [500.0–500.0]<").contains(">2<"); // two timeouts
            assertThat(row(html, "data-point", "CHANNEL|c=1")).contains("the agent&#39;s self-test failed");
            assertThat(row(html, "data-point", "MEMORY|c=16")).contains(">best<");
            assertThat(html).contains("<svg class=\"chart\"").contains("requests/s (median over rounds");
            assertThat(html).contains("wrk 4.1.0").contains("read 80, write 15, create 5");
            assertThat(html).contains("Actor stores wait").contains("blocking (as the servers create their stores");
            assertThat(r.headers().get("ETag")).as("a final load run's page is rendered once").isNotNull();
            assertThat(client.get("/api/runs/" + load).body().string()).contains("\"points\"").contains("\"store\" : \"NON_BLOCKING\"");
        });
    }

    @Test
    void theRunsListFiltersByKind() throws IOException {
        jmhRun();
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String loads = client.get("/runs?kind=load").body().string();
            assertThat(loads).contains("href=\"/runs/" + load + "\"").contains("<td class=\"kind\">load</td>")
                    .doesNotContain("<td class=\"kind\">jmh</td>").contains("<option value=\"load\" selected=\"selected\">load</option>");
            String jmh = client.get("/runs?kind=jmh").body().string();
            assertThat(jmh).doesNotContain("href=\"/runs/" + load + "\"").contains("<td class=\"kind\">jmh</td>");
        });
    }

    @Test
    void anUnreadableLoadJsonIsSaidOnThePageNotA500() throws IOException {
        Files.writeString(reports.resolve(load).resolve("load.json"), "{ \"schema\": 1, \"points\": [ { \"store\": ");
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            Response r = client.get("/runs/" + load);
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            assertThat(html).contains("<p class=\"error\">load.json of run " + load + " is unreadable").doesNotContain("load-matrix");
            assertThat(html).contains("<th>Rounds</th>"); // what the manifest says is still shown
        });
    }

    @Test
    void withoutAJmhRunTheReadColumnSaysWhy() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String html = client.get("/runs/" + load).body().string();
            assertThat(html).contains("No complete JMH run of <code>./lab run</code> is stored");
            assertThat(row(html, "data-store", "MEMORY")).contains(">35,000 [30,000–40,000]<").doesNotContain("109");
        });
    }
}
