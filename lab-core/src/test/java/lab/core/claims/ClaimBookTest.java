package lab.core.claims;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.core.cli.Main;
import lab.core.compare.JmhFixture;
import lab.core.record.RunRepository;
import lab.core.store.StoreType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's claims file: complete, consistent with the stores, and evaluable end to end. */
class ClaimBookTest {

    static final ClaimBook BOOK = ClaimBook.load();

    @Test
    void coversEveryClaimTheIssueNames() {
        assertThat(BOOK.claims()).extracting(Claim::id).contains(
                "shard-read-speedup", "shard-write-speedup", "gopool-read-variance", "shardunit-read-24pct",
                "xsync-read-vs-memory", "xsync-write-vs-memory", "xsync-read-vs-gopool", "xsync-read-vs-shard",
                "channel-read-vs-shard", "channel-write-vs-shard", "channel-read-vs-memory", "channel-write-vs-memory",
                "channel-bytes-read", "channel-allocs", "channel-context-switches", "zero-bytes-read",
                "shardunit-size-64-32", "lock-hierarchy", "getall-temporary-goroutines", "shard-contention-32x",
                "shard-32-goroutines",
                // issue 10's missing claims
                "channel-rps-150", "channel-rps-1500", "channel-annual-gb", "phase4-write-bytes-temporary",
                "phase4-write-bytes-pooled", "xsync-linear-scalability", "xsync-no-context-switches", "xsync-no-parks",
                "channel-gap-10x", "getall-2kb", "getall-5mb", "channel-write-vs-shard-table", "zero-allocs-read",
                "shardunit-gopool-15pct", "shardunit-total-91pct");
    }

    @Test
    void phasesHaveTheirBaselines() {
        java.util.Map<String, Claim> byId = new java.util.HashMap<>();
        BOOK.claims().forEach(c -> byId.put(c.id(), c));
        // Phase 2 (pooling): SHARD_POOLED against SHARD_UNIT; Phase 3 (slim shard): SHARD_UNIT against SHARD;
        // Phase 4 (getAll): SHARD_UNIT against SHARD_POOLED
        assertThat(byId.get("gopool-read-variance").baseline()).isEqualTo("SHARD_UNIT");
        assertThat(byId.get("gopool-read-speed").baseline()).isEqualTo("SHARD_UNIT");
        assertThat(byId.get("gopool-read-speed").isEquivalence()).isTrue();
        assertThat(byId.get("shardunit-read-24pct").subject()).containsExactly("SHARD_UNIT");
        assertThat(byId.get("shardunit-read-24pct").baseline()).isEqualTo("SHARD");
        assertThat(byId.get("getall-temporary-goroutines").subject()).containsExactly("SHARD_UNIT");
        assertThat(byId.get("getall-temporary-goroutines").baseline()).isEqualTo("SHARD_POOLED");
        assertThat(byId.get("zero-allocs-read").kind()).isEqualTo(Claim.Kind.INFORMATION);
    }

    @Test
    void everyQuoteIsTheDecisionLogsWordsVerbatim() {
        String log = ClaimBook.decisionLog();
        BOOK.checkQuotes(log);
        // the shipped log is the team's, unedited
        assertThat(log).contains("Read Performance**: 666.1 ns/op (57x slower than ShardStore)");
        ClaimBook edited = ClaimEvaluatorTest.book("""
            {"id": "misquoted", "quote": "Read Performance: 666.1 ns/op (75x slower than ShardStore)", "logFigure": "f",
             "kind": "untestable", "reason": "r"}""");
        assertThatThrownBy(() -> edited.checkQuotes(log)).hasMessageContaining("misquoted")
                .hasMessageContaining("75x slower").hasMessageContaining("not in the decision log");
        ClaimBook fragments = ClaimEvaluatorTest.book("""
            {"id": "gap", "quote": "Before: 32 goroutines → 1 mutex (high contention) … Contention reduced by factor of 32",
             "logFigure": "f", "kind": "untestable", "reason": "r"}""");
        fragments.checkQuotes(log);
    }

    @Test
    void aStoreThatIsNoStoreTypeFailsWhenRead() {
        assertThatThrownBy(() -> ClaimEvaluatorTest.book(ClaimEvaluatorTest.speedup("typo", "SHARDD", "MEMORY", "read", "max", 2)))
                .hasMessageContaining("typo: SHARDD is not a StoreType");
    }

    @Test
    void aWorkloadThatIsNoBenchmarkFailsWhenRead() {
        assertThatThrownBy(() -> ClaimEvaluatorTest.book(ClaimEvaluatorTest.speedup("typo", "SHARD", "MEMORY", "writes", "max", 2)))
                .hasMessageContaining("typo: workload writes is not one of [read, write, create, mixed, getAll, contention]");
    }

    @Test
    void everyStoreNamedIsAStoreType() {
        List<String> names = new ArrayList<>();
        for (StoreType t : StoreType.values()) {
            names.add(t.name());
        }
        for (Claim c : BOOK.claims()) {
            names.addAll(Locator.PSEUDO_STORES);
            assertThat(names).as(c.id()).containsAll(c.subject()).containsAll(c.stores()).containsAll(c.candidates());
            if (c.baseline() != null) {
                assertThat(names).as(c.id()).contains(c.baseline());
            }
            assertThat(c.method()).as(c.id()).isNotBlank();
        }
    }

