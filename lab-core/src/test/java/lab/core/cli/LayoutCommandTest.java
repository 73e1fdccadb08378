package lab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lab.core.layout.JavaSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab layout}'s mistakes are refused before any child JVM starts, and nothing is stored. */
class LayoutCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aClassNotOnTheUsersClassPathIsAUsageErrorNamingTheClassAndTheClassPath() throws Exception {
        Path classes = JavaSources.compile(tmp.resolve("classes"), Map.of("com.acme.Point", "package com.acme; public class Point { int x; }"));
        Path reports = tmp.resolve("reports");

        CommandHelpTest.Outcome o = CommandHelpTest.lab("layout", "--classpath", classes.toString(),
                "--classes", "com.acme.Point,com.acme.Missing", "--reports", reports.toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("no class com.acme.Missing with the class path " + classes.toAbsolutePath());
        assertThat(reports).doesNotExist();
    }

    @Test
    void aClassWhoseFieldTypeIsMissingIsRefusedWithWhatItNeeds() throws Exception {
        Path classes = JavaSources.compile(tmp.resolve("classes"), Map.of(
                "com.acme.Order", "package com.acme; public class Order { Line first; long id; }",
                "com.acme.Line", "package com.acme; public class Line { int qty; }"));
        Files.delete(classes.resolve("com/acme/Line.class"));

        CommandHelpTest.Outcome o = CommandHelpTest.lab("layout", "--classpath", classes.toString(),
                "--classes", "com.acme.Order", "--reports", tmp.resolve("reports").toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("class com.acme.Order cannot be loaded: it needs com.acme.Line, which is not on the class path",
                classes.toAbsolutePath().toString());
        assertThat(tmp.resolve("reports")).doesNotExist();
    }

    @Test
    void aClassPathEntryThatDoesNotExistIsAUsageError() {
        CommandHelpTest.Outcome o = CommandHelpTest.lab("layout", "--classpath", tmp.resolve("nowhere").toString(),
                "--classes", "com.acme.Point");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("class path entry " + tmp.resolve("nowhere") + " does not exist");
    }

    @Test
    void aClassPathNeedsClassesAndTakesNoStoreSizes() {
        assertThat(CommandHelpTest.lab("layout", "--classpath", tmp.toString()).err())
                .contains("which classes? --classpath needs --classes");
        assertThat(CommandHelpTest.lab("layout", "--classpath", tmp.toString(), "--classes", "ShardUnit", "--entries", "10").err())
                .contains("store sizes (--entries) measure the lab's stores");
        assertThat(CommandHelpTest.lab("layout", "--label", "x").err()).contains("--label names a stored layout run");
    }

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
