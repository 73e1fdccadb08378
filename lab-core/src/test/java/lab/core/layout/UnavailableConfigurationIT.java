package lab.core.layout;

import lab.core.layout.JvmConfigurations.JvmConfig;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration that cannot run is reported with its reason, never dropped. */
class UnavailableConfigurationIT {

    @Test
    void aPathThatIsNoJvmIsReportedWithItsError() {
        Layouts report = LayoutLab.run(new LayoutLab.Request(List.of("/no/such/jdk/bin/java"), List.of(), List.of(10)));

        assertThat(report.configurations()).hasSize(1);
        Configuration c = report.configurations().get(0);
        assertThat(c.ran()).isFalse();
        assertThat(c.error()).contains("no java executable at /no/such/jdk/bin/java");
        assertThat(c.classes()).isEmpty();
        assertThat(report.ran()).isEmpty();
    }

    @Test
    void aJvmThatRefusesItsFlagsIsReportedWithWhatItSaid() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        JvmConfig bad = new JvmConfig("jdk-bad-flag", "refuses its flag", java, System.getProperty("java.home"),
                Runtime.version().feature(), null, null, List.of("-XX:+NoSuchLayoutFlag"), null);

        Configuration c = ChildJvm.run(bad, List.of(), List.of(10));

        assertThat(c.ran()).isFalse();
        assertThat(c.name()).isEqualTo("jdk-bad-flag");
        assertThat(c.error()).contains("exited with").contains("NoSuchLayoutFlag");
        assertThat(c.flags()).containsExactly("-XX:+NoSuchLayoutFlag");
    }

    @Test
    void itsFileSaysWhyItCouldNotRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Layouts report = LayoutLab.run(new LayoutLab.Request(List.of("/no/such/jdk"), List.of(), List.of(10)));
        List<String> files = LayoutPass.write(report, dir);

        assertThat(files).containsExactly("layouts.json", "layout-jvm-unavailable.txt");
        assertThat(java.nio.file.Files.readString(dir.resolve(files.get(1)))).contains("COULD NOT RUN: no java executable");
        assertThat(Layouts.read(dir.resolve("layouts.json")).configurations().get(0).error()).isNotNull();
    }
}
