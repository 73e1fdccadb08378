package lab.core.compare;

import static lab.core.compare.JmhFixture.reference;
import static lab.core.compare.JmhFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.core.bench.run.RunPlan;
import lab.core.record.BenchmarkResult;
import org.junit.jupiter.api.Test;

/**
 * Run against run: an A/A pair of runs (nothing changed) on a machine that became 25-35% slower
 * between them must come out "~ (machine drift ±X%)", not as 20 significant changes; a real
 * change larger than the drift is still called.
 */
class DriftTest {

    static final String[] STORES = {"MEMORY", "SHARD", "SHARD_UNIT", "SHARD_POOLED", "CONCURRENT", "NON_BLOCKING", "DENSE_ARRAY"};
    static final String[] WORKLOADS = {"read", "write", "mixed"};

    /** Five forks around {@code centre}, spread ±2%, each fork's three iterations identical. */
    static JmhFixture five(JmhFixture f, double centre, int salt) {
        double[] m = new double[5];
        for (int i = 0; i < 5; i++) {
            m[i] = centre * (1 + 0.02 * Math.sin(salt * 7 + i * 1.3));
        }
        return f.forks(m).rounds(0, 1, 2, 3, 4);
    }

    /** A run; {@code slow} multiplies every figure (the machine), {@code shardRead} SHARD's read alone (the code). */
    static List<BenchmarkResult> run(double slow, double shardRead, int salt) {
        List<JmhFixture> all = new ArrayList<>();
        all.add(five(reference(RunPlan.CONTROL), 25 * slow, salt));
        int k = 0;
        for (String w : WORKLOADS) {
            for (String s : STORES) {
                double centre = (40 + 11 * k++) * slow * (w.equals("read") && s.equals("SHARD") ? shardRead : 1);
                all.add(five(result(w, s), centre, salt + k));
            }
        }
        return JmhFixture.parse(all.toArray(JmhFixture[]::new));
    }

    @Test
    void anAATestOnADriftingMachineIsAllDrift() {
        // head: every benchmark 25-35% slower (the machine), nothing else changed
        List<BenchmarkResult> base = run(1.0, 1.0, 0);
        List<BenchmarkResult> head = new ArrayList<>();
        List<BenchmarkResult> slower = run(1.3, 1.0, 3);
        head.addAll(slower);
        Comparison c = Comparer.compare(new Side("a", null, base, Map.of()), new Side("b", null, head, Map.of()), null);
        assertThat(c.drift()).isNotNull();
        assertThat(c.drift().ratio().centre()).isBetween(1.25, 1.35);
        List<Comparison.Row> rows = c.tables().get(0).rows();
        long significant = rows.stream().filter(Comparison.Row::significant).count();
        assertThat(significant).isZero();
        assertThat(rows).filteredOn(r -> r.change() == Change.DRIFT).hasSizeGreaterThan(rows.size() / 2);
        String text = ComparisonText.format(c);
        assertThat(text).contains("~ (machine drift ±").contains("control: " + RunPlan.CONTROL);
        // both runs' control figures are shown
        assertThat(text).containsPattern("base 25\\.\\d+ ± [\\d.]+% ns/op\\s+head 3\\d\\.\\d+ ± [\\d.]+% ns/op");
    }

    @Test
    void aChangeLargerThanTheDriftIsStillCalled() {
        Comparison c = Comparer.compare(new Side("a", null, run(1.0, 1.0, 0), Map.of()),
                new Side("b", null, run(1.3, 0.5, 3), Map.of()), null);
        Comparison.Row shardRead = c.tables().get(0).rows().stream()
                .filter(r -> r.key().contains("store=SHARD,") || r.key().endsWith("store=SHARD|avgt|1"))
                .filter(r -> r.baseResult().method().equals("read")).findFirst().orElseThrow();
        // 1.3 x 0.5 = 0.65: beyond a ±35% band on the faster side
        assertThat(shardRead.change()).isEqualTo(Change.BETTER);
    }

    @Test
    void withoutAControlTheNotesSaySoAndNothingIsMarkedAsDrift() {
        List<BenchmarkResult> base = JmhFixture.parse(five(result("read", "MEMORY"), 100, 0));
        List<BenchmarkResult> head = JmhFixture.parse(five(result("read", "MEMORY"), 200, 1));
        Comparison c = Comparer.compare(new Side("a", null, base, Map.of()), new Side("b", null, head, Map.of()), null);
        assertThat(c.drift()).isNull();
        assertThat(c.tables().get(0).rows().get(0).change()).isEqualTo(Change.WORSE);
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("Machine drift: not measured"));
    }
}
