package lab.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load.json: written beside a LOAD manifest, read back through StoredRun with the one Jackson configuration. */
class LoadResultsTest {

    @TempDir
    Path reports;

    static LoadResults.Sample sample(int round, long requests, double seconds) {
        return new LoadResults.Sample(round, requests, seconds, 0, new LoadResults.Errors(0, 0, 0, 0),
                new LoadResults.Latency(500, 900, 2_000, 9_000, 600));
    }

    static LoadResults results() {
        LoadResults.Design design = new LoadResults.Design(Map.of("read", 80, "write", 20), List.of(1, 16), 10, 3, 9,
                1000, "zipf", 1000, "wrk 4.1.0", 5, new JvmConfig("jdk17-default", "/bin/java", List.of(), "17"),
                "lab.core.store.*", 2);
        LoadResults.Profiled profiled = new LoadResults.Profiled(sample(-1, 20_000, 10),
                new LoadResults.Counts(1_300_000, 2_000, 15_000, 180_000), null, "run/MEMORY-c16");
        return new LoadResults(LoadResults.SCHEMA, design, List.of(
                new LoadResults.Point("MEMORY", 16, 2, List.of(sample(0, 30_000, 10), sample(1, 32_000, 10)), profiled),
                new LoadResults.Point("CHANNEL", 16, 2, List.of(sample(0, 10_000, 10)), null)));
    }

    @Test
    void aLoadRunsResultsReadBackAsWritten() throws Exception {
        RunWriter w = new RunRepository(reports).begin("load", Instant.parse("2026-11-29T10:00:00Z"));
        w.writeFile(StoredRun.LOAD, Json.MAPPER.writeValueAsBytes(results()));
        RunManifest m = new RunManifest(RunManifest.SCHEMA, null, "", RunStatus.COMPLETE, "load", Instant.now(), Instant.now(),
                null, null, null, null, null, null, RunKind.LOAD, null, null, null);
        StoredRun run = w.commit(m);

        StoredRun read = new RunRepository(reports).find(run.id()).orElseThrow();
        assertThat(read.manifest().kind()).isEqualTo(RunKind.LOAD);
        LoadResults r = read.loadResults().orElseThrow();
        assertThat(r).isEqualTo(results());
        assertThat(r.stores()).containsExactly("MEMORY", "CHANNEL");
        assertThat(r.point("MEMORY", 16).orElseThrow().rps()).containsExactly(3_000, 3_200);
        LoadResults.Profiled p = r.point("MEMORY", 16).orElseThrow().profiled();
        assertThat(p.perRequest(p.counts().locks())).isEqualTo(65.0);
        assertThat(r.point("CHANNEL", 1)).isEmpty();
    }

    @Test
    void aRunWithoutLoadJsonHasNoneAndABrokenOneSaysSo() throws Exception {
        RunRepository repo = new RunRepository(reports);
        RunManifest m = new RunManifest(RunManifest.SCHEMA, null, "", RunStatus.COMPLETE, "load", Instant.now(), Instant.now(),
                null, null, null, null, null, null, RunKind.LOAD, null, null, null);
        StoredRun none = repo.begin("none", Instant.now()).commit(m);
        assertThat(none.loadResults()).isEmpty();

        RunWriter w = repo.begin("broken", Instant.now());
        Files.writeString(w.dir().resolve(StoredRun.LOAD), "{\"points\": [1, 2");
        StoredRun broken = w.commit(m);
        assertThatThrownBy(broken::loadResults).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("load.json of run " + broken.id() + " is unreadable");
    }
}
