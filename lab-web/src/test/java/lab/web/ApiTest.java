package lab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import lab.core.record.Json;
import lab.core.record.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/runs}: list, one run, and uploads (201, 400 with the reason, 413), over HTTP. */
class ApiTest {

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String runId;

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        runId = Fixtures.storeRun(reports, profiles, "api run", Instant.parse("2026-11-26T03:00:00Z"),
                Fixtures.labJmhJson(List.of("MEMORY", "SHARD"), List.of("read"), List.of(1), 5), RunStatus.COMPLETE, null, false);
    }

    static Response post(io.javalin.testtools.HttpClient client, String path, byte[] body) {
        return client.request(path, b -> b.post(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json"));
    }

    @Test
    void listsRunsWithTheirManifests() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            Response r = client.get("/api/runs");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.headers().get("Content-Type")).singleElement().asString().startsWith("application/json");
            JsonNode list = Json.MAPPER.readTree(r.body().string());
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).get("id").asText()).isEqualTo(runId);
            assertThat(list.get(0).get("manifest").get("status").asText()).isEqualTo("complete");
            assertThat(list.get(0).get("manifest").get("environment").get("cores").asInt()).isEqualTo(2);
        });
    }

    @Test
    void oneRunHasItsResultsWithRowKeys() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            JsonNode run = Json.MAPPER.readTree(client.get("/api/runs/" + runId).body().string());
            assertThat(run.get("results").size()).isEqualTo(2);
            JsonNode first = run.get("results").get(0);
            assertThat(first.get("key").asText()).isEqualTo(Fixtures.BENCH + ".read|store=MEMORY|thrpt|1");
            assertThat(first.get("result").get("primary").get("score").asDouble()).isEqualTo(10.0);
            assertThat(first.get("result").get("secondary").has("gc.alloc.rate.norm")).isTrue();
            assertThat(client.get("/api/runs/20991231-000000-none").code()).isEqualTo(404);
        });
    }

    @Test
    void uploadingAJmhResultStoresARunAndAnswers201WithItsId() {
        byte[] body = Fixtures.labJmhJson(List.of("MEMORY", "CHANNEL"), List.of("write"), List.of(2), 9).getBytes();
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            Response r = post(client, "/api/runs?label=from%20ci", body);
            assertThat(r.code()).isEqualTo(201);
            JsonNode created = Json.MAPPER.readTree(r.body().string());
            String id = created.get("id").asText();
            assertThat(id).matches("\\d{8}-\\d{6}-from-ci(-\\d+)?");
            assertThat(Files.readAllBytes(reports.resolve(id).resolve("jmh.json"))).isEqualTo(body);
            assertThat(client.get("/runs/" + id).body().string()).contains("write · 2 threads").contains("ChannelStore");
            assertThat(client.get("/api/runs").body().string()).contains(id);
        });
    }

    @Test
    void malformedOrNonJmhJsonIs400WithTheReasonAndWritesNothing() throws IOException {
        List<String> before = names(reports);
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            Response broken = post(client, "/api/runs", "[{\"benchmark\": ".getBytes());
            assertThat(broken.code()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(broken.body().string()).get("error").asText()).startsWith("not a JMH JSON result: ");
            Response notJmh = post(client, "/api/runs", "{\"hello\": \"world\"}".getBytes());
            assertThat(notJmh.code()).isEqualTo(400);
            assertThat(notJmh.body().string()).contains("array");
            Response empty = post(client, "/api/runs", new byte[0]);
            assertThat(empty.code()).isEqualTo(400);
            assertThat(empty.body().string()).contains("empty body");
        });
        assertThat(names(reports)).isEqualTo(before);
    }

    @Test
    void bodiesAboveTheLimitAre413AndWriteNothing() throws IOException {
        List<String> before = names(reports);
        byte[] body = Fixtures.labJmhJson(List.of("MEMORY", "SHARD", "CHANNEL"), List.of("read", "write"), List.of(1, 2), 4).getBytes();
        Site small = Site.of(reports, profiles).withMaxUpload(body.length - 1);
        JavalinTest.test(WebApp.create(small), (server, client) -> {
            Response r = post(client, "/api/runs", body);
            assertThat(r.code()).isEqualTo(413);
            assertThat(r.body().string()).contains("limit");
        });
        assertThat(names(reports)).isEqualTo(before);
    }

    @Test
    void uploadsMustBeJsonSoOtherPagesCannotPostThem() throws IOException {
        List<String> before = names(reports);
        byte[] body = Fixtures.labJmhJson(List.of("MEMORY"), List.of("read"), List.of(1), 3).getBytes();
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            Response r = client.request("/api/runs", b -> b.post(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "text/plain"));
            assertThat(r.code()).isEqualTo(415);
            assertThat(r.body().string()).contains("application/json");
        });
        assertThat(names(reports)).isEqualTo(before);
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
