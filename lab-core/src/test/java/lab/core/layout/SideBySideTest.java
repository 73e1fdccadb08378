package lab.core.layout;

import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts;
import lab.core.layout.SideBySide.Row;
import lab.core.layout.SideBySide.Section;
import lab.core.store.MemoryStore;
import lab.core.store.ShardUnit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows the terminal and the site show: what differs is marked, what is the same is not. */
class SideBySideTest {

    @Test
    void marksTheFieldsTheSlimShardDropsAndNotTheOnesItKeeps() {
        ClassInfo memory = ClassLayouts.of(MemoryStore.class, Map.of());
        ClassInfo unit = ClassLayouts.of(ShardUnit.class, Map.of());

        List<Row> rows = SideBySide.of(memory, unit, List.of()).rows();

        assertThat(row(rows, "idLock ReentrantLock")).satisfies(r -> {
            assertThat(r.differs()).isTrue();
            assertThat(r.right()).isEqualTo("(absent)");
        });
        assertThat(row(rows, "tasks HashMap").differs()).isFalse();
        assertThat(row(rows, "lock ReentrantReadWriteLock").differs()).isFalse();
        assertThat(row(rows, "instance size (shallow)").differs()).isTrue();
        assertThat(row(rows, "object header").differs()).isFalse();
    }

    @Test
    void aClassNextToItselfHasNoMarkedRow() {
        ClassInfo memory = ClassLayouts.of(MemoryStore.class, Map.of());

        assertThat(SideBySide.of(memory, memory, List.of()).rows()).noneMatch(Row::differs);
    }

    @Test
    void oneClassInTwoConfigurationsDiffersWhereTheReferenceWidthDoes() {
        ClassInfo narrow = ClassLayouts.of(ShardUnit.class, Map.of());
        List<Layouts.Field> wide = narrow.fields().stream()
                .map(f -> new Layouts.Field(f.name(), f.type(), f.declaringClass(), f.offset() * 2, 8)).toList();
        ClassInfo wider = new ClassInfo(narrow.name(), narrow.simpleName(), 32, narrow.headerSize(), wide, List.of(),
                0, 0, 0, "", Map.of());

        List<Row> rows = SideBySide.of(narrow, wider, List.of()).rows();

        assertThat(rows).filteredOn(r -> r.section() == Section.FIELD).allMatch(Row::differs)
                .as("offsets are shown, not compared").anySatisfy(r -> assertThat(r.left()).endsWith("@12"));
        assertThat(row(rows, "object header").differs()).isFalse();
    }

    private static Row row(List<Row> rows, String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(() ->
                new AssertionError("no row " + label + " in " + rows));
    }
}
