package lab.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {

    @TempDir
    Path reports;

    private static RunManifest manifest(RunStatus status, Instant start, String error) {
        return new RunManifest(RunManifest.SCHEMA, null, "label", status, "run", start, start.plusSeconds(5),
                Environment.capture(null), RunConfiguration.empty(), null, null, error, null);
    }

    @Test
    void aRunBeingWrittenIsInvisibleUntilCommittedThenWhole() throws Exception {
        RunRepository repo = new RunRepository(reports);
        RunWriter w = repo.begin("smoke", Instant.parse("2026-11-26T03:00:00Z"));
        Files.writeString(w.dir().resolve("jmh.json"), JmhJsonFixtures.array(JmhJsonFixtures.ownResult("MEMORY", 10, 1)));

        // its live writer has published nothing yet: not a run to show
        assertThat(repo.list()).isEmpty();
        assertThat(repo.find(w.id())).isEmpty();

        StoredRun run = w.commit(manifest(RunStatus.COMPLETE, Instant.parse("2026-11-26T03:00:00Z"), null));
        assertThat(run.readable()).isTrue();
        assertThat(run.id()).isEqualTo("20261126-030000-smoke");
        assertThat(run.manifest().files()).containsExactly("jmh.json", "run.json");
        assertThat(run.results()).hasSize(1);
        assertThat(repo.list()).extracting(StoredRun::id).containsExactly(run.id());
        assertThat(Files.list(reports).map(p -> p.getFileName().toString())).containsExactly(run.id());
        assertThatThrownBy(() -> w.commit(manifest(RunStatus.COMPLETE, Instant.now(), null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failedAndInterruptedRunsAreStoredWithStatusAndErrorAndEarlierRunsUntouched() throws Exception {
        RunRepository repo = new RunRepository(reports);
        Instant t0 = Instant.parse("2026-11-26T03:00:00Z");
        StoredRun first = repo.begin("a", t0).commit(manifest(RunStatus.COMPLETE, t0, null));
        byte[] before = Files.readAllBytes(first.dir().resolve("run.json"));

        RunWriter w = repo.begin("a", t0); // same second and label: a distinct id
        StoredRun second = w.commit(manifest(RunStatus.INTERRUPTED, t0.plusSeconds(1), "interrupted by SIGINT"));

        assertThat(second.id()).isEqualTo(first.id() + "-2");
        assertThat(second.manifest().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(second.manifest().error()).isEqualTo("interrupted by SIGINT");
        assertThat(Files.readAllBytes(first.dir().resolve("run.json"))).isEqualTo(before);
        assertThat(repo.list()).extracting(StoredRun::id).containsExactly(second.id(), first.id());
    }

    @Test
    void unreadableRunsAreListedWithTheirError() throws Exception {
        RunRepository repo = new RunRepository(reports);
        Files.createDirectories(reports.resolve("20260101-000000-broken"));
        Files.writeString(reports.resolve("20260101-000000-broken/run.json"), "{ not json");
        Files.createDirectories(reports.resolve("20260101-000000-empty"));
        Files.createDirectories(reports.resolve("Not A Run"));
        Files.createDirectories(reports.resolve(".tmp-20260101-000000-x"));

        List<StoredRun> runs = repo.list();

        assertThat(runs).extracting(StoredRun::id)
                .containsExactlyInAnyOrder("20260101-000000-broken", "20260101-000000-empty", "20260101-000000-x");
        assertThat(runs).allSatisfy(r -> assertThat(r.manifest().error()).isNotNull());
        assertThat(repo.find("20260101-000000-x").orElseThrow().manifest().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(repo.find("20260101-000000-empty").orElseThrow().readError()).contains("run.json is missing");
    }

    @Test
    void readsOlderAndNewerManifestsToleratingMissingAndUnknownFields() throws Exception {
        RunRepository repo = new RunRepository(reports);
        Path old = Files.createDirectories(reports.resolve("20250101-000000-old"));
        Files.writeString(old.resolve("run.json"), "{\"schema\":0,\"id\":\"x\",\"status\":\"complete\"}");
        Path newer = Files.createDirectories(reports.resolve("20270101-000000-new"));
        Files.writeString(newer.resolve("run.json"),
                "{\"schema\":9,\"id\":\"20270101-000000-new\",\"status\":\"failed\",\"error\":\"boom\",\"shinyNewField\":[1,2]}");

        StoredRun o = repo.find("20250101-000000-old").orElseThrow();
        StoredRun n = repo.find("20270101-000000-new").orElseThrow();

        assertThat(o.readable()).isTrue();
        assertThat(o.id()).isEqualTo("20250101-000000-old");
        assertThat(o.manifest().files()).isEmpty();
        assertThat(o.results()).isEmpty();
        assertThat(n.manifest().status()).isEqualTo(RunStatus.FAILED);
        assertThat(n.manifest().warnings()).anySatisfy(s -> assertThat(s).contains("newer storelab"));
    }

    @Test
    void importStoresJmhJsonVerbatimAndRefusesBrokenFilesWritingNothing() throws Exception {
        RunRepository repo = new RunRepository(reports);
        byte[] json = JmhJsonFixtures.FOREIGN_SAMPLE_GROUP.getBytes(StandardCharsets.UTF_8);

        String id = repo.importJmh(json, "from CI", "import");

        StoredRun run = repo.find(id).orElseThrow();
        assertThat(Files.readAllBytes(run.dir().resolve("jmh.json"))).isEqualTo(json);
        assertThat(run.manifest().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.manifest().configuration().workloads()).containsExactly("pingPong", "coldStart", "put");
        assertThat(run.results()).hasSize(3);

        assertThatThrownBy(() -> repo.importJmh("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), "bad", "import"))
                .isInstanceOf(JmhFormatException.class);
        assertThatThrownBy(() -> repo.importJmh("[]".getBytes(StandardCharsets.UTF_8), "empty", "import"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("no benchmark results");
        assertThat(Files.list(reports).map(p -> p.getFileName().toString())).containsExactly(id);
    }

    @Test
    void findRefusesNonIdsAndFileRefusesPathsOutsideTheRun() throws Exception {
        RunRepository repo = new RunRepository(reports);
        String id = repo.importJmh(JmhJsonFixtures.FOREIGN_SAMPLE_GROUP.getBytes(StandardCharsets.UTF_8), "x", "import");
        Files.writeString(reports.resolve("secret.txt"), "secret");
        StoredRun run = repo.find(id).orElseThrow();

        assertThatThrownBy(() -> repo.find("../reports")).isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.find("20000101-000000-none")).isEmpty();
        assertThat(run.file("jmh.json")).isPresent();
        for (String bad : new String[] {"../secret.txt", "..", "/etc/passwd", "a/../../secret.txt", ".run.json.tmp", "%2e%2e", "missing.json"}) {
            assertThat(run.file(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void fileAndResultsDoNotFollowSymbolicLinksInsideARunFolder() throws Exception {
        RunRepository repo = new RunRepository(reports);
        String id = repo.importJmh(JmhJsonFixtures.FOREIGN_SAMPLE_GROUP.getBytes(StandardCharsets.UTF_8), "x", "import");
        Path outside = Files.writeString(reports.getParent().resolve("outside.json"), JmhJsonFixtures.FOREIGN_SAMPLE_GROUP);
        Path runDir = reports.resolve(id);
        Files.createSymbolicLink(runDir.resolve("linked.txt"), outside);
        Files.delete(runDir.resolve("jmh.json"));
        Files.createSymbolicLink(runDir.resolve("jmh.json"), outside);
        StoredRun run = repo.find(id).orElseThrow();

        assertThat(run.file("linked.txt")).isEmpty();
        assertThat(run.file("jmh.json")).isEmpty();
        assertThat(run.file("run.json")).isPresent();
        assertThat(run.results()).as("a linked jmh.json is not the run's").isEmpty();
    }

    @Test
    void importRefusesMoreResultsOrLongerStringsThanTheLimitsWritingNothing() throws Exception {
        RunRepository repo = new RunRepository(reports);
        String one = JmhJsonFixtures.ownResult("MEMORY", 10, 1);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= ImportLimits.MAX_RESULTS; i++) {
            many.append(i == 0 ? "" : ",").append(one);
        }
        byte[] tooMany = many.append(']').toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> repo.importJmh(tooMany, "many", "upload"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("5,001 benchmark results").hasMessageContaining("5,000");

        String longVm = JmhJsonFixtures.array(one.replace("OpenJDK 64-Bit Server VM", "v".repeat(1_000_000)));
        assertThatThrownBy(() -> repo.importJmh(longVm.getBytes(StandardCharsets.UTF_8), "vm", "upload"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("result #1: vmName is 1,000,000 characters");
        String longParam = JmhJsonFixtures.array(one.replace("\"MEMORY\"", "\"" + "M".repeat(2_000) + "\""));
        assertThatThrownBy(() -> repo.importJmh(longParam.getBytes(StandardCharsets.UTF_8), "param", "upload"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("param 'store' is 2,000 characters");
        assertThatThrownBy(() -> repo.importJmh(JmhJsonFixtures.array(one).getBytes(StandardCharsets.UTF_8), "l".repeat(201), "upload"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("label");
        assertThat(Files.list(reports)).isEmpty();
    }
}
