package lab.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhResultsTest {

    private static List<BenchmarkResult> parse(String s) {
        return JmhResults.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOwnResultWithParamsSecondariesAndRawDataPerFork() {
        BenchmarkResult r = parse(JmhJsonFixtures.array(JmhJsonFixtures.ownResult("SHARD", 12.5, 0.25))).get(0);

        assertThat(r.method()).isEqualTo("read");
        assertThat(r.className()).isEqualTo("lab.core.bench.ReadBenchmark");
        assertThat(r.param("store")).isEqualTo("SHARD");
        assertThat(r.threads()).isEqualTo(2);
        assertThat(r.primary().score()).isEqualTo(12.5);
        assertThat(r.primary().scoreError()).isEqualTo(0.25);
        assertThat(r.primary().unit()).isEqualTo("ns/op");
        assertThat(r.primary().forkMeans()).containsExactly(2.0, 5.0);
        assertThat(r.primary().iterationSamples()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(r.primary().higherIsBetter()).isFalse();
        // JMH's "·" prefix is dropped; names written without it are read the same.
        assertThat(r.secondary()).containsOnlyKeys("gc.alloc.rate.norm", "lab.lock.acquire.norm");
        assertThat(r.secondary("gc.alloc.rate.norm").hasError()).isFalse();
        assertThat(r.secondary("lab.lock.acquire.norm").score()).isEqualTo(1.0);
    }

    @Test
    void keyIgnoresParamOrderAndKeyWithoutDropsTheStore() {
        BenchmarkResult a = parse(JmhJsonFixtures.array(JmhJsonFixtures.ownResult("SHARD", 1, 0))).get(0);
        BenchmarkResult b = parse(JmhJsonFixtures.array(JmhJsonFixtures.ownResult("MEMORY", 1, 0))).get(0);

        assertThat(a.key()).isEqualTo("lab.core.bench.ReadBenchmark.read|datasetSize=10000,store=SHARD|avgt|2");
        assertThat(a.key()).isNotEqualTo(b.key());
        assertThat(a.keyWithout("store")).isEqualTo(b.keyWithout("store"));
    }

    @Test
    void readsForeignSampleModeHistogramsInfinitiesGroupsAndMissingFields() {
        List<BenchmarkResult> rs = parse(JmhJsonFixtures.FOREIGN_SAMPLE_GROUP);

        BenchmarkResult sample = rs.get(0);
        assertThat(sample.mode()).isEqualTo("sample");
        assertThat(sample.jmhVersion()).isNull();
        assertThat(sample.jvm()).isNull();
        assertThat(sample.primary().scoreError()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(sample.primary().hasError()).isFalse();
        // histogram means per iteration: (100+200)/2 and 150
        assertThat(sample.primary().rawData().get(0)).containsExactly(150.0, 150.0);
        assertThat(sample.secondary()).containsOnlyKeys("ping", "pong");

        BenchmarkResult ss = rs.get(1);
        assertThat(ss.mode()).isEqualTo("ss");
        assertThat(ss.params()).isEmpty();
        assertThat(ss.primary().forkMeans()).containsExactly(12.0, 13.0, 12.5);

        BenchmarkResult thrpt = rs.get(2);
        assertThat(Double.isNaN(thrpt.primary().score())).isTrue();
        assertThat(thrpt.forks()).isZero();
        assertThat(thrpt.primary().higherIsBetter()).isTrue();
    }

    @Test
    void refusesWhatIsNotJmhJsonWithTheReason() {
        assertThatThrownBy(() -> parse("{\"benchmark\":\"x\"}"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("top level must be an array");
        assertThatThrownBy(() -> parse("[ {\"name\": 1} ]"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("result #1").hasMessageContaining("\"benchmark\"");
        assertThatThrownBy(() -> parse("[ {\"benchmark\":\"a.b\",\"mode\":\"avgt\"} ]"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("no primaryMetric");
        assertThatThrownBy(() -> parse("[ {\"benchmark\":\"a.b\",\"mode\":\"fast\",\"primaryMetric\":{}} ]"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("unknown mode 'fast'");
        assertThatThrownBy(() -> parse("[ {\"benchmark\":\"a.b\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":\"fast\",\"scoreUnit\":\"ns/op\"}} ]"))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> parse("[ {\"benchmark\": "))
                .isInstanceOf(JmhFormatException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(JmhFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void parserLimitsAreRefusedWithTheReasonNotACrash() {
        // Jackson's StreamConstraintsException carries no location: the message must still be built.
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(JmhFormatException.class)
                .hasMessageContaining("parser limit").hasMessageContaining("nesting depth");
        String bigNumber = "[{\"benchmark\":\"a.b\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":" + "9".repeat(5_000)
                + ",\"scoreUnit\":\"ns/op\"}}]";
        assertThatThrownBy(() -> parse(bigNumber)).isInstanceOf(JmhFormatException.class)
                .hasMessageContaining("parser limit").hasMessageContaining("Number value length");
        String hugeString = "[{\"benchmark\":\"" + "x".repeat(30_000_000) + "\"}]";
        assertThatThrownBy(() -> parse(hugeString)).isInstanceOf(JmhFormatException.class)
                .hasMessageContaining("parser limit").hasMessageContaining("String value length");
    }

    @Test
    void dataAfterTheJsonValueIsRefused() {
        String valid = JmhJsonFixtures.array(JmhJsonFixtures.ownResult("SHARD", 12.5, 0.25));
        assertThat(parse(valid + "\n  \n")).hasSize(1);
        assertThatThrownBy(() -> parse(valid + " garbage")).isInstanceOf(JmhFormatException.class)
                .hasMessageContaining("after the end of the JSON value");
        assertThatThrownBy(() -> parse(valid + valid)).isInstanceOf(JmhFormatException.class)
                .hasMessageContaining("after the end of the JSON value");
        assertThatThrownBy(() -> parse(valid + " {}")).isInstanceOf(JmhFormatException.class)
                .hasMessageContaining("after the end of the JSON value");
    }
}
