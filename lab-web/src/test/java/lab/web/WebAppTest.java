package lab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.core.record.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site over fixture runs, through {@link WebApp#create} and HTTP only: every page, the
 * decision-log table's figures, escaping, the flame graph sandbox, and URL validation.
 */
class WebAppTest {

    static final List<String> STORES = List.of("MEMORY", "SHARD", "CHANNEL", "CONCURRENT");
    static final String HOSTILE = "<script>alert('x')</script>";

    @TempDir
    Path root;
    Path reports;
    Path profiles;
    String labRun;
    String failedRun;

    @BeforeEach
    void fixtures() throws IOException {
        reports = Files.createDirectories(root.resolve("reports"));
        profiles = Files.createDirectories(root.resolve("profiles"));
        labRun = Fixtures.storeRun(reports, profiles, "quick " + HOSTILE, Instant.parse("2026-11-26T03:00:00Z"),
                Fixtures.labJmhJson(STORES, List.of("read", "write"), List.of(1, 2), 7), RunStatus.COMPLETE, null, true);
        failedRun = Fixtures.storeRun(reports, profiles, "broken fork", Instant.parse("2026-11-25T03:00:00Z"), null,
                RunStatus.FAILED, "JMH failed: <b>fork</b> exited with 1", false);
        Path unreadable = Files.createDirectories(reports.resolve("20261124-030000-garbled"));
        Files.writeString(unreadable.resolve("run.json"), "{ this is not json");
    }

    Site site() {
        return Site.of(reports, profiles);
    }

    @Test
    void runsListIsNewestFirstAndListsUnreadableRunsWithTheirError() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/runs");
            assertThat(r.code()).isEqualTo(200);
            String html = r.body().string();
            int a = html.indexOf("/runs/" + labRun + "\"");
            int b = html.indexOf("/runs/" + failedRun + "\"");
            int c = html.indexOf("/runs/20261124-030000-garbled\"");
            assertThat(a).isPositive().isLessThan(b);
            assertThat(c).as("the unreadable run is listed (dated by its folder)").isPositive();
            assertThat(html).contains("unreadable").contains("run.json is unreadable");
            assertThat(html).contains("JMH failed: &lt;b&gt;fork&lt;/b&gt; exited with 1");
            assertThat(html).contains("OpenJDK 17.0.15+6").contains("0123456789");
            Response failed = client.get("/runs/" + failedRun);
            assertThat(failed.code()).isEqualTo(200);
            assertThat(failed.body().string()).contains("JMH failed: &lt;b&gt;fork&lt;/b&gt; exited with 1").contains(">failed<");
            Response garbled = client.get("/runs/20261124-030000-garbled");
            assertThat(garbled.code()).isEqualTo(200);
            assertThat(garbled.body().string()).contains("run.json is unreadable");
        });
    }

    @Test
    void runsListFiltersByLabelStoreAndStatus() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String byLabel = client.get("/runs?label=broken").body().string();
            assertThat(byLabel).contains("/runs/" + failedRun + "\"").doesNotContain("/runs/" + labRun + "\"");
            String byStatus = client.get("/runs?status=complete").body().string();
            assertThat(byStatus).contains("/runs/" + labRun + "\"").doesNotContain("/runs/" + failedRun + "\"")
                    .doesNotContain("garbled\"");
            String unreadable = client.get("/runs?status=unreadable").body().string();
            assertThat(unreadable).contains("garbled\"").doesNotContain("/runs/" + labRun + "\"");
            String byStore = client.get("/runs?store=DENSE_ARRAY").body().string();
            assertThat(byStore).doesNotContain("/runs/" + labRun + "\"");
            assertThat(client.get("/runs?store=CHANNEL").body().string()).contains("/runs/" + labRun + "\"");
        });
    }

    @Test
    void storedStringsAreEscapedEverywhere() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            for (String path : List.of("/runs", "/runs/" + labRun, "/runs/" + labRun + "/flame")) {
                String html = client.get(path).body().string();
                assertThat(html).as(path).doesNotContain(HOSTILE).doesNotContain("<script>alert");
            }
            assertThat(client.get("/runs/" + labRun).body().string()).contains("&lt;script&gt;alert(");
        });
    }

    @Test
    void sitePagesCarryAStrictContentSecurityPolicy() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/runs/" + labRun);
            assertThat(r.headers().get("Content-Security-Policy")).singleElement().asString().contains("script-src 'self'");
            assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
        });
    }

    @Test
    void runPageHasOneTablePerWorkloadAndThreadCountWithOneRowPerStore() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String html = client.get("/runs/" + labRun).body().string();
            for (String title : List.of("read · 1 thread", "read · 2 threads", "write · 1 thread", "write · 2 threads")) {
                assertThat(html).contains(">" + title + "</h2>");
            }
            String read1 = section(html, "read · 1 thread");
            assertThat(count(read1, " data-key=\"")).isEqualTo(STORES.size());
            assertThat(read1).contains("MemoryStore").contains("ShardStore").contains("ChannelStore").contains("XSyncStore");
            // MEMORY is 10.00 ± 0.20 ops/us, SHARD 10.05 ± 0.20: the intervals overlap.
            assertThat(read1).contains(">10.00<").contains(">± 0.20<").contains("ops/us");
            assertThat(read1).contains("baseline").contains("~ within error");
            assertThat(read1).containsPattern("\\d\\.\\d+× (faster|slower)</span> <span class=\"err\">± 0\\.\\d+");
            // Per-op columns with errors, and the mark on the counter without one
            assertThat(read1).contains(">B/op<").contains(">allocs/op<").contains(">locks/op<").contains(">contended/op<").contains(">parks/op<");
            assertThat(read1).contains("96.0000").contains("noerr-mark");
            // Secondary metrics beyond the decision log's columns are listed too, not dropped
            assertThat(read1).contains("Other secondary metrics").contains("lab.thread.waited.norm (#/op)");
            // Flame links per row, a chart with error bars
            assertThat(read1).contains("/runs/" + labRun + "/flame/").contains(">cpu<").contains(">alloc<").contains(">lock<");
            assertThat(read1).contains("<svg class=\"chart\"").contains("class=\"err\"");
            // Each store links to the benchstat-style comparison against the baseline
            assertThat(read1).contains("/compare?base=" + labRun + "&amp;stores=MEMORY%2CSHARD\"");
            // Environment and configuration, and the jmh.json download
            assertThat(html).contains("Test CPU @ 2.0GHz").contains("zipf s = 0.894").contains("1,000,000 tasks");
            assertThat(html).contains("/runs/" + labRun + "/files/jmh.json?download");
        });
    }

    @Test
    void foreignJmhResultsRenderAsBenchmarksAndParams() throws IOException {
        String foreign = "[" + Fixtures.result("org.example.QueueBench.offer", "avgt", 4, java.util.Map.of("size", "1024"),
                120.5, 3.1, "ns/op", java.util.Map.of(), new java.util.Random(1)) + ","
                + Fixtures.result("org.example.QueueBench.poll", "avgt", 4, java.util.Map.of("size", "1024"),
                80.25, Double.NaN, "ns/op", java.util.Map.of(), new java.util.Random(2)) + "]";
        String id = new lab.core.record.RunRepository(reports).importJmh(foreign.getBytes(), "their queues", "import");
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/runs/" + id);
            assertThat(r.code()).isEqualTo(200);
            String html = r.body().string();
            assertThat(html).contains("QueueBench · 4 threads").contains("average time");
            assertThat(html).contains(">offer<").contains(">poll<").contains("size=1024").contains("ns/op");
            assertThat(html).contains(">120.5<").contains("± 3.1").contains("noerr-mark");
            assertThat(html).doesNotContain("vs MemoryStore");
        });
    }

    @Test
    void jmhJsonDownloadsVerbatim() throws IOException {
        byte[] stored = Files.readAllBytes(reports.resolve(labRun).resolve("jmh.json"));
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            Response r = client.get("/runs/" + labRun + "/files/jmh.json?download");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo(new String(stored, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.headers().get("Content-Disposition")).singleElement().asString().contains("attachment");
            assertThat(r.headers().get("Content-Security-Policy")).containsExactly("sandbox");
        });
    }

    @Test
    void badRunIdsAre400AndUnknownOnes404() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            assertThat(client.get("/runs/Not_A_Run").code()).isEqualTo(400);
            assertThat(client.get("/runs/.tmp-20261126-030000-x").code()).isEqualTo(400);
            assertThat(client.get("/runs/20991231-000000-nothing").code()).isEqualTo(404);
            assertThat(client.get("/api/runs/Not_A_Run").code()).isEqualTo(400);
            assertThat(client.get("/api/runs/Not_A_Run").body().string()).contains("\"error\"").contains("not a run id");
            assertThat(client.get("/runs/20991231-000000-nothing/files/jmh.json").code()).isEqualTo(404);
            assertThat(client.get("/no/such/page").code()).isEqualTo(404);
        });
    }

    @Test
    void pathTraversalCannotReachFilesOutsideTheRunFolders() throws Exception {
        Files.writeString(root.resolve("secret.txt"), "TOP SECRET");
        Files.writeString(reports.resolve("secret.txt"), "TOP SECRET");
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            HttpClient raw = HttpClient.newHttpClient();
            String base = "http://localhost:" + server.port();
            List<String> attacks = List.of(
                    "/runs/" + labRun + "/files/..%2F..%2Fsecret.txt",
                    "/runs/" + labRun + "/files/..%2fsecret.txt",
                    "/runs/" + labRun + "/files/%2Fetc%2Fpasswd",
                    "/runs/" + labRun + "/files/..",
                    "/runs/" + labRun + "/files/.",
                    "/runs/..%2Fsecret.txt",
                    "/runs/%2E%2E/files/secret.txt",
                    "/runs/" + labRun + "/../../secret.txt",
                    "/runs/" + labRun + "/files/../../secret.txt",
                    "/runs/" + labRun + "/flame/..%2F..%2F..%2Fsecret.txt/cpu",
                    "/runs/" + labRun + "/flame/../cpu",
                    "/runs/" + labRun + "/flame/%2Ftmp/cpu",
                    "/runs/" + labRun + "/files/run.json%00.txt",
                    "/assets/..%2F..%2Fsecret.txt");
            for (String attack : attacks) {
                HttpResponse<String> r = raw.send(HttpRequest.newBuilder(URI.create(base + attack)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(attack).isIn(400, 404);
                assertThat(r.body()).as(attack).doesNotContain("TOP SECRET").doesNotContain("root:x:0");
            }
        });
    }

    @Test
    void flameGraphIsRenderedByAsyncProfilersConverterAndSandboxed() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String index = client.get("/runs/" + labRun + "/flame").body().string();
            Matcher m = Pattern.compile("href=\"(/runs/" + labRun + "/flame/[^\"]+/cpu)\"").matcher(index);
            assertThat(m.find()).as("a cpu flame graph link on the index").isTrue();
            Response r = client.get(m.group(1).replace("&amp;", "&"));
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.headers().get("Content-Security-Policy")).containsExactly("sandbox allow-scripts allow-modals");
            String html = r.body().string();
            // async-profiler's page: its canvas and search, and our stacks in its constant pool
            assertThat(html).contains("<canvas id='canvas'>").contains("id='search'").contains("HashMap.get");
            Response reverse = client.get(m.group(1) + "?reverse");
            assertThat(reverse.code()).isEqualTo(200);
            assertThat(reverse.body().string()).contains("HashMap.get");
        });
    }

    @Test
    void storedFlameHtmlIsServedWhenThereAreNoCollapsedStacksAndIsSandboxed() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String index = client.get("/runs/" + labRun + "/flame").body().string();
            Matcher m = Pattern.compile("href=\"(/runs/" + labRun + "/flame/[^\"]+/lock)\"").matcher(index);
            assertThat(m.find()).isTrue();
            Response r = client.get(m.group(1));
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("stored lock graph");
            assertThat(r.headers().get("Content-Security-Policy")).containsExactly("sandbox allow-scripts allow-modals");
            String folder = m.group(1).split("/")[4];
            assertThat(client.get("/runs/" + labRun + "/flame/" + folder + "/wall").code()).isEqualTo(404);
            assertThat(client.get("/runs/" + labRun + "/flame/not-a-profiled-folder/cpu").code()).isEqualTo(404);
            assertThat(client.get("/runs/" + labRun + "/flame/" + folder + "/CPU%3Cx").code()).isEqualTo(400);
        });
    }

    @Test
    void anEventWithoutSamplesIsShownAsEmptyNotLinked() throws IOException {
        try (Stream<Path> dirs = Files.list(profiles.resolve(labRun))) {
            for (Path d : dirs.toList()) {
                Files.writeString(d.resolve("collapsed-wall.csv"), "");
            }
        }
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String index = client.get("/runs/" + labRun + "/flame").body().string();
            assertThat(index).contains("wall ∅").doesNotContain("/wall\"");
            assertThat(client.get("/runs/" + labRun).body().string()).contains("wall ∅");
        });
    }

    @Test
    void aFolderWhoseLiveWriterHasPublishedNothingIsNotARunYet() {
        // an import or upload being stored: its writer lives and no run.json is there yet
        lab.core.record.RunWriter w = new lab.core.record.RunRepository(reports).begin("in progress", Instant.parse("2026-11-27T00:00:00Z"));
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            assertThat(client.get("/runs").body().string()).doesNotContain("in-progress");
            assertThat(client.get("/api/runs").body().string()).doesNotContain("in-progress");
            assertThat(client.get("/runs/" + w.id()).code()).isEqualTo(404);
            assertThat(client.get("/runs/.tmp-" + w.id()).code()).isEqualTo(400);
        });
        w.abandon();
    }

    @Test
    void noTemplateWritesUnescapedText() throws Exception {
        Path dir = Path.of(WebApp.class.getResource("/templates/run.html").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path t : files.toList()) {
                assertThat(Files.readString(t)).as(t.getFileName().toString()).doesNotContain("th:utext").doesNotContain("[(${");
            }
        }
    }

    @Test
    void theIndexSeesRunsStoredWhileTheSiteIsServing() {
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            assertThat(client.get("/runs").body().string()).doesNotContain("arrived later");
            String id = Fixtures.storeRun(reports, profiles, "arrived later", Instant.parse("2026-11-27T00:00:00Z"),
                    Fixtures.labJmhJson(List.of("MEMORY"), List.of("read"), List.of(1), 3), RunStatus.COMPLETE, null, false);
            assertThat(client.get("/runs").body().string()).contains("arrived later");
            assertThat(client.get("/runs/" + id).code()).isEqualTo(200);
        });
    }

    @Test
    void layoutsPageShowsTheShardPairSideBySideWithDifferencesMarked() throws IOException {
        Fixtures.addLayouts(reports.resolve(labRun));
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            assertThat(client.get("/runs/" + labRun).body().string()).contains("/runs/" + labRun + "/layouts");
            Response r = client.get("/runs/" + labRun + "/layouts");
            assertThat(r.code()).isEqualTo(200);
            String html = r.body().string();
            // Default pair: the MemoryStore-style shard against ShardUnit, same JVM configuration
            assertThat(html).contains("lab.core.store.MemoryStore — 17.0.15").contains("lab.core.store.ShardUnit — 17.0.15");
            assertThat(html).contains("ShardUnit.tasks").contains("MemoryStore.tasks");
            assertThat(count(html, "class=\"diff\"")).isPositive();
            assertThat(html).contains("shard-with-tasks");
            // Per-task footprint of every store in each configuration that ran, and the one that did not
            String foot = html.substring(html.indexOf("table class=\"data footprints"));
            for (String store : List.of("MEMORY", "SHARD", "SHARD_UNIT", "CHANNEL", "CONCURRENT", "NON_BLOCKING", "DENSE_ARRAY")) {
                assertThat(foot).contains(">" + store + "<");
            }
            assertThat(html).contains("no JDK 21 under /usr/lib/jvm").contains("JDK 21 &lt;not found&gt;");
            assertThat(html).contains("/runs/" + labRun + "/files/layout-jdk17-default.txt");
        });
    }

    @Test
    void layoutsOfAnyTwoClassesAndJvmConfigurations() throws IOException {
        Fixtures.addLayouts(reports.resolve(labRun));
        JavalinTest.test(WebApp.create(site()), (server, client) -> {
            String same = client.get("/runs/" + labRun + "/layouts?left=lab.core.store.Task&right=lab.core.store.Task"
                    + "&lconf=jdk17-default&rconf=jdk17-default").body().string();
            String body = same.substring(same.indexOf("<tbody>"), same.indexOf("</tbody>"));
            assertThat(body).contains("Task.").doesNotContain("class=\"diff\"");
            String across = client.get("/runs/" + labRun + "/layouts?left=lab.core.store.Task&right=lab.core.store.Task"
                    + "&lconf=jdk17-default&rconf=jdk25-compact-headers").body().string();
            assertThat(across).contains("lab.core.store.Task — 25.0.3");
            assertThat(count(across, "class=\"diff\"")).as("compact headers move the fields").isPositive();
            assertThat(client.get("/runs/" + labRun + "/layouts?left=no.such.Class").code()).isEqualTo(400);
            assertThat(client.get("/runs/" + labRun + "/layouts?lconf=jdk21-unavailable").code()).isEqualTo(400);
            assertThat(client.get("/runs/" + failedRun + "/layouts").code()).isEqualTo(404);
        });
    }

    static String section(String html, String title) {
        int start = html.indexOf(">" + title + "</h2>");
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static long entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
