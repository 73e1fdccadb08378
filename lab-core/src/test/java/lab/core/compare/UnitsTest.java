package lab.core.compare;

import static lab.core.compare.JmhFixture.around;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import lab.core.record.BenchmarkResult;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void factorsBetweenUnitsOfOneKind() {
        assertThat(Units.factor("ns/op", "us/op")).isCloseTo(1e-3, within(1e-15));
        assertThat(Units.factor("ops/ms", "ops/s")).isCloseTo(1e3, within(1e-9));
        assertThat(Units.factor("B/op", "B/op")).isEqualTo(1.0);
        assertThat(Units.factor("ops/s", "ns/op")).isNaN();
        assertThat(Units.refusal("ops/s", "ns/op")).contains("measure different things");
        assertThat(Units.refusal("B/op", "#/op")).contains("cannot be converted");
    }

    @Test
    void opsPerMillisecondAgainstOpsPerSecondIsTheSameThroughput() {
        List<BenchmarkResult> a = JmhFixture.parse(result("contention", "MEMORY").mode("thrpt", "ops/s").raw(around(5000, 0.02, 6)));
        List<BenchmarkResult> b = JmhFixture.parse(result("contention", "MEMORY").mode("thrpt", "ops/ms").raw(around(5, 0.02, 6)));
        Comparison c = Comparer.compare(new Side("a", null, a, Map.of()), new Side("b", null, b, Map.of()), null);
        Comparison.Row r = c.tables().get(0).rows().get(0);
        assertThat(r.unit()).isEqualTo("ops/s");
        assertThat(r.headCentre().centre()).isCloseTo(5000, within(1e-6));
        assertThat(r.ratio()).isCloseTo(1.0, within(1e-9));
        assertThat(ComparisonText.delta(r)).isEqualTo("~");
    }

    @Test
    void timeAgainstThroughputIsRefusedWithTheReason() {
        List<BenchmarkResult> a = JmhFixture.parse(result("read", "MEMORY").raw(around(100, 0.02, 6)));
        List<BenchmarkResult> b = JmhFixture.parse(result("read", "MEMORY").mode("avgt", "ops/us").raw(around(10, 0.02, 6)));
        Comparison c = Comparer.compare(new Side("a", null, a, Map.of()), new Side("b", null, b, Map.of()), null);
        assertThat(c.tables()).isEmpty();
        assertThat(c.refused()).singleElement().satisfies(r -> assertThat(r.reason()).contains("ops/us").contains("ns/op"));
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).startsWith("Not compared:"));
    }
}
