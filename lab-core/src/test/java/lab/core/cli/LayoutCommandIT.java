package lab.core.cli;

import lab.core.record.Layouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./lab layout}, through the CLI's own entry point (so the ServiceLoader line is tested too). */
class LayoutCommandIT {

    @Test
    void printsThePairSideBySideWithDifferingRowsMarkedAndWritesTheJson(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("l.json");
        int code = Main.run(new String[] {"layout", "--jvm", System.getProperty("java.home"), "--entries", "500",
                "--classes", "MemoryStore,ShardUnit,Task", "--json", json.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("MemoryStore (as a shard)").contains("ShardUnit (as a shard)");
        // the unused id lock exists on one side only: a marked row
        assertThat(text).containsPattern("(?m)^\\* +idLock ReentrantLock +4 B @\\d+ +\\(absent\\)$");
        assertThat(text).containsPattern("(?m)^\\* instance size \\(shallow\\)");
        assertThat(text).contains("bytes per task beyond the task itself, 500 tasks");
        Layouts r = Layouts.read(json);
        assertThat(r.configurations()).hasSize(2);
        assertThat(r.ran()).hasSize(2);
        assertThat(r.ran().get(0).classes()).containsOnlyKeys("lab.core.store.MemoryStore", "lab.core.store.ShardUnit",
                "lab.core.store.Task");
    }

    @Test
    void byDefaultOnlyTheRunningJvmIsLaidOut(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("l.json");
        int code = Main.run(new String[] {"layout", "--entries", "200", "--classes", "MemoryStore,ShardUnit", "--json", json.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Layouts r = Layouts.read(json);
        assertThat(r.configurations()).extracting(Layouts.Configuration::name)
                .containsExactly("jdk" + Runtime.version().feature() + "-default");
        assertThat(r.entries()).containsExactly(200);
    }
}
