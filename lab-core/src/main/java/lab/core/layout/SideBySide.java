package lab.core.layout;

import lab.core.record.Layouts.ClassCount;
import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Deep;
import lab.core.record.Layouts.Field;
import lab.core.record.Layouts.Gap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Two class layouts next to each other, the rows whose values differ marked: the one comparison
 * that {@code ./lab layout} prints and the site's {@code /runs/{id}/layouts} renders, so both mark
 * the same rows. The two sides can be two classes of one configuration (MemoryStore-as-shard vs
 * ShardUnit) or one class in two configurations (compressed oops on vs off).
 *
 * <p>What is matched with what, and when a row differs:
 * <ul>
 *   <li>the object header with the object header: differs when its size does;</li>
 *   <li>fields by name: differ when one side lacks it or its type or size differs. Offsets are
 *       shown but not compared: the JVM packs fields differently as soon as one field is added or
 *       removed, and that alone is not what a reader looks for;</li>
 *   <li>gaps by kind and order (the n-th gap inside with the n-th, the end padding with the end
 *       padding): differ when one side lacks it or its size differs;</li>
 *   <li>the totals (bytes lost inside, padding at the end, instance size) and each deep-size
 *       sample by value; a deep sample present on both sides is also broken down by class.</li>
 * </ul>
 * Slots are listed in the left side's offset order, each with its match; what only the right
 * side has comes after, in its offset order.
 */
public final class SideBySide {

    /** Which part of the comparison a row belongs to. */
    public enum Section { HEADER, FIELD, GAP, LOSS, SIZE, DEEP, DEEP_BY_CLASS }

    /** A row of the comparison as text: what the terminal prints. */
    public sealed interface Row permits SlotRow, Total, DeepRow, ClassRow {
        Section section();

        String label();

        String left();

        String right();

        boolean differs();
    }

    /**
     * A slot of one layout: the object header, a field or a gap, at its offset, in bytes.
     *
     * @param owner the simple name of the declaring class (fields only; empty otherwise)
     */
    public record Slot(Section kind, long offset, long size, String type, String name, String owner) {

        private String key(int ordinal) {
            return switch (kind) {
                case FIELD -> ordinal == 1 ? "field:" + name : "field:" + name + "#" + ordinal; // a shadowed field
                case GAP -> "gap:" + name + "#" + ordinal;
                default -> "header";
            };
        }

        private String text() {
            return kind == Section.HEADER ? size + " B" : size + " B @" + offset;
        }
    }

    /** The same slot on both sides (either may be null: that side has none). */
    public record SlotRow(Slot leftSlot, Slot rightSlot, boolean differs) implements Row {
        @Override
        public Section section() {
            return (leftSlot != null ? leftSlot : rightSlot).kind();
        }

        @Override
        public String label() {
            Slot s = leftSlot != null ? leftSlot : rightSlot;
            return s.kind() == Section.FIELD ? s.name() + " " + shortType(s.type()) : s.name();
        }

        @Override
        public String left() {
            return leftSlot == null ? "(absent)" : leftSlot.text();
        }

        @Override
        public String right() {
            return rightSlot == null ? "(absent)" : rightSlot.text();
        }
    }

    /** A figure of each layout in bytes (null: that side has no such layout). */
    public record Total(Section section, String label, Long leftBytes, Long rightBytes, boolean differs) implements Row {
        @Override
        public String left() {
            return leftBytes == null ? "-" : leftBytes + " B";
        }

        @Override
        public String right() {
            return rightBytes == null ? "-" : rightBytes + " B";
        }
    }

    /** One deep-size sample on both sides (either may be null). */
    public record DeepRow(String sample, Deep leftDeep, Deep rightDeep, boolean differs) implements Row {
        @Override
        public Section section() {
            return Section.DEEP;
        }

        @Override
        public String label() {
            return "deep size, " + sample;
        }

        @Override
        public String left() {
            return deepCell(leftDeep);
        }

        @Override
        public String right() {
            return deepCell(rightDeep);
        }
    }

    /** The instances of one class in the broken-down deep sample, on both sides (either may be null). */
    public record ClassRow(String className, ClassCount leftCount, ClassCount rightCount, boolean differs) implements Row {
        @Override
        public Section section() {
            return Section.DEEP_BY_CLASS;
        }

        @Override
        public String label() {
            return shortType(className);
        }

        @Override
        public String left() {
            return countCell(leftCount);
        }

        @Override
        public String right() {
            return countCell(rightCount);
        }
    }

    /**
     * The whole comparison.
     *
     * @param breakdown the deep sample broken down by class in {@code byClass}, or null
     */
    public record Diff(List<SlotRow> slots, List<Total> totals, List<DeepRow> deep, String breakdown,
                       List<ClassRow> byClass) {

        /** Every row, in the order the terminal prints them. */
        public List<Row> rows() {
            return Stream.of(slots, totals, deep, byClass).<Row>flatMap(List::stream).toList();
        }

        /** Whether any row differs: the two layouts (or their deep samples) are not the same. */
        public boolean differs() {
            return rows().stream().anyMatch(Row::differs);
        }
    }

    private SideBySide() {
    }

