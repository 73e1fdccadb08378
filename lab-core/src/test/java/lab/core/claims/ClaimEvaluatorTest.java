package lab.core.claims;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.constant;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.core.compare.JmhFixture;
import lab.core.record.BenchmarkResult;
import lab.core.record.Layouts;
import lab.core.record.Environment;
import org.junit.jupiter.api.Test;

/**
 * Verdicts on fixture runs whose numbers are chosen so that each verdict is known in advance:
 * the rules of {@link Claim#method()}, one at a time.
 */
class ClaimEvaluatorTest {

    static final Environment TWO_CORES = new Environment("Debian", "17.0.15+6", "OpenJDK 64-Bit Server VM", null, null,
            "Linux", null, "amd64", "Test CPU", 2, null, null, null, null, null, null, null);

    static ClaimBook book(String... claims) {
        String json = "{\"claims\": [" + String.join(",", claims) + "]}";
        try {
            return ClaimBook.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String speedup(String id, String subject, String baseline, String workload, String threads, double figure) {
        return """
            {"id": "%s", "quote": "q", "logFigure": "f", "kind": "speedup", "workload": "%s", "threads": "%s",
             "subject": ["%s"], "baseline": "%s", "figures": [%s]}""".formatted(id, workload, threads, subject, baseline, figure);
    }

    static RunData run(JmhFixture... results) {
        return run(null, results);
    }

    static RunData run(Layouts layouts, JmhFixture... results) {
        List<BenchmarkResult> parsed = JmhFixture.parse(results);
        return new RunData("fixture", parsed, TWO_CORES, layouts, layouts == null ? "no layouts.json" : null);
    }

    static ClaimResult only(ClaimBook book, RunData run) {
        ClaimReport report = ClaimEvaluator.evaluate(book, run);
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    static JmhFixture read(String store, double centre) {
        return result("read", store).threads(2).raw(around(centre, 0.04, 8));
    }

    static final ClaimBook FIFTEEN = book(speedup("s", "SHARD", "MEMORY", "read", "max", 15.2));

    @Test
    void speedUpInsideTheBandHolds() {
        ClaimResult r = only(FIFTEEN, run(read("MEMORY", 150), read("SHARD", 10)));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.ours()).isEqualTo("15.00×");
        assertThat(r.measured()).contains("read, 2 threads, SHARD vs MEMORY").contains("8+8 iterations");
    }

    @Test
    void writeTimesSayTheyMetAnOldDatasetReadTimesAndBytesDoNot() {
        ClaimBook book = book(speedup("w", "SHARD", "MEMORY", "write", "max", 3.4), speedup("r", "SHARD", "MEMORY", "read", "max", 15.2),
                """
            {"id": "b", "quote": "q", "logFigure": "f", "kind": "value", "workload": "write", "threads": "1",
             "subject": ["SHARD"], "metric": "gc.alloc.rate.norm", "figures": [88]}""");
        RunData run = run(read("MEMORY", 150), read("SHARD", 10), result("write", "MEMORY").threads(2).raw(around(300, 0.04, 8)),
                result("write", "SHARD").threads(2).raw(around(100, 0.04, 8)));
        Map<String, List<String>> caveats = new HashMap<>();
        ClaimEvaluator.evaluate(book, run).results().forEach(r -> caveats.put(r.claim().id(), r.caveats()));
        assertThat(caveats.get("w")).contains(Caveats.OLD_DATASET);
        assertThat(caveats.get("r")).doesNotContain(Caveats.OLD_DATASET);
        assertThat(caveats.get("b")).doesNotContain(Caveats.OLD_DATASET);
    }

    @Test
    void significantButSmallerSpeedUpHoldsInDirectionOnly() {
        ClaimResult r = only(FIFTEEN, run(read("MEMORY", 150), read("SHARD", 50)));
        assertThat(r.verdict()).isEqualTo(Verdict.DIRECTION_ONLY);
        assertThat(r.why()).contains("whole interval").contains("lies below the log's band");
    }

    @Test
    void significantSlowDownContradicts() {
        ClaimResult r = only(FIFTEEN, run(read("MEMORY", 150), read("SHARD", 300)));
        assertThat(r.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(r.why()).contains("opposite direction");
    }

    @Test
    void noDifferenceWhereTheLogClaimsFifteenTimesContradicts() {
        ClaimResult r = only(FIFTEEN, run(
                result("read", "MEMORY").threads(2).raw(new double[] {148, 152, 150, 149, 151, 147, 153, 150}),
                result("read", "SHARD").threads(2).raw(new double[] {151, 149, 150, 152, 148, 150, 153, 147})));
        assertThat(r.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(r.why()).contains("whole interval").contains("lies below the log's band").contains("p = ");
    }

    @Test
    void tooFewSamplesAreInconclusive() {
        ClaimResult r = only(FIFTEEN, run(
                result("read", "MEMORY").threads(2).raw(around(150, 0.04, 3)),
                result("read", "SHARD").threads(2).raw(around(10, 0.04, 3))));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.why()).contains("not a 95% interval").contains("smallest attainable p is 0.100");
    }

    @Test
    void smallClaimWithinNoiseIsInconclusive() {
        ClaimBook fivePercent = book(speedup("g", "SHARD", "SHARD_POOLED", "getAll", "1", 1.05));
        ClaimResult r = only(fivePercent, run(
                result("getAll", "SHARD_POOLED").raw(new double[] {100, 104, 98, 102, 101, 99}),
                result("getAll", "SHARD").raw(new double[] {99, 103, 100, 101, 97, 102})));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void maxThreadsIsTheHighestCountWhereEveryStoreWasMeasured() {
        ClaimResult r = only(FIFTEEN, run(
                result("read", "MEMORY").raw(around(20, 0.04, 8)),
                result("read", "SHARD").raw(around(18, 0.04, 8)),
                read("MEMORY", 150), read("SHARD", 10),
                result("read", "MEMORY").threads(4).raw(around(20, 0.04, 8))));
        assertThat(r.measured()).contains("2 threads");
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.caveats()).anySatisfy(c -> assertThat(c).contains("Measured at 2 threads"));
    }

    @Test
    void throughputDirectionIsHigherIsBetter() {
        ClaimBook b = book(speedup("c", "CONCURRENT", "MEMORY", "contention", "max", 10));
        ClaimResult r = only(b, run(
                result("contention", "MEMORY").threads(2).mode("thrpt", "ops/us").raw(around(10, 0.04, 8)),
                result("contention", "CONCURRENT").threads(2).mode("thrpt", "ops/us").raw(around(100, 0.04, 8))));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.ours()).isEqualTo("10.00×");
    }

    @Test
    void missingWorkloadStoreCoresOrMetricAreNotTestableWithTheReason() {
        ClaimResult noWorkload = only(FIFTEEN, run(result("write", "MEMORY").raw(around(1, 0.1, 5))));
        assertThat(noWorkload.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(noWorkload.why()).contains("lacks the read workload");

        ClaimResult noStore = only(book(speedup("s", "SHARD", "MEMORY", "read", "1", 15.2)),
                run(result("read", "MEMORY").raw(around(1, 0.1, 5))));
        assertThat(noStore.why()).contains("lacks SHARD on read at 1 thread");

        ClaimBook needs32 = book("""
            {"id": "c32", "quote": "q", "logFigure": "f", "kind": "speedup", "workload": "mixed", "threads": 32,
             "requiresCores": 32, "metric": "lab.lock.contended.norm", "subject": ["SHARD"], "baseline": "MEMORY", "figures": [32]}""");
        ClaimResult cores = only(needs32, run(read("MEMORY", 1)));
        assertThat(cores.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(cores.why()).contains("needs 32 threads").contains("this machine has 2 cores");

        ClaimBook contended = book("""
            {"id": "c", "quote": "q", "logFigure": "f", "kind": "speedup", "workload": "read", "threads": "max",
             "metric": "lab.lock.contended.norm", "subject": ["SHARD"], "baseline": "MEMORY", "figures": [32]}""");
        ClaimResult noMetric = only(contended, run(read("MEMORY", 150), read("SHARD", 10)));
        assertThat(noMetric.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(noMetric.why()).contains("no lab.lock.contended.norm");
    }

    @Test
    void contentionFallingToZeroIsMoreThanClaimedAndNoContentionAnywhereIsInconclusive() {
        ClaimBook contended = book("""
            {"id": "c", "quote": "q", "logFigure": "f", "kind": "speedup", "workload": "mixed", "threads": "max",
             "metric": "lab.lock.contended.norm", "subject": ["SHARD"], "baseline": "MEMORY", "figures": [32]}""");
        ClaimResult toZero = only(contended, run(
                result("mixed", "MEMORY").threads(2).raw(around(100, 0.1, 6)).secondary("lab.lock.contended.norm", "#/op", around(0.3, 0.2, 6)),
                result("mixed", "SHARD").threads(2).raw(around(10, 0.1, 6)).secondary("lab.lock.contended.norm", "#/op", constant(0, 6))));
        assertThat(toZero.ours()).isEqualTo("∞×");
        // the reduction is unbounded: larger than the log's 32x, so right in direction, not in size
        assertThat(toZero.verdict()).isEqualTo(Verdict.DIRECTION_ONLY);
        assertThat(toZero.why()).contains("lies above");

        ClaimResult none = only(contended, run(
                result("mixed", "MEMORY").threads(2).raw(around(100, 0.1, 6)).secondary("lab.lock.contended.norm", "#/op", constant(0, 6)),
                result("mixed", "SHARD").threads(2).raw(around(10, 0.1, 6)).secondary("lab.lock.contended.norm", "#/op", constant(0, 6))));
        assertThat(none.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(none.why()).contains("nothing to reduce");
    }

    static final ClaimBook CHANNEL_BYTES = book("""
        {"id": "b", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1,
         "metric": "gc.alloc.rate.norm", "subject": ["CHANNEL"], "figures": [192, 247],
         "direction": "above", "directionBound": 8}""");

    static JmhFixture channelBytes(double bytes) {
        return result("read", "CHANNEL").raw(around(700, 0.05, 6)).secondary("gc.alloc.rate.norm", "B/op", around(bytes, 0.01, 6));
    }

    @Test
    void valueInsideTheRangeHoldsOutsideButAllocatingIsDirectionAndZeroContradicts() {
        assertThat(only(CHANNEL_BYTES, run(channelBytes(200))).verdict()).isEqualTo(Verdict.HOLDS);
        ClaimResult fewer = only(CHANNEL_BYTES, run(channelBytes(80)));
        assertThat(fewer.verdict()).isEqualTo(Verdict.DIRECTION_ONLY);
        assertThat(fewer.ours()).isEqualTo("80.00 B/op");
        ClaimResult none = only(CHANNEL_BYTES, run(channelBytes(0)));
        assertThat(none.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(none.why()).contains("lies below");
    }

    @Test
    void zeroAllocationClaimUsesItsExplicitBand() {
        ClaimBook zero = book("""
            {"id": "z", "quote": "q", "logFigure": "f", "kind": "value", "workload": "read", "threads": 1,
             "metric": "gc.alloc.rate.norm", "subject": ["MEMORY", "SHARD"], "figures": [0], "band": [0, 1]}""");
        ClaimReport report = ClaimEvaluator.evaluate(zero, run(
                result("read", "MEMORY").raw(around(20, 0.05, 6)).secondary("gc.alloc.rate.norm", "B/op", around(0.002, 0.5, 6)),
                result("read", "SHARD").raw(around(20, 0.05, 6)).secondary("gc.alloc.rate.norm", "B/op", around(16, 0.01, 6))));
        assertThat(report.results()).extracting(ClaimResult::variant).containsExactly("MEMORY", "SHARD");
        assertThat(report.results()).extracting(ClaimResult::verdict).containsExactly(Verdict.HOLDS, Verdict.CONTRADICTED);
    }

    @Test
    void throughputConvertsToWallNanosecondsPerOperation() {
        ClaimBook sub = book("""
            {"id": "x", "quote": "q", "logFigure": "f", "kind": "value", "workload": "contention", "threads": "max",
             "subject": ["CONCURRENT"], "convert": "nsPerOp", "figures": [0.36], "direction": "below", "directionBound": 1.0}""");
        // 2500 ops/us of all threads = 0.4 ns of wall time per op: within 0.36 x/÷ 1.2.
        // 500 ops/us = 2 ns/op: outside the band and not sub-nanosecond.
        ClaimResult fast = only(sub, run(result("contention", "CONCURRENT").threads(2).mode("thrpt", "ops/us").raw(around(2500, 0.02, 6))));
        assertThat(fast.ours()).isEqualTo("0.4000 ns/op");
        assertThat(fast.verdict()).isEqualTo(Verdict.HOLDS);
        ClaimResult slow = only(sub, run(result("contention", "CONCURRENT").threads(2).mode("thrpt", "ops/us").raw(around(500, 0.02, 6))));
        assertThat(slow.ours()).isEqualTo("2.000 ns/op");
        assertThat(slow.verdict()).isEqualTo(Verdict.CONTRADICTED);
    }

    static final ClaimBook ORDER = book("""
        {"id": "o", "quote": "q", "logFigure": "f", "kind": "order", "workload": "read", "threads": "max",
         "stores": ["CONCURRENT", "SHARD", "MEMORY", "CHANNEL"]}""");

    @Test
    void orderHoldsWhenEveryPairIsSignificantInOrder() {
        ClaimResult r = only(ORDER, run(read("CONCURRENT", 5), read("SHARD", 20), read("MEMORY", 80), read("CHANNEL", 900)));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.ours()).startsWith("CONCURRENT 5.000 < SHARD 20.00 < MEMORY 80.00 < CHANNEL 900.0");
    }

    @Test
    void orderIsContradictedByAReversedPairAndInconclusiveOnATie() {
        ClaimResult reversed = only(ORDER, run(read("CONCURRENT", 30), read("SHARD", 20), read("MEMORY", 80), read("CHANNEL", 900)));
        assertThat(reversed.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(reversed.why()).contains("CONCURRENT/SHARD");
        ClaimResult tie = only(ORDER, run(read("CONCURRENT", 5), read("SHARD", 20), read("MEMORY", 20), read("CHANNEL", 900)));
        assertThat(tie.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(tie.why()).contains("SHARD/MEMORY");
    }

    @Test
    void narrowerSpreadIsTestedOnDeviations() {
        ClaimBook spread = book("""
            {"id": "v", "quote": "q", "logFigure": "f", "kind": "spread", "workload": "read", "threads": "max",
             "subject": ["SHARD_POOLED"], "baseline": "SHARD", "figures": [8]}""");
        ClaimResult r = only(spread, run(
                result("read", "SHARD").threads(2).raw(new double[] {10, 14, 9, 15, 8, 16, 12, 11, 13, 7}),
                result("read", "SHARD_POOLED").threads(2).raw(new double[] {11.9, 12.1, 12.0, 11.95, 12.05, 12.0, 11.92, 12.08, 12.02, 11.98})));
        // median deviations 2.5 and 0.05: 50x narrower, significant, far outside [6.7, 9.6] (the ranges, 9 and 0.2, are printed beside)
        assertThat(r.ours()).isEqualTo("50×");
        assertThat(r.figure().value()).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.figure().lo()).isLessThanOrEqualTo(50);
        assertThat(r.figure().hi()).isGreaterThanOrEqualTo(50);
        assertThat(r.uncertainty()).contains("median deviations 0.0500 vs 2.500 ns/op").contains("ranges 0.2000 vs 9.000");
        assertThat(r.verdict()).isEqualTo(Verdict.DIRECTION_ONLY);
        ClaimResult same = only(spread, run(
                result("read", "SHARD").threads(2).raw(new double[] {10, 14, 9, 15, 8, 16, 12, 11, 13, 7}),
                result("read", "SHARD_POOLED").threads(2).raw(new double[] {11, 15, 10, 16, 9, 17, 13, 12, 14, 8})));
        assertThat(same.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(same.ours()).isEqualTo("1.00×");
    }

    static Layouts layouts(long memoryStoreDeep, long shardUnitDeep) {
        return Layouts.parse("""
            {"schema": 1, "comparison": {"left": "lab.core.store.MemoryStore", "right": "lab.core.store.ShardUnit"},
             "configurations": [
               {"name": "jdk17-default", "label": "JDK 17 defaults", "error": null, "classes": {
                  "lab.core.store.MemoryStore": {"instanceSize": 24, "deep": {"shard-empty": {"totalSize": %d}}},
                  "lab.core.store.ShardUnit": {"instanceSize": 16, "deep": {"shard-empty": {"totalSize": %d}}}}},
               {"name": "jdk17-no-coops", "label": "JDK 17 -XX:-UseCompressedOops", "error": "refused", "classes": {}}
             ]}""".formatted(memoryStoreDeep, shardUnitDeep).getBytes(StandardCharsets.UTF_8));
    }

    static final ClaimBook SIZE = book("""
        {"id": "l", "quote": "q", "logFigure": "f", "kind": "layout", "measure": "ratio", "figures": [2.0]}""");

    @Test
    void layoutRatioFromLayouts() throws IOException {
        ClaimResult holds = only(SIZE, run(layouts(128, 64)));
        assertThat(holds.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(holds.uncertainty()).contains("deep 128 → 64 B").contains("shallow 24 → 16 B");
        assertThat(only(SIZE, run(layouts(160, 136))).verdict()).isEqualTo(Verdict.DIRECTION_ONLY);
        assertThat(only(SIZE, run(layouts(64, 64))).verdict()).isEqualTo(Verdict.CONTRADICTED);
        ClaimResult saving = only(book("""
            {"id": "s", "quote": "q", "logFigure": "f", "kind": "layout", "measure": "saving32", "figures": [512]}"""), run(layouts(160, 144)));
        assertThat(saving.ours()).isEqualTo("512.0 B");
        assertThat(saving.verdict()).isEqualTo(Verdict.HOLDS);
        ClaimResult none = only(SIZE, run(result("read", "MEMORY").raw(around(1, 0.1, 5))));
        assertThat(none.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(none.why()).contains("layouts.json");
    }
}
