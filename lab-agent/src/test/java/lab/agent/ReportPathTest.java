package lab.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** How each window's report file is named: {@code %p}, {@code %w}, and no window overwriting another's. */
class ReportPathTest {

    private static final String PID = Long.toString(ProcessHandle.current().pid());

    @Test
    void percentPIsThePidAndPercentWTheWindowNumber() {
        Path p = LabAgent.reportPath("target/rp-a/c-%p-%w.json", 3);
        assertThat(p).isEqualTo(Paths.get("target/rp-a/c-" + PID + "-3.json").toAbsolutePath());
    }

    @Test
    void aPathAnEarlierWindowUsedGetsTheWindowNumberBeforeItsExtension() {
        assertThat(LabAgent.reportPath("target/rp-b/counters.json", 1)).hasFileName("counters.json");
        assertThat(LabAgent.reportPath("target/rp-b/counters.json", 2)).hasFileName("counters-2.json");
        assertThat(LabAgent.reportPath("target/rp-b/noext", 1)).hasFileName("noext");
        assertThat(LabAgent.reportPath("target/rp-b/noext", 4)).hasFileName("noext-4");
    }

    @Test
    void noReportOptionNoPath() {
        assertThat(LabAgent.reportPath(null, 1)).isNull();
    }
}
