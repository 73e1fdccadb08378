package lab.core.compare;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;
import org.junit.jupiter.api.Test;

class ComparerTest {

    private static Side side(String run, String store, List<BenchmarkResult> results) {
        return new Side(run, store, results, Map.of());
    }

    @Test
    void clearSpeedUpIsSignificantAndBetterForTimePerOp() {
        List<BenchmarkResult> a = JmhFixture.parse(result("read", "MEMORY").raw(around(100, 0.05, 8)));
        List<BenchmarkResult> b = JmhFixture.parse(result("read", "MEMORY").raw(around(50, 0.05, 8)));
        Comparison c = Comparer.compare(side("a", null, a), side("b", null, b), null);
        Comparison.Row r = c.tables().get(0).rows().get(0);
        assertThat(r.change()).isEqualTo(Change.BETTER);
        assertThat(r.deltaPercent()).isCloseTo(-50, within(1e-6));
        assertThat(r.test().p()).isLessThan(0.001);
        assertThat(ComparisonText.delta(r)).isEqualTo("-50.00%");
    }

    @Test
    void higherThroughputIsBetterAndHigherTimeIsWorse() {
        List<BenchmarkResult> a = JmhFixture.parse(
                result("contention", "MEMORY").mode("thrpt", "ops/us").raw(around(10, 0.02, 6)),
                result("write", "MEMORY").raw(around(10, 0.02, 6)));
        List<BenchmarkResult> b = JmhFixture.parse(
                result("contention", "MEMORY").mode("thrpt", "ops/us").raw(around(20, 0.02, 6)),
                result("write", "MEMORY").raw(around(20, 0.02, 6)));
        Comparison c = Comparer.compare(side("a", null, a), side("b", null, b), "primary");
        assertThat(c.tables()).hasSize(2);
        Comparison.Table thrpt = c.tables().stream().filter(t -> t.unit().equals("ops/us")).findFirst().orElseThrow();
        Comparison.Table avgt = c.tables().stream().filter(t -> t.unit().equals("ns/op")).findFirst().orElseThrow();
        assertThat(thrpt.higherIsBetter()).isTrue();
        assertThat(thrpt.rows().get(0).change()).isEqualTo(Change.BETTER);
        assertThat(avgt.higherIsBetter()).isFalse();
        assertThat(avgt.rows().get(0).change()).isEqualTo(Change.WORSE);
    }

    @Test
    void overlappingSamplesAreNotAChange() {
        List<BenchmarkResult> a = JmhFixture.parse(result("read", "SHARD").raw(new double[] {10, 12, 11, 13, 9}));
        List<BenchmarkResult> b = JmhFixture.parse(result("read", "SHARD").raw(new double[] {11, 10, 12, 9.5, 12.5}));
        Comparison.Row r = Comparer.compare(side("a", null, a), side("b", null, b), null).tables().get(0).rows().get(0);
        assertThat(r.change()).isEqualTo(Change.SAME);
        assertThat(ComparisonText.delta(r)).isEqualTo("~");
    }

    @Test
    void perForkMeansWithThreeForksIterationsOtherwise() {
        double[][] three = {around(10, 0.1, 4), around(11, 0.1, 4), around(12, 0.1, 4)};
        List<BenchmarkResult> a = JmhFixture.parse(result("read", "MEMORY").raw(three));
        List<BenchmarkResult> one = JmhFixture.parse(result("read", "MEMORY").raw(around(10, 0.1, 12)));
        Comparison forks = Comparer.compare(side("a", null, a), side("b", null, a), null);
        Comparison.Row fr = forks.tables().get(0).rows().get(0);
        assertThat(fr.samples()).isEqualTo(SampleKind.FORK_MEANS);
        assertThat(fr.baseSamples()).containsExactly(10, 11, 12);
        // 3 + 3 samples: the smallest p is 0.1, and the notes say that nothing can be significant
        assertThat(forks.notes()).anySatisfy(n -> assertThat(n).contains("smallest attainable p is 0.100"));

        Comparison iters = Comparer.compare(side("a", null, a), side("b", null, one), null);
        Comparison.Row ir = iters.tables().get(0).rows().get(0);
        assertThat(ir.samples()).isEqualTo(SampleKind.ITERATIONS);
        assertThat(ir.baseSamples()).hasSize(12);
        assertThat(iters.sampleSummary()).isEqualTo("iterations");
        assertThat(iters.notes()).anySatisfy(n -> assertThat(n).contains("a single fork"));
    }

