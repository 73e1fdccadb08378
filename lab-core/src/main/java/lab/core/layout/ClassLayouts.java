package lab.core.layout;

import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts;
import lab.core.record.Layouts.Deep;
import lab.core.record.Layouts.Field;
import lab.core.record.Layouts.Gap;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One class as JOL lays it out in this JVM: header, each field at its offset, the gaps, the
 * alignment loss and the instance size.
 *
 * <p>What to notice. The decision log counts a Go {@code MemoryStore} as 64 bytes and a
 * {@code ShardUnit} as 32. A JVM object is a header (12 bytes with compressed class pointers, 16
 * without, 8 with compact object headers) plus its fields, packed by the JVM (references, ints
 * and booleans are reordered to fill holes) and padded to 8 bytes. Locks are not inline: a
 * {@code ReentrantReadWriteLock} field is a 4-byte reference to three more objects, so the
 * shallow size says little and the deep size is the one to compare.
 */
final class ClassLayouts {

    private ClassLayouts() {
    }

    static ClassInfo of(Class<?> type, Map<String, Deep> deep) {
        Jol.configure();
        ClassLayout layout = ClassLayout.parseClass(type);
        List<Field> fields = new ArrayList<>();
        for (FieldLayout f : layout.fields()) {
            fields.add(new Field(f.name(), f.typeClass(), f.hostClass(), f.offset(), f.size()));
        }
        return new ClassInfo(type.getName(), type.getSimpleName(), layout.instanceSize(), layout.headerSize(),
                fields, gaps(layout.headerSize(), fields, layout.instanceSize()),
                layout.getLossesInternal(), layout.getLossesExternal(), layout.getLossesTotal(),
                layout.toPrintable(), deep);
    }

    /** The holes between the header and the first field, between fields, and at the end. */
    static List<Gap> gaps(long headerSize, List<Field> fields, long instanceSize) {
        List<Gap> gaps = new ArrayList<>();
        List<Field> sorted = new ArrayList<>(fields);
        sorted.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        long end = headerSize;
        for (Field f : sorted) {
            if (f.offset() > end) {
                gaps.add(new Gap(end, f.offset() - end, "internal"));
            }
            end = Math.max(end, f.offset() + f.size());
        }
        if (instanceSize > end) {
            gaps.add(new Gap(end, instanceSize - end, "external"));
        }
        return gaps;
    }
}
