package lab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lab.core.record.ImportLimits;
import lab.core.record.Json;
import lab.core.record.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of issue 14 that a single request shows, each over HTTP: parser limits and trailing
 * data get 400 with the reason, no response shows an exception's text, uploads and their strings
 * are bounded, /claims is not taken over by an upload, links encode stored values, the media type
 * and charset are checked exactly, and symbolic links in a run folder are not followed.
 */
class HostileInputTest {

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String labRun;

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        labRun = Fixtures.storeRun(reports, profiles, "lab run", Instant.parse("2026-11-26T03:00:00Z"),
                Fixtures.labJmhJson(List.of("MEMORY", "SHARD"), List.of("read"), List.of(1), 5), RunStatus.COMPLETE, null, true);
    }

    Site site() {
        return Site.of(reports, profiles);
    }

    static Response post(io.javalin.testtools.HttpClient client, String path, byte[] body, String type) {
        return client.request(path, b -> b.post(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", type));
    }

    static Response post(io.javalin.testtools.HttpClient client, byte[] body) {
        return post(client, "/api/runs", body, "application/json");
    }

    static String error(Response r) throws IOException {
        return Json.MAPPER.readTree(r.body().string()).get("error").asText();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parserLimitsAre400WithTheReason() throws IOException {
        List<String> before = ApiTest.names(reports);
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response deep = post(client, bytes("[".repeat(100_000) + "]".repeat(100_000)));
            assertThat(deep.code()).isEqualTo(400);
            assertThat(error(deep)).startsWith("not a JMH JSON result: ").contains("nesting depth");
            Response number = post(client, bytes("[{\"benchmark\":\"a.b\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":"
                    + "9".repeat(5_000) + ",\"scoreUnit\":\"ns/op\"}}]"));
            assertThat(number.code()).isEqualTo(400);
            assertThat(error(number)).contains("Number value length");
            Response string = post(client, bytes("[{\"benchmark\":\"" + "x".repeat(30_000_000) + "\"}]"));
            assertThat(string.code()).isEqualTo(400);
            assertThat(error(string)).contains("String value length");
            for (Response r : List.of(deep, number, string)) {
                assertThat(r.body().string()).doesNotContain("Exception").doesNotContain("NullPointer");
            }
        });
        assertThat(ApiTest.names(reports)).isEqualTo(before);
    }

    @Test
    void anInternalErrorSaysSoWithAReferenceNotTheExceptionText() throws IOException {
        // A corrupt stored collapsed file makes async-profiler's converter throw NumberFormatException.
        try (var dirs = Files.list(profiles.resolve(labRun))) {
            for (Path d : dirs.toList()) {
                Files.writeString(d.resolve("collapsed-cpu.csv"), "a;b notanumber\n");
            }
        }
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String index = client.get("/runs/" + labRun + "/flame").body().string();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/runs/" + labRun + "/flame/[^\"]+/cpu)\"").matcher(index);
            assertThat(m.find()).isTrue();
            Response r = client.get(m.group(1));
            String body = r.body().string();
            assertThat(r.code()).isEqualTo(500);
            assertThat(body).contains("internal error (reference ").doesNotContain("NumberFormat").doesNotContain("notanumber")
                    .doesNotContain("Exception");
        });
    }

    @Test
    void dataAfterTheJsonIsRefusedAndNothingIsStored() throws IOException {
        List<String> before = ApiTest.names(reports);
        String valid = Fixtures.labJmhJson(List.of("MEMORY"), List.of("read"), List.of(1), 3);
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = post(client, bytes(valid + " garbage"));
            assertThat(r.code()).isEqualTo(400);
            assertThat(error(r)).contains("data after the end of the JSON value");
            assertThat(post(client, bytes(valid + valid)).code()).isEqualTo(400);
        });
        assertThat(ApiTest.names(reports)).isEqualTo(before);
    }

    @Test
    void uploadsBeyondTheLimitsAreRefusedAndTheRunsListStaysSmall() throws IOException {
        List<String> before = ApiTest.names(reports);
        StringBuilder many = new StringBuilder("[");
        Random rnd = new Random(1);
        for (int i = 0; i <= ImportLimits.MAX_RESULTS; i++) {
            many.append(i == 0 ? "" : ",").append(Fixtures.result("x.Y.m" + i, "avgt", 1, Map.of(), 1, 0.1, "ns/op", Map.of(), rnd));
        }
        String hugeVm = Fixtures.labJmhJson(List.of("MEMORY"), List.of("read"), List.of(1), 3)
                .replace("OpenJDK 64-Bit Server VM", "v".repeat(1_000_000));
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            int listBefore = client.get("/runs").body().string().length();
            Response tooMany = post(client, bytes(many.append(']').toString()));
            assertThat(tooMany.code()).isEqualTo(400);
            assertThat(error(tooMany)).contains("5,001 benchmark results").contains("at most 5,000");
            Response vm = post(client, bytes(hugeVm));
            assertThat(vm.code()).isEqualTo(400);
            assertThat(error(vm)).contains("vmName is 1,000,000 characters; the limit is 1,000");
            assertThat(client.get("/runs").body().string().length()).isEqualTo(listBefore);
        });
        assertThat(ApiTest.names(reports)).isEqualTo(before);
    }

    @Test
    void claimsDefaultToTheNewestRunOfTheLabsRunnerNotTheNewestUpload() {
        String upload = Fixtures.labJmhJson(List.of("MEMORY", "SHARD"), List.of("read"), List.of(1), 9);
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response created = post(client, "/api/runs?label=foreign", bytes(upload), "application/json");
            assertThat(created.code()).isEqualTo(201);
            String id = Json.MAPPER.readTree(created.body().string()).get("id").asText();
            String claims = client.get("/claims").body().string();
            assertThat(claims).contains("against <a href=\"/runs/" + labRun + "\"").contains("newest complete run of <code>./lab run</code>")
                    .contains("/runs/" + id + "/claims").contains("(upload)");
            assertThat(client.get("/runs/" + id + "/claims").body().string()).contains("against <a href=\"/runs/" + id + "\"");
        });
    }

    @Test
    void storeValuesAreUrlEncodedInLinks() throws IOException {
        String hostile = Fixtures.labJmhJson(List.of("MEMORY", "X&head=20991231-000000-evil#"), List.of("read"), List.of(1), 2);
        String id = new lab.core.record.RunRepository(reports).importJmh(bytes(hostile), "hostile store", "import");
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String page = client.get("/runs/" + id).body().string();
            assertThat(page).contains("/compare?base=" + id + "&amp;stores=MEMORY%2CX%26head%3D20991231-000000-evil%23\"")
                    .doesNotContain("stores=MEMORY,X");
        });
    }

    @Test
    void theMediaTypeIsCheckedExactlyAndABadCharsetSaysWhatIsWrong() throws IOException {
        List<String> before = ApiTest.names(reports);
        byte[] body = bytes(Fixtures.labJmhJson(List.of("MEMORY"), List.of("read"), List.of(1), 3));
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            assertThat(post(client, "/api/runs", body, "application/jsonx").code()).isEqualTo(415);
            assertThat(post(client, "/api/runs", body, "application/json-seq").code()).isEqualTo(415);
            Response charset = post(client, "/api/runs?label=x", body, "application/json; charset=foo");
            assertThat(charset.code()).isEqualTo(400);
            assertThat(error(charset)).contains("charset 'foo'").contains("UTF-8");
            Response latin = post(client, "/api/runs", body, "application/json; charset=ISO-8859-1");
            assertThat(latin.code()).isEqualTo(400);
            Response odd = client.request("/runs/" + labRun, b -> b.header("Content-Type", "text/plain; charset=nonesuch"));
            assertThat(odd.code()).as("a GET with a bogus charset").isIn(200, 400);
            assertThat(odd.body().string()).doesNotContain("Exception");
        });
        assertThat(ApiTest.names(reports)).isEqualTo(before);
        JavalinTest.test(WebApp.create(site()), (server, client) ->
                assertThat(post(client, "/api/runs", body, "Application/JSON; Charset=\"UTF-8\"").code()).isEqualTo(201));
    }

    @Test
    void symbolicLinksInARunFolderAreNotFollowed() throws IOException {
        Path secret = Files.writeString(root.resolve("secret.txt"), "TOP SECRET");
        Files.createSymbolicLink(reports.resolve(labRun).resolve("notes.txt"), secret);
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/runs/" + labRun + "/files/notes.txt");
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.body().string()).doesNotContain("TOP SECRET");
        });
    }
}
