package lab.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.api.load.LoadRequest;
import lab.api.load.LoadRunner;
import lab.api.load.Wrk;
import lab.core.record.LoadResults;
import lab.core.record.RunKind;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.StoredRun;
import lab.core.store.StoreType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab load} end to end, shortened to seconds: two stores' Task API servers (child
 * JVMs), wrk against them in two interleaved rounds, the profiled pass with the lab agent and
 * async-profiler, the stored load run, and its page on the site.
 */
class LoadRunIT {

    @TempDir
    static Path root;
    static String id;
    static String console;

    @BeforeAll
    static void load() throws Exception {
        Optional<Wrk> wrk = Wrk.find(System.getenv());
        assumeTrue(wrk.isPresent(), "wrk is not installed here (" + Wrk.INSTALL + "): the load test is skipped");
        LoadRequest request = LoadRequest.of(root.resolve("reports"), root.resolve("profiles"))
                .repoRoot(RunRepository.labHome()).stores(List.of(StoreType.MEMORY, StoreType.CHANNEL))
                .connections(List.of(2)).durationSeconds(1).warmupSeconds(1).rounds(2).datasetSize(2_000)
                .seed(7L).label("it");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoadRunner.Outcome outcome = LoadRunner.run(request, wrk.get(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8);
        assertThat(outcome.status()).as(console).isEqualTo(RunStatus.COMPLETE);
        id = outcome.id();
    }

    @Test
    void theRunIsStoredAsALoadRunWithEveryPointOfEveryRound() {
        StoredRun run = new RunRepository(root.resolve("reports")).find(id).orElseThrow();
        RunManifest m = run.manifest();
        assertThat(m.kind()).isEqualTo(RunKind.LOAD);
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.files()).contains("load.json", "wrk.log", "requests.lua", "server-MEMORY.log", "run.json");
        assertThat(m.design().seed()).isEqualTo(7L);
        assertThat(m.configuration().extra()).as("the servers' actor wait, recorded").containsEntry("actorWait", "blocking");
        assertThat(m.design().order()).hasSize(2)
                .allSatisfy(round -> assertThat(round).containsExactlyInAnyOrder("MEMORY|c=2", "CHANNEL|c=2"));
        assertThat(console.strip()).endsWith(id);
        assertThat(console).contains("requests/s: median [interval] cover");

        LoadResults r = run.loadResults().orElseThrow();
        assertThat(r.stores()).containsExactly("MEMORY", "CHANNEL");
        assertThat(r.design().mix()).containsEntry("read", 80);
        for (LoadResults.Point p : r.points()) {
            assertThat(p.rounds()).as(p.key()).hasSize(2).allSatisfy(s -> {
                assertThat(s.requests()).isPositive();
                assertThat(s.rps()).isPositive();
                assertThat(s.non2xx()).as("every request of the mix names a stored task").isZero();
                assertThat(s.latency().p99()).isGreaterThanOrEqualTo(s.latency().p50()).isPositive();
            });
        }
    }

    @Test
    void theProfiledPassCountsPerRequestAndDrawsTheServersFlameGraphs() {
        StoredRun run = new RunRepository(root.resolve("reports")).find(id).orElseThrow();
        for (LoadResults.Point p : run.loadResults().orElseThrow().points()) {
            LoadResults.Profiled prof = p.profiled();
            assertThat(prof).as(p.key()).isNotNull();
            assertThat(prof.countsError()).as(p.key()).isNull();
            assertThat(prof.perRequest(prof.counts().locks())).as("locks per request").isGreaterThan(1);
            assertThat(prof.perRequest(prof.counts().allocations())).as("allocations per request").isGreaterThan(1);
            if (prof.profile() != null) {
                assertThat(root.resolve("profiles").resolve(prof.profile()).resolve("flame-cpu-forward.html")).isRegularFile();
                assertThat(run.manifest().profiles()).containsEntry(p.key(), prof.profile());
            } else {
                assertThat(run.manifest().warnings()).anySatisfy(w -> assertThat(w).contains("async-profiler"));
            }
        }
        assertThat(Files.exists(run.dir().resolve("agent-MEMORY.json"))).isTrue();
    }
}