    @Test
    void twoStoresOfOneRunLineUpWithoutTheStoreParam() {
        List<BenchmarkResult> run = JmhFixture.parse(
                result("read", "MEMORY").raw(around(160, 0.02, 5)),
                result("read", "SHARD").raw(around(16, 0.02, 5)),
                result("read", "MEMORY").threads(2).raw(around(300, 0.02, 5)),
                result("read", "SHARD").threads(2).raw(around(20, 0.02, 5)),
                result("read", "CHANNEL").raw(around(700, 0.02, 5)));
        Comparison c = Comparer.compare(side("r", "MEMORY", run), side("r", "SHARD", run), null);
        List<Comparison.Row> rows = c.tables().get(0).rows();
        assertThat(rows).extracting(Comparison.Row::label).containsExactly("read t=1", "read t=2");
        assertThat(rows.get(0).ratio()).isCloseTo(0.1, within(1e-9));
        assertThat(rows.get(1).ratio()).isCloseTo(20.0 / 300, within(1e-9));
        assertThat(rows).allSatisfy(r -> assertThat(r.headResult().param("store")).isEqualTo("SHARD"));
        // geomean of the two ratios
        assertThat(c.tables().get(0).geomeanRatio()).isCloseTo(Math.sqrt(0.1 * 20.0 / 300), within(1e-9));
        assertThat(c.tables().get(0).commonParams()).containsEntry("datasetSize", "10000");
    }

    @Test
    void geomeanRowIsTheGeometricMeanOfRowRatios() {
        List<BenchmarkResult> a = JmhFixture.parse(result("read", "X").raw(around(10, 0, 5)), result("write", "X").raw(around(10, 0, 5)));
        List<BenchmarkResult> b = JmhFixture.parse(result("read", "X").raw(around(5, 0, 5)), result("write", "X").raw(around(20, 0, 5)));
        Comparison.Table t = Comparer.compare(side("a", null, a), side("b", null, b), null).tables().get(0);
        assertThat(t.geomeanRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(ComparisonText.percent(t.geomeanRatio())).isEqualTo("+0.00%");
    }

    @Test
    void secondaryMetricsByNameAndAll() {
        List<BenchmarkResult> a = JmhFixture.parse(result("read", "CHANNEL").raw(around(700, 0.02, 5))
                .secondary("gc.alloc.rate.norm", "B/op", around(200, 0.01, 5))
                .secondary("lab.lock.acquire.norm", "#/op", around(2, 0.01, 5)));
        List<BenchmarkResult> b = JmhFixture.parse(result("read", "CHANNEL").raw(around(700, 0.02, 5))
                .secondary("gc.alloc.rate.norm", "B/op", around(100, 0.01, 5))
                .secondary("lab.lock.acquire.norm", "#/op", around(2, 0.01, 5)));
        Comparison bytes = Comparer.compare(side("a", null, a), side("b", null, b), "\u00b7gc.alloc.rate.norm");
        assertThat(bytes.tables()).hasSize(1);
        assertThat(bytes.tables().get(0).unit()).isEqualTo("B/op");
        assertThat(bytes.tables().get(0).rows().get(0).change()).isEqualTo(Change.BETTER);

        Comparison all = Comparer.compare(side("a", null, a), side("b", null, b), "all");
        assertThat(all.tables()).extracting(Comparison.Table::metric)
                .containsExactly("primary", "gc.alloc.rate.norm", "lab.lock.acquire.norm");

        Comparison none = Comparer.compare(side("a", null, a), side("b", null, b), "lab.park.norm");
        assertThat(none.tables()).isEmpty();
        assertThat(none.notes()).anySatisfy(n -> assertThat(n).contains("lab.park.norm"));
    }

    @Test
    void unmatchedRowsAreListed() {
        List<BenchmarkResult> a = JmhFixture.parse(result("read", "X").raw(around(10, 0.1, 5)), result("getAll", "X").raw(around(10, 0.1, 5)));
        List<BenchmarkResult> b = JmhFixture.parse(result("read", "X").raw(around(10, 0.1, 5)), result("create", "X").raw(around(10, 0.1, 5)));
        Comparison c = Comparer.compare(side("a", null, a), side("b", null, b), null);
        assertThat(c.tables().get(0).rows()).hasSize(1);
        assertThat(c.onlyBase()).singleElement().asString().contains("getAll");
        assertThat(c.onlyHead()).singleElement().asString().contains("create");
    }

    @Test
    void labelsNameTheClassOnlyWhenTheMethodIsAmbiguousAndEmptyMetricsAreDropped() {
        List<BenchmarkResult> a = JmhFixture.parse(
                result("read", "X").benchClass("lab.core.bench.ReadBenchmark").raw(around(10, 0.1, 5))
                        .secondary("async", "---", new double[] {Double.NaN}),
                result("mixed", "X").benchClass("lab.core.bench.MixedBenchmark").raw(around(10, 0.1, 5)),
                result("mixed", "X").benchClass("org.example.Other").raw(around(10, 0.1, 5)));
        Comparison c = Comparer.compare(side("a", null, a), side("b", null, a), "all");
        assertThat(c.tables()).extracting(Comparison.Table::metric).containsExactly("primary");
        assertThat(c.tables().get(0).rows()).extracting(Comparison.Row::label)
                .containsExactly("read t=1", "MixedBenchmark.mixed t=1", "Other.mixed t=1");
    }
}
