package lab.web.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import lab.core.record.Json;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent runs on the site, over HTTP: {@code POST /api/agent-reports} (201 with the run's id, or
 * 400/415 with the reason and nothing stored), the agent run's page, and two agent runs on
 * {@code /compare}.
 */
class AgentRunsTest {

    @TempDir
    Path root;
    Path reports;
    Path profiles;

    @BeforeEach
    void folders() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
    }

    /** A schema-2 report of {@code seconds}: one thread {@code worker} with its locks and int[] allocations, and "main" with 2 parks. */
    static String report(double seconds, String worker, long locks, long allocations) {
        Instant start = Instant.parse("2026-12-02T08:00:00Z");
        return """
                {"schema": 2,
                 "agent": {"version": "0.1.0-SNAPSHOT", "options": "includes=demo.*,report=r.json", "mode": "premain",
                           "includes": "demo.*", "jvm": "OpenJDK 64-Bit Server VM 17.0.15", "pid": "77",
                           "startedAt": "%1$s", "selfTest": "ok", "reportedAt": "%2$s", "warnings": null},
                 "window": {"number": 1, "start": "%1$s", "end": "%2$s", "seconds": %3$s, "duration": null, "endedBy": "exit"},
                 "instrumentation": {"complete": true, "installSeconds": 0.3, "includes": ["demo.*"], "excludes": [],
                                     "classes": 1, "atInstall": 0, "loadedDuringWindow": 1, "notModifiable": 0,
                                     "byPattern": {"demo.*": 1}, "failed": {}, "lockClassFailures": []},
                 "locks": {"acquired": %5$d, "contended": 1, "contendedShare": 0.1, "byKind": {"ReentrantLock": %5$d, "monitor": 0}},
                 "parks": 2,
                 "allocations": {"count": %6$d, "byClass": {"int[]": %6$d}},
                 "threads": {"%4$s": {"locks": %5$d, "contended": 1, "parks": 0, "allocations": %6$d,
                                      "byKind": {"ReentrantLock": %5$d}, "allocationsByClass": {"int[]": %6$d}},
                             "main": {"locks": 0, "contended": 0, "parks": 2, "allocations": 0, "byKind": {}, "allocationsByClass": {}}}}
                """.formatted(start, start.plusMillis((long) (seconds * 1000)), seconds, worker, locks, allocations);
    }

    static Response post(io.javalin.testtools.HttpClient client, String path, String contentType, byte[] body) {
        return client.request(path, b -> b.post(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType));
    }

    private List<String> stored() throws IOException {
        try (Stream<Path> s = Files.list(reports)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void anUploadedReportIsAnAgentRunWhosePageShowsTheWindowTotalsClassesAndThreads() {
        byte[] body = report(4.0, "demo-worker", 40, 12).getBytes(StandardCharsets.UTF_8);
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            Response r = post(client, "/api/agent-reports?label=svc", "application/json", body);
            assertThat(r.code()).isEqualTo(201);
            JsonNode created = Json.MAPPER.readTree(r.body().string());
            String id = created.get("id").asText();
            assertThat(created.get("url").asText()).isEqualTo("/runs/" + id);
            assertThat(r.headers().get("Location")).containsExactly("/api/runs/" + id);
            assertThat(Files.readAllBytes(reports.resolve(id).resolve("agent.json"))).isEqualTo(body);

            String page = client.get("/runs/" + id).body().string();
            assertThat(page).contains("agent run").contains("exact counts").contains("2026-12-02 08:00:00 UTC")
                    .contains("4.000 s: the denominator of every rate");
            assertThat(page).as("the worker's row: 40 locks, 1 contended, 0 parks, 12 allocations, 10.00 locks/s, 3.000 allocations/s")
                    .containsPattern("<td>demo-worker</td><td class=\"num\">40</td>\\s*<td class=\"num\">1</td><td class=\"num\">0</td>"
                            + "\\s*<td class=\"num\">12</td><td class=\"num\">10.00</td>\\s*<td class=\"num\">3.000</td>");
            assertThat(page).as("contended share").contains("2.500%");
            assertThat(page).as("the class chart, drawn as SVG").contains("<svg").contains("int[]").contains("12 (3.000/s)");
            assertThat(page).as("no figure carries an error: the counts are exact").doesNotContainPattern("\\d\\s*±");

            JsonNode api = Json.MAPPER.readTree(client.get("/api/runs/" + id).body().string());
            assertThat(api.get("manifest").get("kind").asText()).isEqualTo("agent");
            assertThat(api.get("agentReport").get("locks").get("acquired").asLong()).isEqualTo(40);
        });
    }

    @Test
    void twoAgentRunsCompareOnTheComparePageAndEachRunLinksToIt() {
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String a = Json.MAPPER.readTree(post(client, "/api/agent-reports?label=before", "application/json",
                    report(4.0, "demo-worker", 40, 12).getBytes(StandardCharsets.UTF_8)).body().string()).get("id").asText();
            String b = Json.MAPPER.readTree(post(client, "/api/agent-reports?label=after", "application/json",
                    report(2.0, "demo-worker", 30, 0).getBytes(StandardCharsets.UTF_8)).body().string()).get("id").asText();

            assertThat(client.get("/runs/" + b).body().string()).contains("/compare?base=" + a + "&amp;head=" + b);

            Response r = client.get("/compare?base=" + a + "&head=" + b);
            assertThat(r.code()).isEqualTo(200);
            String page = r.body().string();
            assertThat(page).contains("Compare agent runs").contains("no p-values").doesNotContain("Mann-Whitney");
            assertThat(page).as("ReentrantLock: 40 in 4 s (10/s) against 30 in 2 s (15/s): +50%")
                    .containsPattern("<td>ReentrantLock</td><td class=\"num\">40</td>\\s*<td class=\"num\">10.00</td>"
                            + "<td class=\"num\">30</td>\\s*<td class=\"num\">15.00</td><td class=\"num delta up\">\\+50.0%</td>");
            assertThat(page).containsPattern("(?s)<td>int\\[\\]</td>.{0,300}?<td class=\"num delta down\">gone</td>");

            JsonNode api = Json.MAPPER.readTree(client.get("/api/compare?base=" + a + "&head=" + b).body().string());
            assertThat(api.get("tables").get(1).get("rows").get(0).get("ratio").asDouble()).isEqualTo(1.5);
        });
    }

    @Test
    void badReportsAreRefusedWithTheReasonAndNothingIsStored() throws Exception {
        String jmh = "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", \"threads\": 1, \"forks\": 1,"
                + " \"primaryMetric\": {\"score\": 1.0, \"scoreUnit\": \"ops/s\", \"rawData\": [[1.0]]}}]";
        String absurd = report(1.0, "t".repeat(5_000), 1, 1);
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            Response notJson = post(client, "/api/agent-reports", "application/json", "counters: 12".getBytes(StandardCharsets.UTF_8));
            assertThat(notJson.code()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(notJson.body().string()).get("error").asText())
                    .startsWith("refused the agent report: not JSON");

            Response array = post(client, "/api/agent-reports", "application/json", jmh.getBytes(StandardCharsets.UTF_8));
            assertThat(array.code()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(array.body().string()).get("error").asText()).contains("array (a JMH result?");

            Response longName = post(client, "/api/agent-reports", "application/json", absurd.getBytes(StandardCharsets.UTF_8));
            assertThat(longName.code()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(longName.body().string()).get("error").asText())
                    .contains("threads: a thread name is 5,000 characters; the limit is 1,000");

            Response text = post(client, "/api/agent-reports", "text/plain", report(1.0, "w", 1, 1).getBytes(StandardCharsets.UTF_8));
            assertThat(text.code()).isEqualTo(415);
            assertThat(text.body().string()).contains("send the agent report with Content-Type: application/json");

            Response empty = post(client, "/api/agent-reports", "application/json", new byte[0]);
            assertThat(empty.code()).isEqualTo(400);
            assertThat(empty.body().string()).contains("empty body: POST a lab agent report");

            Response label = post(client, "/api/agent-reports?label=" + "l".repeat(201), "application/json",
                    report(1.0, "w", 1, 1).getBytes(StandardCharsets.UTF_8));
            assertThat(label.code()).isEqualTo(400);
        });
        assertThat(stored()).isEmpty();
    }

    @Test
    void anAgentRunAgainstAJmhRunIsRefusedOnTheComparePage() {
        String jmh = "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", \"threads\": 1, \"forks\": 1,"
                + " \"primaryMetric\": {\"score\": 1.0, \"scoreUnit\": \"ops/s\", \"rawData\": [[1.0]]}}]";
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String a = Json.MAPPER.readTree(post(client, "/api/agent-reports", "application/json",
                    report(1.0, "w", 1, 1).getBytes(StandardCharsets.UTF_8)).body().string()).get("id").asText();
            String j = Json.MAPPER.readTree(post(client, "/api/runs", "application/json",
                    jmh.getBytes(StandardCharsets.UTF_8)).body().string()).get("id").asText();
            Response r = client.get("/compare?base=" + j + "&head=" + a);
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.body().string()).contains("is a jmh run and").contains("an agent run compares with another agent run");
            assertThat(client.get("/runs/" + j).body().string()).as("a JMH run still has its own page").doesNotContain("Counting window");
        });
    }
}