    /**
     * Compares two layouts (either may be null: its cells are absent). {@code samples} are the
     * deep-size samples to show first (the file's comparison samples); any other sample either
     * side has follows.
     */
    public static Diff of(ClassInfo l, ClassInfo r, List<String> samples) {
        return new Diff(slots(l, r), totals(l, r), deep(l, r, samples), breakdown(l, r, samples), byClass(l, r, samples));
    }

    /** The slots of a layout in offset order, keyed as they are matched. */
    private static Map<String, Slot> slotsOf(ClassInfo c) {
        List<Slot> slots = new ArrayList<>();
        if (c == null) {
            return new LinkedHashMap<>();
        }
        slots.add(new Slot(Section.HEADER, 0, c.headerSize(), "", "object header", ""));
        for (Field f : c.fields()) {
            slots.add(new Slot(Section.FIELD, f.offset(), f.size(), f.type(), f.name(),
                    f.declaringClass() == null ? "" : shortType(f.declaringClass())));
        }
        for (Gap g : c.gaps()) {
            slots.add(new Slot(Section.GAP, g.offset(), g.size(), "",
                    "external".equals(g.kind()) ? "(alignment padding)" : "(gap)", ""));
        }
        slots.sort((a, b) -> a.kind() == Section.HEADER ? -1 : b.kind() == Section.HEADER ? 1 : Long.compare(a.offset(), b.offset()));
        Map<String, Slot> byKey = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Slot s : slots) {
            int n = seen.merge(s.kind() + s.name(), 1, Integer::sum);
            byKey.putIfAbsent(s.key(n), s);
        }
        return byKey;
    }

    private static List<SlotRow> slots(ClassInfo l, ClassInfo r) {
        Map<String, Slot> left = slotsOf(l);
        Map<String, Slot> right = slotsOf(r);
        List<SlotRow> rows = new ArrayList<>();
        left.forEach((key, a) -> rows.add(slotRow(a, right.get(key))));
        right.forEach((key, b) -> {
            if (!left.containsKey(key)) {
                rows.add(slotRow(null, b));
            }
        });
        return rows;
    }

    private static SlotRow slotRow(Slot a, Slot b) {
        boolean differs = a == null || b == null || a.size() != b.size() || !a.type().equals(b.type());
        return new SlotRow(a, b, differs);
    }

    private static List<Total> totals(ClassInfo l, ClassInfo r) {
        return List.of(
                total(Section.LOSS, "gaps inside (internal loss)", l == null ? null : l.lossInternal(), r == null ? null : r.lossInternal()),
                total(Section.LOSS, "alignment padding (external loss)", l == null ? null : l.lossExternal(), r == null ? null : r.lossExternal()),
                total(Section.SIZE, "instance size (shallow)", l == null ? null : l.instanceSize(), r == null ? null : r.instanceSize()));
    }

    private static Total total(Section section, String label, Long a, Long b) {
        return new Total(section, label, a, b, a == null || b == null || !a.equals(b));
    }

    /** The samples to show: the given ones first, then whatever else either side has. */
    private static Set<String> sampleNames(ClassInfo l, ClassInfo r, List<String> samples) {
        Set<String> names = new LinkedHashSet<>(samples);
        if (l != null) {
            names.addAll(l.deep().keySet());
        }
        if (r != null) {
            names.addAll(r.deep().keySet());
        }
        return names;
    }

    private static List<DeepRow> deep(ClassInfo l, ClassInfo r, List<String> samples) {
        List<DeepRow> rows = new ArrayList<>();
        for (String s : sampleNames(l, r, samples)) {
            Deep a = l == null ? null : l.deep().get(s);
            Deep b = r == null ? null : r.deep().get(s);
            if (a != null || b != null) {
                rows.add(new DeepRow(s, a, b, a == null || b == null || a.totalSize() != b.totalSize()));
            }
        }
        return rows;
    }

    /** The first sample both sides have. */
    private static String breakdown(ClassInfo l, ClassInfo r, List<String> samples) {
        if (l == null || r == null) {
            return null;
        }
        return sampleNames(l, r, samples).stream()
                .filter(s -> l.deep().containsKey(s) && r.deep().containsKey(s)).findFirst().orElse(null);
    }

    private static List<ClassRow> byClass(ClassInfo l, ClassInfo r, List<String> samples) {
        String sample = breakdown(l, r, samples);
        if (sample == null) {
            return List.of();
        }
        Deep a = l.deep().get(sample);
        Deep b = r.deep().get(sample);
        Set<String> classes = new LinkedHashSet<>(a.byClass().keySet());
        classes.addAll(b.byClass().keySet());
        List<ClassRow> rows = new ArrayList<>();
        for (String k : classes) {
            ClassCount x = a.byClass().get(k);
            ClassCount y = b.byClass().get(k);
            rows.add(new ClassRow(k, x, y, !Objects.equals(x, y)));
        }
        return rows;
    }

    private static String deepCell(Deep d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%,d B (%d objects)", d.totalSize(), d.totalCount());
    }

    private static String countCell(ClassCount c) {
        return c == null ? "-" : c.count() + " x, " + c.bytes() + " B";
    }

    /** {@code java.util.HashMap$Node[]} → {@code HashMap$Node[]}; generics dropped. */
    public static String shortType(String type) {
        String t = type;
        int lt = t.indexOf('<');
        if (lt >= 0) {
            t = t.substring(0, lt);
        }
        int dot = t.lastIndexOf('.');
        return dot >= 0 ? t.substring(dot + 1) : t;
    }
}
