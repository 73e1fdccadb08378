package lab.api.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import lab.core.record.LoadResults;
import org.junit.jupiter.api.Test;

/** wrk: its result line, and a machine without it. */
class WrkTest {

    @Test
    void readsTheScriptsResultLine() throws Exception {
        LoadResults.Sample s = Wrk.sample("{\"requests\":3562,\"durationMicros\":5094230,\"non2xx\":3,\"connect\":0,"
                + "\"read\":1,\"write\":0,\"timeout\":2,\"p50\":34958,\"p90\":123850,\"p99\":388063,\"max\":699951,"
                + "\"mean\":55421.925}", 1);
        assertThat(s.round()).isEqualTo(1);
        assertThat(s.requests()).isEqualTo(3562);
        assertThat(s.rps()).isCloseTo(699.22, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.non2xx()).isEqualTo(3);
        assertThat(s.errors().total()).isEqualTo(3);
        assertThat(s.latency().p99()).isEqualTo(388063);
        assertThat(s.latency().max()).isEqualTo(699951);
    }

    @Test
    void withoutWrkTheMessageSaysHowToInstallIt() {
        assertThat(Wrk.find(Map.of("PATH", "/nonexistent"))).isEmpty();
        assertThat(Wrk.find(Map.of("LAB_WRK", "/nonexistent/wrk", "PATH", "/usr/bin:/bin"))).isEmpty();
        assertThat(Wrk.missing(Map.of("PATH", "/nonexistent"))).contains("wrk is not installed").contains("apt-get install -y wrk");
        assertThat(Wrk.missing(Map.of("LAB_WRK", "/nonexistent/wrk"))).contains("LAB_WRK=/nonexistent/wrk is not an executable");
    }

    @Test
    void threadsNeverExceedConnectionsOrCores() {
        assertThat(Wrk.threadsFor(1, 2)).isEqualTo(1);
        assertThat(Wrk.threadsFor(64, 2)).isEqualTo(2);
        assertThat(Wrk.threadsFor(3, 8)).isEqualTo(3);
    }
}
