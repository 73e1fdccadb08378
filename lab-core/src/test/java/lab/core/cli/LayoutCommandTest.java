package lab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ./lab layout}'s mistakes are refused before any child JVM starts. */
class LayoutCommandTest {

    @Test
    void anUnknownClassIsAUsageError() {
        CommandHelpTest.Outcome o = CommandHelpTest.lab("layout", "--classes", "NoSuchStore");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("no class NoSuchStore");
    }

    @Test
    void everyJvmAndNamedJvmsExcludeEachOther() {
        CommandHelpTest.Outcome o = CommandHelpTest.lab("layout", "--all-jvms", "--jvm", "/usr/lib/jvm/x");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("lab layout: ", "--all-jvms", "--jvm", "mutually exclusive");
    }

    @Test
    void theHelpSaysHowToGetTheOtherConfigurationsAndTheMillionTaskFootprints() {
        String help = CommandHelpTest.lab("help", "layout").out();

        assertThat(help).contains("--all-jvms", "-XX:-UseCompressedOops", "-XX:+UseCompactObjectHeaders",
                "./lab layout --all-jvms --entries 100000,1000000");
    }
}
