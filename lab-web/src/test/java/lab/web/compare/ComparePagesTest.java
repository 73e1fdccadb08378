package lab.web.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.core.record.RunStatus;
import lab.web.Fixtures;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /compare, /compare/flame, /claims and /runs/{id}/claims over fixture runs, through HTTP only. */
class ComparePagesTest {

    static final List<String> STORES = List.of("MEMORY", "SHARD", "CHANNEL", "CONCURRENT");

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String older;
    String newer;

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        older = Fixtures.storeRun(reports, profiles, "older <script>alert(1)</script>", Instant.parse("2026-11-26T02:00:00Z"),
                Fixtures.labJmhJson(STORES, List.of("read", "write"), List.of(1, 2), 3), RunStatus.COMPLETE, null, true);
        newer = Fixtures.storeRun(reports, profiles, "newer", Instant.parse("2026-11-26T03:00:00Z"),
                Fixtures.labJmhJson(STORES, List.of("read", "write"), List.of(1, 2), 4), RunStatus.COMPLETE, null, true);
        // a SHARD cpu profile of the newer run that differs from MEMORY's: the diff must show it
        Path shardRead = profiles.resolve(newer).resolve(Fixtures.BENCH + ".read-Throughput-store-SHARD-t1");
        Files.writeString(shardRead.resolve("collapsed-cpu.csv"), "java/lang/Thread.run;" + Fixtures.BENCH
                + ".read;lab/core/store/ShardStore.get;java/util/HashMap.get 300\njava/lang/Thread.run;" + Fixtures.BENCH
                + ".read;lab/core/store/ShardStore.park;jdk/internal/misc/Unsafe.park 700\njava/lang/Thread.run;<script>alert(2)</script> 5\n");
    }

    Site site() {
        return Site.of(reports, profiles);
    }

    @Test
    void emptyFormWithoutParameters() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/compare");
            assertThat(r.code()).isEqualTo(200);
            String html = r.body().string();
            assertThat(html).contains("name=\"base\"").contains("Pick two runs").contains(older).contains(newer);
            assertThat(html).doesNotContain("<script>alert(1)");
        });
    }

    @Test
    void twoStoresOfOneRunGiveTheBenchstatTablesWithFlameLinks() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/compare?base=" + newer + "&stores=MEMORY,SHARD");
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            assertThat(html).contains(newer + " MEMORY").contains(newer + " SHARD")
                    .contains("primary (ops/us, higher is better)")
                    .contains("gc.alloc.rate.norm (B/op, lower is better)")
                    .contains("lab.lock.acquire.norm")
                    .contains("geomean")
                    .contains("read t=1").contains("write t=2")
                    .contains("per-fork means")
                    .contains("/runs/" + newer + "/flame/");
            // two forks a side: per-fork means, never the correlated iterations (and "~": 2+2 cannot reach p < 0.05)
            assertThat(html).containsPattern("\\(p=[0-9.]+ n=2\\+2\\)");
            assertThat(html).contains("/compare/flame?base=" + newer + "&amp;head=" + newer);
        });
    }

    @Test
    void differentialFlameGraphFromTheRowLink() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String html = client.get("/compare?base=" + newer + "&stores=MEMORY,SHARD").body().string();
            Matcher m = Pattern.compile("href=\"(/compare/flame\\?[^\"]+event=cpu)\"").matcher(html);
            assertThat(m.find()).as("a diff link for cpu").isTrue();
            Response r = client.get(m.group(1).replace("&amp;", "&"));
            String page = r.body().string();
            assertThat(r.code()).as(page).isEqualTo(200);
            assertThat(page).contains("<svg").contains("Largest changes of self time")
                    .contains("+ jdk/internal/misc/Unsafe.park")
                    .contains("Gone from head")
                    .contains("lab/core/store/MEMORYStore.get");
            // drawn by the template: frame names escaped, no markup passed through unescaped
            assertThat(page).contains("<svg class=\"flamediff\"").contains("&lt;script&gt;alert(2)").doesNotContain("<script>alert(2)");
            assertThat(page).containsPattern("<rect rx=\"1\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"16\" fill=\"rgb\\([0-9,]+\\)\" class=\"new\"/>");
        });
    }

    @Test
    void twoRunsCompareRowByRow() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/compare?base=" + older + "&head=" + newer + "&metric=primary");
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            assertThat(html).contains("store=CHANNEL").contains("store=MEMORY").doesNotContain("gc.alloc.rate.norm (");
        });
    }

    @Test
    void badRequestsAreRefused() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            assertThat(client.get("/compare?base=" + newer).code()).isEqualTo(400);
            assertThat(client.get("/compare?base=..%2Fetc&head=" + newer).code()).isEqualTo(400);
            assertThat(client.get("/compare?base=20200101-000000-none&head=" + newer).code()).isEqualTo(404);
            assertThat(client.get("/compare/flame?base=" + newer + "&head=" + newer + "&baseKey=x&headKey=y&event=cpu").code()).isEqualTo(404);
            assertThat(client.get("/compare/flame?base=" + newer).code()).isEqualTo(400);
        });
    }

    @Test
    void claimsOfTheNewestRunSayWhereTheyWereMeasured() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/claims");
            String html = r.body().string();
            assertThat(r.code()).as(html).isEqualTo(200);
            assertThat(html).contains("against <a href=\"/runs/" + newer + "\"")
                    .contains("Measured on <span>OpenJDK 64-Bit Server VM 17.0.15+6 on 2 cores (Test CPU @ 2.0GHz)</span>")
                    .contains("shard-read-speedup").contains("15.2x faster")
                    .contains("not testable here").contains("this machine has 2 cores")
                    .contains("the run lacks the mixed workload")
                    .contains("/compare?base=" + newer + "&amp;stores=MEMORY%2CSHARD\"");
        });
    }

    @Test
    void claimsOfAGivenRun() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String html = client.get("/runs/" + older + "/claims").body().string();
            assertThat(html).contains("against <a href=\"/runs/" + older + "\"").doesNotContain("<script>alert(1)");
            assertThat(client.get("/runs/20200101-000000-none/claims").code()).isEqualTo(404);
        });
    }

    @Test
    void claimsWithoutAnyRunExplainHowToMakeOne() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        JavalinTest.test(WebApp.create(Site.of(empty, profiles)), (server, client) -> {
            String html = client.get("/claims").body().string();
            assertThat(html).contains("No complete run of <code>./lab run</code> yet");
        });
    }

    @Test
    void jsonApiForComparisonsAndClaims() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response c = client.get("/api/compare?base=" + newer + "&stores=MEMORY,SHARD&metric=primary");
            String json = c.body().string();
            assertThat(c.code()).as(json).isEqualTo(200);
            assertThat(json).contains("\"unit\" : \"ops/us\"").contains("\"change\" :").contains("\"exactP\" : true");
            Response k = client.get("/api/runs/" + newer + "/claims");
            String claims = k.body().string();
            assertThat(k.code()).as(claims).isEqualTo(200);
            assertThat(claims).contains("\"cores\" : 2").contains("\"id\" : \"shard-read-speedup\"").contains("\"verdict\" : \"not-testable\"");
            Response bad = client.get("/api/compare?base=" + newer);
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("\"error\"");
        });
    }

    @Test
    void aRunWithBrokenResultsIsRefusedNotA500AndSkippedByClaims() throws IOException {
        String broken = Fixtures.storeRun(reports, profiles, "broken json", Instant.parse("2026-11-26T04:00:00Z"),
                "[ { \"benchmark\": ", RunStatus.COMPLETE, null, false);
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            assertThat(client.get("/runs/" + broken + "/claims").code()).isEqualTo(400);
            assertThat(client.get("/compare?base=" + broken + "&head=" + newer).code()).isEqualTo(400);
            String html = client.get("/claims").body().string();
            assertThat(html).contains("against <a href=\"/runs/" + newer + "\"").contains("/runs/" + older + "/claims");
        });
    }
}
