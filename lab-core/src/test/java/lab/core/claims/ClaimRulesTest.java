package lab.core.claims;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.constant;
import static lab.core.compare.JmhFixture.reference;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.core.bench.run.RunPlan;
import lab.core.compare.JmhFixture;
import lab.core.record.BenchmarkResult;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules of issue 10, one behaviour per test, on fixture runs whose numbers make the
 * outcome known: holds only inside the band, straddling is inconclusive, missing data is never
 * contradicted, zero claims use a tolerance measured in the run, equivalence claims, pairing,
 * the pseudo-stores, scaling, conversions, JVM configurations and wait strategies.
 */
class ClaimRulesTest {

    static ClaimBook book(String... claims) {
        return ClaimEvaluatorTest.book(claims);
    }

    static RunData run(JmhFixture... results) {
        return ClaimEvaluatorTest.run(results);
    }

    static RunData withProfiled(List<JmhFixture> timing, List<JmhFixture> profiled) {
        return new RunData("fixture", JmhFixture.parse(timing.toArray(JmhFixture[]::new)),
                JmhFixture.parse(profiled.toArray(JmhFixture[]::new)), ClaimEvaluatorTest.TWO_CORES, null, "no layouts.json", null);
    }

    static ClaimResult only(ClaimBook b, RunData r) {
        return ClaimEvaluatorTest.only(b, r);
    }

    static final ClaimBook CHANNEL_VS_SHARD = book("""
        {"id": "c", "quote": "q", "logFigure": "f", "kind": "speedup", "workload": "read", "threads": "max",
         "subject": ["SHARD"], "baseline": "CHANNEL", "figures": [57, 64.8]}""");

    @Test
    void anIntervalAboveTheBandIsNotHolds() {
        // the review's case: 144x where the log says 57x. Overlap used to be enough for "holds".
        ClaimResult r = only(CHANNEL_VS_SHARD, run(
                result("read", "CHANNEL").threads(2).raw(around(1440, 0.04, 8)),
                result("read", "SHARD").threads(2).raw(around(10, 0.04, 8))));
        assertThat(r.verdict()).isEqualTo(Verdict.DIRECTION_ONLY);
        assertThat(r.why()).contains("lies above the log's band");
        assertThat(r.figure().band()[1]).isEqualTo(64.8 * 1.2);
        // what ./lab compare RUN --stores takes: baseline, subject
        assertThat(r.compared()).containsExactly("CHANNEL", "SHARD");
    }

