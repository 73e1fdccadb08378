package lab.core.layout;

import lab.core.layout.LayoutsJson.ClassCount;
import lab.core.layout.LayoutsJson.ClassInfo;
import lab.core.layout.LayoutsJson.Deep;
import lab.core.layout.LayoutsJson.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Two class layouts as rows, the rows whose values differ marked: the comparison
 * {@code ./lab layout} prints and the site renders, computed in one place so both mark the same
 * rows. The two sides can be two classes of one configuration (MemoryStore-as-shard vs
 * ShardUnit) or one class in two configurations (compressed oops on vs off).
 *
 * <p>Fields are matched by name; a field present on one side only, or with another type or
 * size, differs. Offsets are shown but not compared: the JVM packs fields differently as soon as
 * one field is added or removed, and that alone is not what a reader looks for.
 */
public final class SideBySide {

    /** Which part of the comparison a row belongs to. */
    public enum Section { HEADER, FIELD, LOSS, SIZE, DEEP, DEEP_BY_CLASS }

    /** One row: a label, the two cells as text, and whether they differ. */
    public record Row(Section section, String label, String left, String right, boolean differs) {
    }

    private SideBySide() {
    }

    /**
     * The rows for two layouts (either may be null: its cells are "-"). {@code samples} are the
     * deep-size samples to show (e.g. shard-empty, shard-with-tasks); the first one present on
     * both sides is also broken down by class.
     */
    public static List<Row> rows(ClassInfo l, ClassInfo r, List<String> samples) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Section.HEADER, "object header", l == null ? "-" : l.headerSize() + " B",
                r == null ? "-" : r.headerSize() + " B", l == null || r == null || l.headerSize() != r.headerSize()));
        Map<String, Field> lf = fieldsByName(l);
        Map<String, Field> rf = fieldsByName(r);
        Set<String> names = new LinkedHashSet<>(lf.keySet());
        names.addAll(rf.keySet());
        for (String n : names) {
            Field a = lf.get(n);
            Field b = rf.get(n);
            String type = shortType((a != null ? a : b).type());
            boolean differs = a == null || b == null || a.size() != b.size() || !a.type().equals(b.type());
            rows.add(new Row(Section.FIELD, n + " " + type, fieldCell(a), fieldCell(b), differs));
        }
        rows.add(number(Section.LOSS, "gaps inside (internal loss)", l == null ? null : l.lossInternal(),
                r == null ? null : r.lossInternal()));
        rows.add(number(Section.LOSS, "alignment padding (external loss)", l == null ? null : l.lossExternal(),
                r == null ? null : r.lossExternal()));
        rows.add(number(Section.SIZE, "instance size (shallow)", l == null ? null : l.instanceSize(),
                r == null ? null : r.instanceSize()));
        String breakdown = null;
        for (String s : samples) {
            Deep a = l == null ? null : l.deep().get(s);
            Deep b = r == null ? null : r.deep().get(s);
            if (a == null && b == null) {
                continue;
            }
            if (breakdown == null && a != null && b != null) {
                breakdown = s;
            }
            rows.add(new Row(Section.DEEP, "deep size, " + s, deepCell(a), deepCell(b),
                    a == null || b == null || a.totalSize() != b.totalSize()));
        }
        if (breakdown != null) {
            Deep a = l.deep().get(breakdown);
            Deep b = r.deep().get(breakdown);
            Set<String> classes = new LinkedHashSet<>(a.byClass().keySet());
            classes.addAll(b.byClass().keySet());
            for (String k : classes) {
                ClassCount x = a.byClass().get(k);
                ClassCount y = b.byClass().get(k);
                rows.add(new Row(Section.DEEP_BY_CLASS, shortType(k) + " (" + breakdown + ")", countCell(x), countCell(y),
                        x == null || !x.equals(y)));
            }
        }
        return rows;
    }

    private static Row number(Section section, String label, Long a, Long b) {
        return new Row(section, label, a == null ? "-" : a + " B", b == null ? "-" : b + " B",
                a == null || b == null || !a.equals(b));
    }

    private static Map<String, Field> fieldsByName(ClassInfo c) {
        Map<String, Field> m = new LinkedHashMap<>();
        if (c == null) {
            return m;
        }
        List<Field> sorted = new ArrayList<>(c.fields());
        sorted.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        for (Field f : sorted) {
            m.put(f.name(), f);
        }
        return m;
    }

    private static String fieldCell(Field f) {
        return f == null ? "(absent)" : f.size() + " B @" + f.offset();
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
