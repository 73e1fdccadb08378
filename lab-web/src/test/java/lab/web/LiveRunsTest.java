package lab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import lab.core.record.Environment;
import lab.core.record.Progress;
import lab.core.record.RunConfiguration;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.RunWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that are not final, over HTTP: a RUNNING run (published by a live writer under
 * {@code .tmp-<id>}) is listed with its progress and its page shows each result as it lands; an
 * ABANDONED one (its writer gone) is listed as such with what it measured and how to remove it.
 */
class LiveRunsTest {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final List<String> STORES = List.of("MEMORY", "SHARD", "CHANNEL", "CONCURRENT");

    @TempDir
    Path root;
    Path reports;
    Path profiles;

    @BeforeEach
    void folders() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
    }

    static RunManifest running(int done, int total, String current) {
        return new RunManifest(RunManifest.SCHEMA, null, "live quick", RunStatus.RUNNING, "run", T0, null, Environment.unknown(),
                RunConfiguration.empty(), null, null, null, null, null, null, null,
                new Progress(done, total, 150, current, ProcessHandle.current().pid(), T0.plusSeconds(30)));
    }

    static byte[] results(List<String> stores) {
        return Fixtures.labJmhJson(stores, List.of("read"), List.of(1), 1).getBytes(StandardCharsets.UTF_8);
    }

    /** Polls until the page holds {@code text}: a running run is re-read at most every quarter second. */
    static String awaitPage(io.javalin.testtools.HttpClient client, String path, String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String body = "";
        while (System.nanoTime() < deadline) {
            body = client.get(path).body().string();
            if (body.contains(text)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never showed '" + text + "' within 10 s; last page:\n" + body);
    }

    @Test
    void aRunningRunIsListedWithItsProgressAndItsResultsAppearAsTheyLand() throws Exception {
        RunWriter w = new RunRepository(reports).begin("live quick", T0);
        w.writeFile("jmh.json", results(List.of("MEMORY", "SHARD")));
        w.publish(running(2, 8, "round 1/2: read store=CHANNEL threads=1"));
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String list = client.get("/runs").body().string();
            assertThat(list).contains("/runs/" + w.id() + "\"").contains(">running<")
                    .contains("2 of 8 forks · about 3 min left · round 1/2: read store=CHANNEL threads=1")
                    .contains("http-equiv=\"refresh\"");

            Response first = client.get("/runs/" + w.id());
            String page = first.body().string();
            assertThat(first.code()).isEqualTo(200);
            assertThat(first.headers().get("Cache-Control")).containsExactly("no-store");
            assertThat(first.headers().get("ETag")).isNull();
            assertThat(page).contains("Running:").contains("2 of 8 forks").contains("http-equiv=\"refresh\" content=\"10\"")
                    .contains("2</span> results<span> so far");
            assertThat(WebAppTest.count(page, " data-key=\"")).isEqualTo(2);

            // Two more benchmarks finish: the page shows them without a restart.
            w.writeFile("jmh.json", results(STORES));
            w.publish(running(4, 8, "round 2/2: read store=MEMORY threads=1"));
            String later = awaitPage(client, "/runs/" + w.id(), "4 of 8 forks");
            assertThat(WebAppTest.count(later, " data-key=\"")).isEqualTo(4);
            assertThat(later).contains("ChannelStore");

            // Committed: final, listed as complete, its page now rendered once and served with an ETag.
            w.commit(running(8, 8, "").withStatus(RunStatus.COMPLETE, null));
            awaitPage(client, "/runs", ">complete<");
            Response done = client.get("/runs/" + w.id());
            assertThat(done.headers().get("ETag")).singleElement().asString().startsWith("W/\"");
            assertThat(done.body().string()).doesNotContain("Running:").doesNotContain("http-equiv=\"refresh\"");
        });
    }

    @Test
    void anAbandonedRunIsListedAsSuchWithWhatItMeasuredAndHowToRemoveIt() throws Exception {
        RunWriter w = new RunRepository(reports).begin("killed quick", T0);
        w.writeFile("jmh.json", results(List.of("MEMORY", "SHARD", "CHANNEL")));
        w.publish(running(3, 8, "round 1/2: read store=CONCURRENT threads=1"));
        // The writer is killed (SIGKILL, OOM): the folder stays, its writer mark names no live process.
        Files.delete(w.dir().resolve(".writer"));
        JavalinTest.test(WebApp.create(Site.of(reports, profiles)), (server, client) -> {
            String list = client.get("/runs").body().string();
            assertThat(list).contains("/runs/" + w.id() + "\"").contains(">abandoned<")
                    .contains("./lab list --remove-abandoned").contains("rm -r reports/.tmp-" + w.id())
                    .doesNotContain("http-equiv=\"refresh\"");
            assertThat(client.get("/runs?status=abandoned").body().string()).contains("/runs/" + w.id() + "\"");
            String page = client.get("/runs/" + w.id()).body().string();
            assertThat(page).contains("Abandoned:").contains("./lab list --remove-abandoned");
            assertThat(WebAppTest.count(page, " data-key=\"")).as("what it measured stays readable").isEqualTo(3);
            String api = client.get("/api/runs").body().string();
            assertThat(api).contains("\"status\" : \"abandoned\"");
        });
    }
}