    @Test
    void anIntervalAcrossABandEdgeIsInconclusiveWithTheEdgeNamed() {
        // ~78x with a wide interval: crosses the upper edge 77.8x
        ClaimResult r = only(CHANNEL_VS_SHARD, run(
                result("read", "CHANNEL").threads(2).raw(around(780, 0.5, 8)),
                result("read", "SHARD").threads(2).raw(around(10, 0.5, 8))));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.why()).contains("crosses the log's band's");
    }

    static final ClaimBook CHANNEL_BYTES = ClaimEvaluatorTest.CHANNEL_BYTES;

    @Test
    void aValueAboveTheBandIsNotHolds() {
        // the review's case: 607 B/op against 192-247
        ClaimResult r = only(CHANNEL_BYTES, run(ClaimEvaluatorTest.channelBytes(607)));
        assertThat(r.verdict()).isEqualTo(Verdict.DIRECTION_ONLY);
        assertThat(r.why()).contains("lies above the log's band");
        ClaimResult across = only(CHANNEL_BYTES, run(result("read", "CHANNEL").raw(around(700, 0.05, 6))
                .secondary("gc.alloc.rate.norm", "B/op", around(296, 0.2, 6))));
        assertThat(across.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(across.why()).contains("crosses the band's upper edge");
    }

    @Test
    void missingDataIsNotTestableNeverContradicted() {
        ClaimResult nan = only(CHANNEL_BYTES, run(result("read", "CHANNEL").raw(around(700, 0.05, 6))
                .secondary("gc.alloc.rate.norm", "B/op", new double[] {200, Double.NaN, 201, 202, 199, 200})));
        assertThat(nan.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(nan.why()).contains("is NaN");
        ClaimResult speedNaN = only(CHANNEL_VS_SHARD, run(
                result("read", "CHANNEL").threads(2).raw(new double[] {Double.NaN, Double.NaN}),
                result("read", "SHARD").threads(2).raw(around(10, 0.04, 8))));
        assertThat(speedNaN.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
    }

    static final ClaimBook CTXSW = book("""
        {"id": "x", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1,
         "metric": "lab.ctxsw.voluntary.norm", "subject": ["CHANNEL"], "figures": [2, 4]}""");

    @Test
    void countsComeFromTheProfiledForkAndAnInactiveAgentIsNotTestable() {
        JmhFixture timing = result("read", "CHANNEL").forks(20000, 21000, 19000, 20500, 19500);
        ClaimResult r = only(CTXSW, withProfiled(List.of(timing),
                List.of(result("read", "CHANNEL").raw(around(22000, 0.05, 6)).secondary("lab.ctxsw.voluntary.norm", "#/op", around(2.5, 0.05, 6)))));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.measured()).contains("iterations of the profiled fork");
        ClaimResult inactive = only(CTXSW, withProfiled(List.of(timing), List.of(result("read", "CHANNEL").raw(around(22000, 0.05, 5)))));
        assertThat(inactive.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(inactive.why()).contains("agent profiler was not active");
    }

    static final ClaimBook ZERO = book("""
        {"id": "z", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1, "zero": true,
         "metric": "gc.alloc.rate.norm", "subject": ["MEMORY", "SHARD", "CONCURRENT"], "figures": [0]}""");

    static JmhFixture floor() {
        // 5 ns/op, and what JMH reports for code that allocates nothing: 0.002-0.004 B/op
        return reference(RunPlan.READ_FLOOR).forks(5, 5.1, 4.9, 5, 5.05, 4.95)
                .secondary("gc.alloc.rate.norm", "B/op", new double[] {0.003}, new double[] {0.004}, new double[] {0.002},
                        new double[] {0.003}, new double[] {0.0035}, new double[] {0.003});
    }

    static JmhFixture reads(String store, double ns, double... bytes) {
        double[][] b = new double[bytes.length][];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = new double[] {bytes[i]};
        }
        double[] forks = new double[bytes.length];
        for (int i = 0; i < forks.length; i++) {
            forks[i] = ns * (1 + 0.005 * (i % 3 - 1));
        }
        return result("read", store).forks(forks).secondary("gc.alloc.rate.norm", "B/op", b);
    }

    @Test
    void zeroClaimsUseTheReadFloorsBackgroundScaledByOperationsAsTolerance() {
        // MEMORY runs 4x slower than the floor: tolerance = 0.004 x 4 = 0.016 B/op
        ClaimReport report = ClaimEvaluator.evaluate(ZERO, run(floor(),
                reads("MEMORY", 20, 0.010, 0.012, 0.011, 0.009, 0.010, 0.010),
                reads("SHARD", 20, 0.5, 0.6, 0.55, 0.5, 0.52, 0.5),
                reads("CONCURRENT", 20, 0.010, 0.012, 0.011, 0.009, 0.030, 0.010)));
        assertThat(report.results()).extracting(ClaimResult::verdict)
                .containsExactly(Verdict.HOLDS, Verdict.CONTRADICTED, Verdict.INCONCLUSIVE);
        ClaimResult memory = report.results().get(0);
        assertThat(memory.figure().band()[1]).isCloseTo(0.016, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(memory.uncertainty()).contains("zero tolerance 0.0160 B/op").contains("read floor");
        assertThat(memory.figure().tolerance()).contains("4.000");
    }

    static final ClaimBook ZERO_AT_GO_RESOLUTION = book("""
        {"id": "z", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1, "zero": true,
         "resolution": 1, "metric": "gc.alloc.rate.norm", "subject": ["MEMORY", "SHARD", "CONCURRENT"], "figures": [0]}""");

    @Test
    void zeroClaimsAreNeverTighterThanTheLogsResolution() {
        // background 0.016 B/op, but the log's "0 B/op" is Go's truncated integer: below 1 B/op
        ClaimReport report = ClaimEvaluator.evaluate(ZERO_AT_GO_RESOLUTION, run(floor(),
                reads("MEMORY", 20, 0.010, 0.012, 0.011, 0.009, 0.030, 0.010),
                reads("SHARD", 20, 16.0, 16.1, 16.0, 15.9, 16.0, 16.0),
                reads("CONCURRENT", 20, 0.5, 0.9, 1.2, 1.3, 1.1, 0.5)));
        assertThat(report.results()).extracting(ClaimResult::verdict)
                .containsExactly(Verdict.HOLDS, Verdict.CONTRADICTED, Verdict.INCONCLUSIVE);
        ClaimResult memory = report.results().get(0);
        assertThat(memory.figure().band()[1]).isEqualTo(1.0);
        assertThat(memory.figure().tolerance()).contains("the log's resolution").contains("background is 0.0160 B/op");
    }

    static final ClaimBook ZERO_AT_TWO_THREADS = book("""
        {"id": "z2", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 2, "zero": true,
         "metric": "gc.alloc.rate.norm", "subject": ["MEMORY"], "figures": [0]}""");

    @Test
    void zeroToleranceTakesTheReadFloorAtTheStoresThreadCount() {
        // the background comes per thread too: at 2 threads the floor shows 0.04 B/op; MEMORY runs 4x fewer
        // operations than that floor (tolerance 0.16), but only 2x fewer than the one-thread floor (0.008)
        JmhFixture floorAtTwo = reference(RunPlan.READ_FLOOR).threads(2).forks(5, 5.1, 4.9, 5, 5.05, 4.95)
                .secondary("gc.alloc.rate.norm", "B/op", new double[] {0.03}, new double[] {0.04}, new double[] {0.02},
                        new double[] {0.03}, new double[] {0.035}, new double[] {0.03});
        JmhFixture memory = result("read", "MEMORY").threads(2).forks(20, 20.2, 19.8, 20, 20.1, 19.9).secondary("gc.alloc.rate.norm",
                "B/op", new double[] {0.05}, new double[] {0.06}, new double[] {0.05}, new double[] {0.055}, new double[] {0.05},
                new double[] {0.05});
        ClaimResult r = ClaimEvaluator.evaluate(ZERO_AT_TWO_THREADS, run(floor(), floorAtTwo, memory)).results().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.figure().tolerance()).contains("at 2 threads");
    }

    @Test
    void zeroClaimsWithoutAReadFloorAreNotTestable() {
        ClaimResult r = ClaimEvaluator.evaluate(ZERO, run(reads("MEMORY", 20, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01))).results().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(r.why()).contains("no read floor");
    }

    static final ClaimBook NO_CHANGE = book("""
        {"id": "e", "quote": "q", "logFigure": "f", "kind": "speedup", "workload": "read", "threads": "max",
         "subject": ["SHARD_POOLED"], "baseline": "SHARD_UNIT", "figures": [1.016], "rule": "equivalence", "band": [0.9, 1.111]}""");

    @Test
    void equivalenceClaimsHoldInsideTheirBandWithoutSignificance() {
        ClaimResult same = only(NO_CHANGE, run(
                result("read", "SHARD_UNIT").threads(2).raw(around(12, 0.02, 8)),
                result("read", "SHARD_POOLED").threads(2).raw(around(12.1, 0.02, 8))));
        assertThat(same.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(same.why()).contains("equivalence band");
        ClaimResult twice = only(NO_CHANGE, run(
                result("read", "SHARD_UNIT").threads(2).raw(around(12, 0.02, 8)),
                result("read", "SHARD_POOLED").threads(2).raw(around(24, 0.02, 8))));
        assertThat(twice.verdict()).isEqualTo(Verdict.CONTRADICTED);
        ClaimResult noisy = only(NO_CHANGE, run(
                result("read", "SHARD_UNIT").threads(2).raw(around(12, 0.5, 8)),
                result("read", "SHARD_POOLED").threads(2).raw(around(12, 0.5, 8))));
        assertThat(noisy.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void storesOfOneRunArePairedByRoundWhenTheRunHasEnoughRounds() {
        double[] drift = {1, 1.4, 0.8, 1.9, 1.1, 1.6};
        double[] memory = new double[6];
        double[] shard = new double[6];
        for (int i = 0; i < 6; i++) {
            memory[i] = 150 * drift[i];
            shard[i] = 10 * drift[i] * (1 + 0.01 * i);
        }
        ClaimResult r = only(ClaimEvaluatorTest.FIFTEEN, run(
                result("read", "MEMORY").threads(2).forks(memory).inRounds(),
                result("read", "SHARD").threads(2).forks(shard).inRounds()));
        assertThat(r.measured()).contains("paired by round, 6 rounds");
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void bestIsTheFastestCandidateAndFloorsAreReferenceRows() {
        ClaimBook b = book("""
            {"id": "f", "quote": "q", "logFigure": "f", "kind": "information", "workload": "read", "threads": 1,
             "subject": ["BEST"], "candidates": ["MEMORY", "SHARD", "CONCURRENT"], "baseline": "READ_FLOOR", "figures": [1],
             "reason": "no log figure"}""");
        ClaimResult r = only(b, run(floor(), reads("MEMORY", 20, 0, 0, 0, 0, 0, 0), reads("SHARD", 12, 0, 0, 0, 0, 0, 0),
                reads("CONCURRENT", 8, 0, 0, 0, 0, 0, 0)));
        assertThat(r.variant()).isEqualTo("BEST=CONCURRENT");
        assertThat(r.verdict()).isEqualTo(Verdict.INFORMATION);
        // the floor reads at 5 ns, CONCURRENT at 8: the best store is 1.6x slower than the floor
        assertThat(r.ours()).isEqualTo("0.6250×"); // to the precision its interval supports (Figures)
        assertThat(r.measured()).contains("CONCURRENT vs READ_FLOOR");
        assertThat(r.compared()).isEmpty();
    }

    static final ClaimBook LINEAR = book("""
        {"id": "l", "quote": "q", "logFigure": "f", "kind": "scaling", "workload": "read", "requiresCores": 2,
         "subject": ["CONCURRENT"]}""");

    @Test
    void scalingIsThroughputAtTheMostThreadsOverOneThread() {
        ClaimResult linear = only(LINEAR, run(
                result("read", "CONCURRENT").raw(around(10, 0.02, 8)),
                result("read", "CONCURRENT").threads(2).raw(around(10.2, 0.02, 8))));
        assertThat(linear.ours()).isEqualTo("1.961×");
        assertThat(linear.verdict()).isEqualTo(Verdict.HOLDS);
        ClaimResult flat = only(LINEAR, run(
                result("read", "CONCURRENT").raw(around(10, 0.02, 8)),
                result("read", "CONCURRENT").threads(2).raw(around(20, 0.02, 8))));
        assertThat(flat.verdict()).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void conversionsTurnOurFiguresIntoTheLogsArithmetic() {
        ClaimBook rps = book("""
            {"id": "r", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1,
             "subject": ["CHANNEL"], "convert": "perSecond", "figures": [1500]}""");
        // 666 ns/op is 1.5 million operations a second, not 1,500
        ClaimResult r = only(rps, run(result("read", "CHANNEL").raw(around(666, 0.02, 8))));
        assertThat(r.ours()).isEqualTo("1,502,000 ops/s"); // to the thousands its interval supports
        assertThat(r.verdict()).isEqualTo(Verdict.CONTRADICTED);
        ClaimBook annual = book("""
            {"id": "a", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1,
             "metric": "gc.alloc.rate.norm", "subject": ["CHANNEL"], "convert": "annualGB", "figures": [6, 8]}""");
        // 200 B/op x 1000/s x a year = 6,307 GB: the log's "6-8 GB" is off by a thousand
        ClaimResult a = only(annual, run(ClaimEvaluatorTest.channelBytes(200)));
        assertThat(a.ours()).isEqualTo("6,307 GB/year at 1000 ops/s");
        assertThat(a.verdict()).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void claimsMarkedPerJvmAreJudgedOnEachConfiguration() {
        ClaimBook b = book("""
            {"id": "j", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1, "eachJvm": true,
             "metric": "gc.alloc.rate.norm", "subject": ["MEMORY"], "figures": [0], "band": [0, 1]}""");
        RunData r = run(
                result("read", "MEMORY").raw(around(20, 0.02, 6)).secondary("gc.alloc.rate.norm", "B/op", around(0.01, 0.1, 6)).jvm("jdk17"),
                result("read", "MEMORY").raw(around(20, 0.02, 6)).secondary("gc.alloc.rate.norm", "B/op", around(16, 0.01, 6)).jvm("jdk25"));
        ClaimReport report = ClaimEvaluator.evaluate(b, r);
        assertThat(report.results()).extracting(ClaimResult::variant).containsExactly("MEMORY on jdk17", "MEMORY on jdk25");
        assertThat(report.results()).extracting(ClaimResult::verdict).containsExactly(Verdict.HOLDS, Verdict.CONTRADICTED);
    }

    @Test
    void eachWaitStrategyOfAnActorStoreIsItsOwnReading() {
        ClaimResult[] r = ClaimEvaluator.evaluate(CHANNEL_VS_SHARD, run(
                result("read", "CHANNEL").threads(2).raw(around(600, 0.04, 8)).waitStrategy("blocking"),
                result("read", "CHANNEL").threads(2).raw(around(100, 0.04, 8)).waitStrategy("busy_spin"),
                result("read", "SHARD").threads(2).raw(around(10, 0.04, 8)))).results().toArray(ClaimResult[]::new);
        // the claim's subject is SHARD: one reading; the baseline takes its first strategy
        assertThat(r).hasSize(1);
        ClaimBook actor = book("""
            {"id": "w", "quote": "q", "logFigure": "f", "kind": "speedup", "workload": "read", "threads": "max",
             "subject": ["CHANNEL"], "baseline": "SHARD", "figures": [0.0175]}""");
        List<ClaimResult> readings = ClaimEvaluator.evaluate(actor, run(
                result("read", "CHANNEL").threads(2).raw(around(600, 0.04, 8)).waitStrategy("blocking"),
                result("read", "CHANNEL").threads(2).raw(around(100, 0.04, 8)).waitStrategy("busy_spin"),
                result("read", "SHARD").threads(2).raw(around(10, 0.04, 8)))).results();
        assertThat(readings).extracting(ClaimResult::variant).containsExactly("CHANNEL wait=blocking", "CHANNEL wait=busy_spin");
        assertThat(readings.get(0).measured()).contains("wait blocking");
    }

    @Test
    void unusedHelpersKeepTheirMeaning() {
        assertThat(constant(0, 2)).containsExactly(0, 0);
        List<BenchmarkResult> parsed = JmhFixture.parse(result("read", "MEMORY").forks(1, 2).rounds(3, 4));
        assertThat(parsed.get(0).forkRounds()).containsExactly(3, 4);
    }

    @Test
    void beyondTheLogClaimsAreNotTestableWithoutTheirRowsAndNameTheWaitStrategy() {
        List<ClaimResult> beyond = ClaimEvaluator.evaluate(ClaimBook.load(), run(
                result("read", "CHANNEL").raw(around(20000, 0.04, 8)).waitStrategy("blocking"),
                result("read", "MEMORY").raw(around(100, 0.04, 8)))).results().stream()
                .filter(r -> r.claim().beyondTheLog()).toList();
        assertThat(beyond).isNotEmpty();
        assertThat(beyond).filteredOn(r -> r.claim().id().equals("beyond-actor-read-1")).singleElement()
                .satisfies(r -> {
                    assertThat(r.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
                    assertThat(r.why()).contains("the run lacks DISRUPTOR on read at 1 thread");
                });
        assertThat(beyond).filteredOn(r -> r.claim().id().equals("beyond-channel-vs-wakeup")).singleElement()
                .satisfies(r -> assertThat(r.why()).contains("wake-up floor"));
        ClaimResult actor = ClaimEvaluator.evaluate(ClaimBook.load(), run(
                result("read", "CHANNEL").raw(around(20000, 0.04, 8)).waitStrategy("blocking"),
                result("read", "DISRUPTOR").raw(around(400, 0.04, 8)).waitStrategy("blocking"))).results().stream()
                .filter(r -> r.claim().id().equals("beyond-actor-read-1")).findFirst().orElseThrow();
        // the same actor done the JVM way is 50x faster: "no path to improvement" is contradicted
        assertThat(actor.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(actor.measured()).contains("DISRUPTOR vs CHANNEL, wait blocking");
        // JMH records the wait param on every store's row; only the actors' is named
        ClaimResult memory = only(ClaimEvaluatorTest.FIFTEEN, run(
                result("read", "MEMORY").threads(2).raw(around(150, 0.04, 8)).waitStrategy("auto"),
                result("read", "SHARD").threads(2).raw(around(10, 0.04, 8)).waitStrategy("auto")));
        assertThat(memory.measured()).doesNotContain("wait");
        assertThat(ClaimsText.format(ClaimEvaluator.evaluate(ClaimBook.load(), run(
                result("read", "CHANNEL").raw(around(20000, 0.04, 8)))))).contains("— beyond the log:");
    }
}