    @Test
    void aBrokenClaimFailsLoudlyWhenRead() {
        String json = """
            {"claims": [{"id": "x", "quote": "q", "logFigure": "f", "kind": "speedup", "workload": "read", "subject": ["SHARD"], "figures": [2]}]}""";
        assertThatThrownBy(() -> ClaimBook.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("x: subject and baseline are required");
    }

    /** Every store on every workload at 1 and 2 threads, with every metric the claims read, and the floors. */
    static JmhFixture[] fullRun() {
        List<JmhFixture> all = new ArrayList<>();
        for (int threads = 1; threads <= 2; threads++) {
            all.add(JmhFixture.reference(lab.core.bench.run.RunPlan.READ_FLOOR).threads(threads).raw(around(5, 0.05, 5))
                    .secondary("gc.alloc.rate.norm", "B/op", around(0.003, 0.05, 5))
                    .secondary("lab.ctxsw.voluntary.norm", "#/op", around(0.0001, 0.05, 5))
                    .secondary("lab.park.norm", "#/op", around(0.0001, 0.05, 5)));
        }
        all.add(JmhFixture.reference(lab.core.bench.run.RunPlan.WAKEUP_FLOORS.get(0)).mode("sample", "us/op").raw(around(8, 0.05, 5)));
        String[] workloads = {"read", "write", "create", "mixed", "getAll", "contention"};
        for (StoreType t : StoreType.values()) {
            for (String w : workloads) {
                for (int threads = 1; threads <= 2; threads++) {
                    double base = 10 + t.ordinal() * 13 + threads;
                    JmhFixture f = result(w, t.name()).threads(threads).raw(around(base, 0.05, 5))
                            .secondary("gc.alloc.rate.norm", "B/op", around(t == StoreType.CHANNEL ? 120 : 0.001, 0.05, 5))
                            .secondary("lab.alloc.count.norm", "#/op", around(t == StoreType.CHANNEL ? 3 : 0.0, 0.05, 5))
                            .secondary("lab.lock.contended.norm", "#/op", around(0.01 * (8 - t.ordinal()), 0.05, 5))
                            .secondary("lab.ctxsw.voluntary.norm", "#/op", around(t == StoreType.CHANNEL ? 2.1 : 0.0, 0.05, 5))
                            .secondary("lab.park.norm", "#/op", around(t == StoreType.CHANNEL ? 2.0 : 0.0, 0.05, 5));
                    if (w.equals("contention")) {
                        f.mode("thrpt", "ops/us");
                    }
                    all.add(f);
                }
            }
        }
        return all.toArray(JmhFixture[]::new);
    }

    @Test
    void theWholeBookEvaluatesOnACompleteRunWithoutErrors() {
        // a complete run has a load run beside it, with the stores of the log's load-testing matrix
        RunData run = ClaimEvaluatorTest.run(fullRun()).withLoad(LoadJudgeTest.withLoad(
                LoadJudgeTest.point("SHARD", 16, 30_000, 31_000, 32_000), LoadJudgeTest.point("SHARD_POOLED", 16, 30_000, 31_000, 32_000),
                LoadJudgeTest.point("MEMORY", 16, 20_000, 21_000, 22_000), LoadJudgeTest.point("CHANNEL", 16, 9_000, 10_000, 11_000))
                .load());
        ClaimReport report = ClaimEvaluator.evaluate(BOOK, run);
        int expected = BOOK.claims().stream().mapToInt(c -> c.subject().size() > 1 ? c.subject().size() : 1).sum();
        assertThat(report.results()).noneSatisfy(r -> assertThat(r.why()).isNull());
        assertThat(report.results()).hasSize(expected);
        assertThat(report.results()).noneSatisfy(r -> assertThat(r.why()).contains("could not be evaluated"));
        // only the claims the machine or the lab cannot measure remain untestable (no layouts.json in this run)
        assertThat(report.results()).filteredOn(r -> r.verdict() == Verdict.NOT_TESTABLE)
                .extracting(r -> r.claim().id())
                .containsExactlyInAnyOrder("shard-32-goroutines", "shardunit-size-64-32", "shardunit-saves-512-bytes");
        assertThat(report.measuredOn()).isEqualTo("OpenJDK 64-Bit Server VM 17.0.15+6 on 2 cores (Test CPU)");
    }

    @TempDir
    Path reports;

    @Test
    void claimsCommandPrintsTheVerdictTableOfTheNewestRun() {
        String id = new RunRepository(reports).importJmh(JmhFixture.array(fullRun()).getBytes(StandardCharsets.UTF_8), "claims", "import");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"claims", "--reports", reports.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("against run " + id).contains("shard-read-speedup").contains("not testable here")
                .contains("channel-bytes-read");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        int jsonCode = Main.run(new String[] {"claims", id, "--json", "--reports", reports.toString()},
                new PrintStream(json, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(jsonCode).isZero();
        com.fasterxml.jackson.databind.JsonNode j;
        try {
            j = lab.core.record.Json.MAPPER.readTree(json.toByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(json.toString(StandardCharsets.UTF_8), e);
        }
        assertThat(j.path("runId").asText()).isEqualTo(id);
        assertThat(j.path("results").size()).isGreaterThan(40);
        for (com.fasterxml.jackson.databind.JsonNode r : j.path("results")) {
            assertThat(text).contains(r.path("id").asText() + (r.path("variant").isNull() ? "" : "")).contains(r.path("why").asText());
        }
    }
}
