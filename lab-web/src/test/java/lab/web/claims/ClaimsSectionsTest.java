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
 * /claims over a run of the new design and a load run (issues 10, 12, 13), through HTTP: the log's
 * claims, its load estimates (judged on the load run, linked) and what the lab adds beyond the log
 * in sections of their own; the "information" verdict; a zero claim's tolerance measured in the
 * run; each verdict's comparison linked with the two stores it compared.
 */
class ClaimsSectionsTest {

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String run;
    String load;

    static double[] forks(double centre) {
        return new double[] {centre, centre * 1.01, centre * 0.99, centre * 1.02, centre * 0.98, centre * 1.005};
    }

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        List<DesignedRuns.Entry> timing = new ArrayList<>();
        Map<String, Double> stores = Map.of("MEMORY", 100.0, "SHARD", 60.0, "SHARD_POOLED", 62.0, "CHANNEL", 20_000.0,
                "DISRUPTOR", 9_000.0, "INT_SHARD", 55.0);
        stores.forEach((store, ns) -> timing.add(DesignedRuns.timing(DesignedRuns.READ, 1, Map.of("store", store, "wait", "auto"),
                forks(ns), store.equals("CHANNEL") ? 96 : 0)));
        timing.add(DesignedRuns.timing(DesignedRuns.READ_FLOOR, 1, Map.of(), forks(12), 0.01));
        timing.add(DesignedRuns.sampled(DesignedRuns.PARK_UNPARK, forks(10_000), Map.of("50.0", 6_000.0, "90.0", 40_000.0)));
        List<DesignedRuns.Entry> profiled = Arrays.asList(new DesignedRuns.Entry[timing.size()]);
        run = DesignedRuns.storeJmhRun(reports, "judged", Instant.parse("2026-12-01T09:00:00Z"), timing, profiled, 6, 3);
        load = DesignedRuns.storeLoadRun(reports, profiles, "rps", Instant.parse("2026-12-01T11:00:00Z"), List.of(
                new LoadResults.Point("MEMORY", 16, 2, List.of(DesignedRuns.sample(0, 300_000, 3_000, 0, 0),
                        DesignedRuns.sample(1, 350_000, 2_000, 0, 0), DesignedRuns.sample(2, 400_000, 1_000, 0, 0)), null)), 3);
    }

    static String section(String html, String id) {
        Matcher m = Pattern.compile("<section id=\"" + id + "\">(.*?)</section>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a section " + id).isTrue();
        return m.group(1);
    }

    static String row(String html, String claim) {
        Matcher m = Pattern.compile("<tr id=\"claim-" + Pattern.quote(claim) + "[^\"]*\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a row of " + claim).isTrue();
        return m.group(1);
    }

    @Test
    void theLogsClaimsItsLoadEstimatesAndBeyondTheLogInSectionsOfTheirOwn() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            var r = client.get("/claims");
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            assertThat(html).contains("against <a href=\"/runs/" + run + "\"");

            String beyond = section(html, "beyond");
            assertThat(beyond).contains("Beyond the log").contains("beyond-actor-read-1").contains("beyond-int-shard-zero-read");
            assertThat(section(html, "log")).doesNotContain("beyond-actor-read-1").contains("zero-bytes-read");
            // DISRUPTOR against CHANNEL: a computed verdict, its comparison one click away
            String actor = row(beyond, "beyond-actor-read-1");
            assertThat(actor).contains("<span class=\"variant\">DISRUPTOR</span>")
                    .contains("/compare?base=" + run + "&amp;stores=CHANNEL%2CDISRUPTOR").contains("×");
            // MEMORY against DISRUPTOR is shown, not judged
            assertThat(row(beyond, "beyond-actor-vs-memory-read")).contains("class=\"verdict information\"");
            // a zero claim states the tolerance this run measured
            assertThat(row(beyond, "beyond-int-shard-zero-read")).contains("class=\"sub tolerance\"").contains("zero tolerance");
            assertThat(html).contains("Zero claims (&quot;0 B/op&quot;, &quot;no context switches&quot;): Holds: the whole interval inside [0, tolerance]");

            String loadSection = section(html, "load");
            assertThat(loadSection).contains("against load run " + load).contains("href=\"/runs/" + load + "\"")
                    .contains("load-rps-memory").contains("req/s");
            assertThat(html).contains("<span class=\"verdict information\">information only</span>: measured and shown");
        });
    }

    @Test
    void withoutALoadRunTheLoadEstimatesSayWhy() throws IOException {
        DesignedRuns.deleteRun(reports, load);
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String loadSection = section(client.get("/claims").body().string(), "load");
            assertThat(loadSection).contains("none is stored, so they are not testable here").contains("not testable here");
        });
    }
}
