package lab.core.layout;

import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts.Footprint;
import lab.core.record.Layouts;
import lab.core.store.MemoryStore;
import lab.core.store.ShardUnit;
import lab.core.store.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's layout pass, exactly as the runner calls it, over every configuration found here
 * (each in a child JVM), read back through the reader the site uses. The figures compared are
 * JOL's, measured now in each configuration; none is typed in.
 */
class AcrossJvmConfigurationsIT {

    static final int ENTRIES = 4_095;

    @TempDir
    static Path runDir;
    static List<String> files;
    static Layouts report;

    @BeforeAll
    static void runThePass() {
        files = LayoutPass.writeInto(runDir, ENTRIES);
        report = Layouts.read(runDir.resolve(Layouts.FILE_NAME));
    }

    @Test
    void theRunningJvmRanAsIsAndWithCompressedOopsOffAndEveryJdk25WasTried() {
        String running = "jdk" + Runtime.version().feature();
        assertThat(report.configuration(running + "-default")).hasValueSatisfying(c -> assertThat(c.ran()).isTrue());
        assertThat(report.configuration(running + "-no-compressed-oops")).hasValueSatisfying(c -> {
            assertThat(c.ran()).as(c.error()).isTrue();
            assertThat(c.flags()).contains("-XX:-UseCompressedOops");
            assertThat(c.vm().options()).containsEntry("UseCompressedOops", "false");
        });
        int jdk25s = JvmConfigurations.jdkHomes(Path.of(JvmConfigurations.JVM_ROOT), "25").size();
        if (jdk25s > 0 && Runtime.version().feature() != 25) {
            assertThat(report.configuration("jdk25-default")).isPresent();
            assertThat(report.configuration("jdk25-compact-headers")).isPresent();
        }
        for (Configuration c : report.configurations()) {
            assertThat(c.jvm().path()).as("configuration %s names its JVM", c.name()).isNotBlank();
            assertThat(c.jvm().version()).isNotBlank();
            assertThat(c.jvmArgs()).contains("-Djol.magicFieldOffset=true");
        }
    }

    @Test
    void shardUnitIsSmallerThanMemoryStoreShallowAndDeepInEveryConfigurationThatRan() {
        assertThat(report.ran()).isNotEmpty();
        for (Configuration c : report.ran()) {
            ClassInfo memory = c.classInfo(MemoryStore.class.getName());
            ClassInfo unit = c.classInfo(ShardUnit.class.getName());
            assertThat(unit.instanceSize()).as("%s shallow", c.name()).isLessThan(memory.instanceSize());
            for (String sample : List.of(Layouts.SAMPLE_SHARD_EMPTY, Layouts.SAMPLE_SHARD_WITH_TASKS)) {
                assertThat(unit.deep().get(sample).totalSize()).as("%s deep, %s", c.name(), sample)
                        .isLessThan(memory.deep().get(sample).totalSize());
            }
            // the unused id lock is what the slim shard drops
            assertThat(memory.fields()).anyMatch(f -> f.type().endsWith("ReentrantLock"));
            assertThat(unit.fields()).noneMatch(f -> f.type().endsWith("ReentrantLock"));
        }
    }

    @Test
    void denseArrayStoreCostsLessPerTaskThanMemoryStoreInEveryConfigurationThatRan() {
        for (Configuration c : report.ran()) {
            Footprint dense = c.footprint("DENSE_ARRAY", ENTRIES);
            Footprint memory = c.footprint("MEMORY", ENTRIES);
            assertThat(dense.perEntryBytes()).as(c.name()).isLessThan(memory.perEntryBytes());
            assertThat(c.footprints()).hasSize(lab.core.store.StoreType.values().length);
            for (Footprint f : c.footprints()) {
                assertThat(f.taskBytes() + f.structureBytes()).isEqualTo(f.totalBytes());
                assertThat(f.byClass().values().stream().mapToLong(Layouts.ClassCount::bytes).sum())
                        .isEqualTo(f.totalBytes());
            }
        }
    }

    @Test
    void compactHeadersAndCompressedOopsChangeWhatJolSees() {
        Configuration base = report.configuration("jdk" + Runtime.version().feature() + "-default").orElseThrow();
        Configuration noOops = report.configuration("jdk" + Runtime.version().feature() + "-no-compressed-oops").orElseThrow();
        // references are 4 bytes with compressed oops and 8 without: every Task reference field grows
        assertThat(noOops.classInfo(Task.class.getName()).fields()).filteredOn(f -> f.type().equals("java.lang.String"))
                .allMatch(f -> f.size() == 8);
        assertThat(base.classInfo(Task.class.getName()).fields()).filteredOn(f -> f.type().equals("java.lang.String"))
                .allMatch(f -> f.size() == 4);
        report.configuration("jdk25-compact-headers").filter(Configuration::ran).ifPresent(coh -> {
            Configuration plain25 = report.configuration("jdk25-default").orElseThrow();
            assertThat(coh.vm().options()).containsEntry("UseCompactObjectHeaders", "true");
            assertThat(coh.classInfo(Task.class.getName()).headerSize())
                    .isLessThan(plain25.classInfo(Task.class.getName()).headerSize());
        });
    }

    @Test
    void theRunFolderHoldsLayoutsAndOneDumpPerConfiguration() throws Exception {
        assertThat(files.get(0)).isEqualTo("layouts.json");
        assertThat(files).hasSize(1 + report.configurations().size());
        for (Configuration c : report.configurations()) {
            String name = LayoutPass.textFileName(c);
            assertThat(files).contains(name);
            String text = Files.readString(runDir.resolve(name));
            assertThat(text).contains(c.name());
            if (c.ran()) {
                assertThat(text).contains("lab.core.store.ShardUnit object internals").contains("Instance size");
            }
        }
        assertThat(report.schema()).isEqualTo(Layouts.SCHEMA);
        assertThat(report.entries()).containsExactly(ENTRIES);
    }
}
