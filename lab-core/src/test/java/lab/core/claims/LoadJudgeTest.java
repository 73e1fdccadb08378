package lab.core.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.core.record.LoadResults;
import org.junit.jupiter.api.Test;

/** The log's requests-per-second estimates against a load run: each verdict of the value rule, and "not testable". */
class LoadJudgeTest {

    static final String AT_LEAST_50K = """
        {"id": "rps", "quote": "q", "logFigure": "50,000+", "kind": "load", "subject": ["SHARD"], "figures": [50000],
         "direction": "above", "directionBound": 50000}""";
    static final String BELOW_2000 = """
        {"id": "rps", "quote": "q", "logFigure": "< 2000", "kind": "load", "subject": ["CHANNEL"], "figures": [2000],
         "direction": "below", "directionBound": 2000}""";
    static final String RANGE_500_800 = """
        {"id": "rps", "quote": "q", "logFigure": "500-800", "kind": "load", "subject": ["CHANNEL"], "figures": [500, 800]}""";

    /** A store at two connection counts; the second is its best, at the given requests/s of each round (10 s intervals). */
    static LoadResults.Point point(String store, int connections, double... rps) {
        List<LoadResults.Sample> rounds = new ArrayList<>();
        for (int r = 0; r < rps.length; r++) {
            rounds.add(new LoadResults.Sample(r, Math.round(rps[r] * 10), 10, 0, new LoadResults.Errors(0, 0, 0, 0),
                    new LoadResults.Latency(100, 200, 300, 400, 150)));
        }
        return new LoadResults.Point(store, connections, 2, rounds, null);
    }

    /** Six rounds from lo to hi, evenly spaced: the fewest whose order-statistic interval reaches 95% (96.9%). */
    static double[] six(double lo, double hi) {
        double[] x = new double[6];
        for (int i = 0; i < 6; i++) {
            x[i] = lo + (hi - lo) * i / 5;
        }
        return x;
    }

    static RunData withLoad(LoadResults.Point... points) {
        LoadResults r = new LoadResults(LoadResults.SCHEMA, null, List.of(points));
        return ClaimEvaluatorTest.run().withLoad(new RunData.LoadRun("20261129-120000-load", r, ClaimEvaluatorTest.TWO_CORES));
    }

    static ClaimResult judge(String claim, RunData run) {
        return ClaimEvaluatorTest.only(ClaimEvaluatorTest.book(claim), run);
    }

    @Test
    void aLowerBoundHoldsWhenTheWholeIntervalOfTheBestConnectionCountIsAboveIt() {
        RunData run = withLoad(point("SHARD", 1, six(20_000, 22_000)), point("SHARD", 16, six(60_000, 64_000)));
        ClaimResult r = judge(AT_LEAST_50K, run);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.figure().value()).isEqualTo(62_000);
        assertThat(r.figure().lo()).isEqualTo(60_000);
        assertThat(r.measured()).contains("load run 20261129-120000-load").contains("(16 of [1, 16])").contains("n = 6 rounds");
        assertThat(r.figure().band()).containsExactly(50_000, Double.POSITIVE_INFINITY);
    }

    @Test
    void belowTheBoundContradictsAndAcrossItIsInconclusive() {
        assertThat(judge(AT_LEAST_50K, withLoad(point("SHARD", 16, six(9_000, 11_000)))).verdict())
                .isEqualTo(Verdict.CONTRADICTED);
        assertThat(judge(AT_LEAST_50K, withLoad(point("SHARD", 16, six(45_000, 55_000)))).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aCeilingAndARangeAreJudgedOnTheirBands() {
        RunData channel = withLoad(point("CHANNEL", 64, six(4_000, 5_000)));
        ClaimResult ceiling = judge(BELOW_2000, channel);
        assertThat(ceiling.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(ceiling.why()).contains("above");
        assertThat(judge(BELOW_2000, withLoad(point("CHANNEL", 64, six(1_000, 1_400)))).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(judge(RANGE_500_800, withLoad(point("CHANNEL", 64, six(600, 700)))).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(judge(RANGE_500_800, channel).verdict()).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void threeRoundsCannotDecideTheirWidestIntervalIsA75PercentOne() {
        ClaimResult r = judge(AT_LEAST_50K, withLoad(point("SHARD", 16, 90_000, 91_000, 92_000)));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.why()).contains("n = 3").contains("75.0%").contains("it would have said: holds").contains("--rounds 6");
    }

    @Test
    void withoutALoadRunOrTheStoreOrASecondRoundItIsNotTestable() {
        ClaimResult none = judge(AT_LEAST_50K, ClaimEvaluatorTest.run());
        assertThat(none.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(none.why()).contains("no complete load run").contains("./lab load");

        ClaimResult missing = judge(AT_LEAST_50K, withLoad(point("MEMORY", 16, 1, 2, 3)));
        assertThat(missing.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(missing.why()).contains("did not serve SHARD");

        ClaimResult oneRound = judge(AT_LEAST_50K, withLoad(point("SHARD", 16, 90_000)));
        assertThat(oneRound.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(oneRound.why()).contains("one round has no interval");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path reports;

    @Test
    void aJmhRunIsJudgedWithTheNewestCompleteLoadRunBesideItAndALoadRunIsNeverTheClaimsRun() throws Exception {
        lab.core.record.RunRepository repo = new lab.core.record.RunRepository(reports);
        String jmh = repo.importJmh(lab.core.compare.JmhFixture.array(ClaimEvaluatorTest.read("SHARD", 10))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "jmh", "import");
        lab.core.record.RunWriter w = repo.begin("load", java.time.Instant.now().plusSeconds(60));
        w.writeFile(lab.core.record.StoredRun.LOAD, lab.core.record.Json.MAPPER.writeValueAsBytes(
                new LoadResults(LoadResults.SCHEMA, null, List.of(point("SHARD", 16, 1, 2, 3)))));
        String load = w.commit(new lab.core.record.RunManifest(lab.core.record.RunManifest.SCHEMA, null, "", lab.core.record.RunStatus.COMPLETE,
                "load", java.time.Instant.now().plusSeconds(60), java.time.Instant.now().plusSeconds(61), null, null, null, null, null, null,
                lab.core.record.RunKind.LOAD, null, null, null)).id();

        assertThat(repo.newestComplete(lab.core.record.RunKind.JMH).orElseThrow().id()).isEqualTo(jmh);
        RunData data = RunData.of(repo.find(jmh).orElseThrow());
        assertThat(data.load().id()).isEqualTo(load);
        assertThat(data.load().results().stores()).containsExactly("SHARD");
        assertThat(RunData.of(repo.find(load).orElseThrow()).load().id()).isEqualTo(load);
    }

    @Test
    void theShippedBookHasTheLogsLoadEstimates() {
        List<String> ids = ClaimBook.load().claims().stream().filter(c -> c.kind() == Claim.Kind.LOAD).map(Claim::id).toList();
        assertThat(ids).contains("load-rps-shard", "load-rps-gopool", "load-rps-memory", "load-rps-channel",
                "load-rps-channel-150", "load-rps-channel-1500", "load-rps-channel-2000");
    }
}
