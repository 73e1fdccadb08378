package lab.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run in progress is readable as it lands; one whose process died is abandoned, not lost. */
class RunningRunTest {

    @TempDir
    Path reports;

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static RunManifest running(List<ResultInfo> results) {
        return new RunManifest(RunManifest.SCHEMA, null, "live", RunStatus.RUNNING, "run", T0, null, null, null, null,
                null, null, null, RunKind.JMH, new RunDesign(5, 42, 5, true, "c", List.of(), List.of()), results,
                new Progress(3, 10, 60, "round 1/5", ProcessHandle.current().pid(), T0));
    }

    private static byte[] jmh(String... stores) {
        String[] entries = new String[stores.length];
        for (int i = 0; i < stores.length; i++) {
            entries[i] = JmhJsonFixtures.ownResult(stores[i], 10 + i, 1);
        }
        return JmhJsonFixtures.array(entries).getBytes(StandardCharsets.UTF_8);
    }

    private static String keyOf(String store) {
        return JmhResults.parse(jmh(store)).get(0).key();
    }

    @Test
    void aPublishedRunIsListedAsRunningWithItsProgressAndFinishedResults() {
        RunRepository repo = new RunRepository(reports);
        RunWriter w = repo.begin("live", T0);
        w.writeFile(StoredRun.JMH_RESULT, jmh("MEMORY"));
        w.publish(running(List.of(new ResultInfo(keyOf("MEMORY"), null, List.of(0), null, null))));

        StoredRun run = repo.find(w.id()).orElseThrow();

        assertThat(run.manifest().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.isFinal()).isFalse();
        assertThat(run.manifest().progress().done()).isEqualTo(3);
        assertThat(run.results()).singleElement().satisfies(r -> assertThat(r.forkRounds()).containsExactly(0));
        assertThat(repo.list()).extracting(StoredRun::id).containsExactly(w.id());
    }

    @Test
    void aRunWhoseWriterDiedIsAbandonedWithItsResultsReadableAndCanBeRemoved() throws Exception {
        RunRepository repo = new RunRepository(reports);
        RunWriter w = repo.begin("killed", T0);
        w.writeFile(StoredRun.JMH_RESULT, jmh("MEMORY", "SHARD"));
        w.publish(running(List.of()));
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.writeString(w.dir().resolve(RunWriter.WRITER), gone.pid() + "\n"
                + gone.info().startInstant().map(Object::toString).orElse("1970-01-01T00:00:00Z") + "\n");
        StoredRun stored = repo.begin("done", T0).commit(new RunManifest(RunManifest.SCHEMA, null, "", RunStatus.COMPLETE,
                "run", T0, T0, null, null, null, null, null, null));

        StoredRun abandoned = repo.find(w.id()).orElseThrow();

        assertThat(abandoned.manifest().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(abandoned.manifest().error()).contains("killed");
        assertThat(abandoned.results()).hasSize(2);
        assertThat(repo.removeAbandoned()).containsExactly(w.id());
        assertThat(Files.exists(w.dir())).isFalse();
        assertThat(repo.list()).extracting(StoredRun::id).containsExactly(stored.id());
    }

    @Test
    void aTempFolderOfAnOlderLabWithoutWriterOrManifestIsAbandoned() throws Exception {
        Files.createDirectories(reports.resolve(".tmp-20261126-042303-quick"));
        Files.write(reports.resolve(".tmp-20261126-042303-quick/jmh.json"), jmh("MEMORY"));

        StoredRun run = new RunRepository(reports).find("20261126-042303-quick").orElseThrow();

        assertThat(run.manifest().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(run.manifest().error()).contains("killed before it published anything");
    }

    @Test
    void committingAPublishedRunMakesItFinalUnderItsId() {
        RunRepository repo = new RunRepository(reports);
        RunWriter w = repo.begin("live", T0);
        w.writeFile(StoredRun.JMH_RESULT, jmh("MEMORY"));
        w.publish(running(List.of()));

        StoredRun done = w.commit(running(List.of()).withStatus(RunStatus.COMPLETE, null));

        assertThat(done.manifest().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(done.dir().getFileName().toString()).isEqualTo(w.id());
        assertThat(done.manifest().files()).containsExactly("jmh.json", "run.json");
        assertThat(Files.exists(done.dir().resolve(RunWriter.WRITER))).isFalse();
        assertThat(repo.list()).singleElement().satisfies(r -> assertThat(r.isFinal()).isTrue());
    }

    @Test
    void timingResultsCarryTheirRoundsAndJvmAndProfiledOnesPairByIndex() {
        RunRepository repo = new RunRepository(reports);
        RunWriter w = repo.begin("jvms", T0);
        w.writeFile(StoredRun.JMH_RESULT, jmh("MEMORY", "MEMORY"));
        w.writeFile(StoredRun.JMH_PROFILED, jmh("MEMORY"));
        String key = keyOf("MEMORY");
        StoredRun run = w.commit(running(List.of(
                new ResultInfo(key + "|jvm=jdk17-default", "jdk17-default", List.of(0, 1), "p/a", null),
                new ResultInfo(key + "|jvm=jdk25-default", "jdk25-default", List.of(1, 0), "p/b", 0)))
                .withStatus(RunStatus.COMPLETE, null));

        assertThat(run.results()).extracting(BenchmarkResult::key)
                .containsExactly(key + "|jvm=jdk17-default", key + "|jvm=jdk25-default");
        assertThat(run.results().get(1).forkRounds()).containsExactly(1, 0);
        assertThat(run.results().get(0).keyWithoutJvm()).isEqualTo(key);
        assertThat(run.profiledResults()).singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo(key + "|jvm=jdk25-default"));
        assertThat(run.profiled(key + "|jvm=jdk25-default")).isPresent();
        assertThat(run.profiled(key + "|jvm=jdk17-default")).isEmpty();
    }
}
