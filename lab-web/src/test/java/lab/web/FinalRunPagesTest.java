package lab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import lab.core.record.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages of final runs are rendered once and served with an ETag and gzip; long runs are paged and
 * long comparisons cut, every row staying reachable; assets come from Javalin's static files.
 */
class FinalRunPagesTest {

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String runId;

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        runId = Fixtures.storeRun(reports, profiles, "final", Instant.parse("2026-11-26T03:00:00Z"),
                Fixtures.labJmhJson(List.of("MEMORY", "SHARD", "CHANNEL"), List.of("read", "write"), List.of(1, 2), 3),
                RunStatus.COMPLETE, null, true);
    }

    Site site() {
        return Site.of(reports, profiles);
    }

    @Test
    void aFinalRunsPageIsRenderedOnceAndRevalidatedByItsETag() throws IOException {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response first = client.get("/runs/" + runId);
            String etag = first.headers().get("ETag").get(0);
            String html = first.body().string();
            assertThat(etag).startsWith("W/\"");
            assertThat(first.headers().get("Cache-Control")).containsExactly("no-cache");
            // Rendered once: with its jmh.json gone, the stored run's page is still the page it was.
            Files.delete(reports.resolve(runId).resolve("jmh.json"));
            Response again = client.get("/runs/" + runId);
            assertThat(again.body().string()).isEqualTo(html);
            assertThat(again.headers().get("ETag")).containsExactly(etag);
            Response notModified = client.request("/runs/" + runId, b -> b.header("If-None-Match", etag));
            assertThat(notModified.code()).isEqualTo(304);
            assertThat(notModified.body().string()).isEmpty();
            assertThat(client.request("/runs/" + runId, b -> b.header("If-None-Match", "W/\"other\"")).code()).isEqualTo(200);
        });
    }

    @Test
    void gzipIsServedToClientsThatAcceptIt() throws IOException {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String plain = client.get("/runs/" + runId).body().string();
            java.net.http.HttpResponse<byte[]> gz = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://localhost:" + server.port() + "/runs/" + runId))
                    .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gz.headers().firstValue("Vary")).contains("Accept-Encoding");
            assertThat(gz.body().length).isLessThan(plain.length() / 3);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
            }
        });
    }

    @Test
    void aRunWithMoreRowsThanAPageIsPagedWithEveryRowReachable() throws IOException {
        List<String> entries = new ArrayList<>();
        Random rnd = new Random(4);
        for (int i = 0; i < 1_200; i++) {
            entries.add(Fixtures.result("org.example.Big.m", "avgt", 1, Map.of("n", Integer.toString(i)), 10 + i, 0.5, "ns/op", Map.of(), rnd));
        }
        String id = new lab.core.record.RunRepository(reports).importJmh(("[" + String.join(",", entries) + "]")
                .getBytes(StandardCharsets.UTF_8), "big import", "import");
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String p1 = client.get("/runs/" + id).body().string();
            assertThat(WebAppTest.count(p1, " data-key=\"")).isEqualTo(500);
            assertThat(p1).contains("rows 1–500 of 1,200").contains("href=\"/runs/" + id + "?page=3\"").contains("/api/runs/" + id);
            String p3 = client.get("/runs/" + id + "?page=3").body().string();
            assertThat(WebAppTest.count(p3, " data-key=\"")).isEqualTo(200);
            assertThat(p3).contains("rows 1,001–1,200 of 1,200").contains("n=1199");
            assertThat(client.get("/runs/" + id + "?page=4").code()).isEqualTo(400);
            assertThat(client.get("/runs/" + id + "?page=x").code()).isEqualTo(400);
        });
    }

    @Test
    void aComparisonWithMoreRowsThanATableDrawsSomeAndLinksTheRest() throws IOException {
        List<String> entries = new ArrayList<>();
        Random rnd = new Random(5);
        for (int i = 0; i < 520; i++) {
            entries.add(Fixtures.result("org.example.Big.m", "avgt", 1, Map.of("n", Integer.toString(i)), 10 + i, 0.5, "ns/op", Map.of(), rnd));
        }
        byte[] json = ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
        lab.core.record.RunRepository repo = new lab.core.record.RunRepository(reports);
        String a = repo.importJmh(json, "a", "import");
        String b = repo.importJmh(json, "b", "import");
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String html = client.get("/compare?base=" + a + "&head=" + b + "&metric=primary").body().string();
            assertThat(html).contains("and <span>20</span> more rows").contains("/api/compare?base=" + a + "&amp;head=" + b);
            String api = client.get("/api/compare?base=" + a + "&head=" + b + "&metric=primary").body().string();
            assertThat(WebAppTest.count(api, "\"baseKey\"")).isEqualTo(520);
        });
    }

    @Test
    void assetsAreJavalinsStaticFilesFromTheJar() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response css = client.get("/assets/site.css");
            assertThat(css.code()).isEqualTo(200);
            assertThat(css.headers().get("Content-Type")).singleElement().asString().startsWith("text/css");
            assertThat(css.headers().get("Cache-Control")).containsExactly("max-age=300");
            assertThat(client.get("/assets/sort.js").headers().get("Content-Type")).singleElement().asString().contains("javascript");
            assertThat(client.get("/assets/nothing.js").code()).isEqualTo(404);
        });
    }
}
