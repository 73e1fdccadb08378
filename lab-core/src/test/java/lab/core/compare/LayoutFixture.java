package lab.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.record.Layouts;
import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts.Deep;
import lab.core.record.Layouts.Field;
import lab.core.record.Layouts.Gap;

/**
 * Layouts written by hand as JDK 17 with compressed oops and class pointers lays them out (12-byte
 * header, 4-byte references, 8-byte alignment), for tests that need two runs' layouts without
 * starting a child JVM.
 */
public final class LayoutFixture {

    public static final String POINT = "com.acme.Point";
    public static final String GONE = "com.acme.Gone";
    public static final String ADDED = "com.acme.Added";

    private LayoutFixture() {
    }

    /** {@code class Point { int x; int y; }}, and with {@code Object tag} added when asked. */
    public static ClassInfo point(boolean withTag) {
        List<Field> fields = new ArrayList<>(List.of(new Field("x", "int", POINT, 12, 4), new Field("y", "int", POINT, 16, 4)));
        List<Gap> gaps = List.of();
        long lossExternal = 0;
        if (withTag) {
            fields.add(new Field("tag", "java.lang.Object", POINT, 20, 4));
        } else {
            gaps = List.of(new Gap(20, 4, "external"));
            lossExternal = 4;
        }
        Deep deep = new Deep("a new Point", 0, 24, 1, Map.of(POINT, new Layouts.ClassCount(1, 24)), Map.of());
        return new ClassInfo(POINT, "Point", 24, 12, fields, gaps, 0, lossExternal, lossExternal, "(JOL printout)",
                Map.of(Layouts.SAMPLE_NEW_INSTANCE, deep), null);
    }

    /** A class of one field, the same in every run it is in. */
    public static ClassInfo single(String name) {
        return new ClassInfo(name, name.substring(name.lastIndexOf('.') + 1), 16, 12,
                List.of(new Field("v", "int", name, 12, 4)), List.of(), 0, 0, 0, "(JOL printout)", Map.of(), "no no-argument constructor");
    }

    public static Configuration configuration(String name, ClassInfo... classes) {
        Map<String, ClassInfo> map = new LinkedHashMap<>();
        for (ClassInfo c : classes) {
            map.put(c.name(), c);
        }
        return new Configuration(name, name + " (fixture)", null, List.of(), List.of(), null, null, List.of(), 10, map, List.of());
    }

    public static Configuration failed(String name) {
        return new Configuration(name, name + " (fixture)", null, List.of(), List.of(), null, "could not start", List.of(), 0,
                Map.of(), List.of());
    }

    public static Layouts layouts(Configuration... configurations) {
        return new Layouts(Layouts.SCHEMA, "2026-12-06T12:00:00Z", List.of(),
                new Layouts.Comparison(POINT, POINT, List.of(Layouts.SAMPLE_NEW_INSTANCE)), "fixture exclusions",
                List.of(configurations), List.of("/tmp/fixture-classes"));
    }

    /** Before: Point without tag, and Gone; after: Point with tag, and Added. */
    public static Layouts before() {
        return layouts(configuration("jdk17-default", point(false), single(GONE)));
    }

    public static Layouts after() {
        return layouts(configuration("jdk17-default", point(true), single(ADDED)), configuration("jdk25-default", point(true)));
    }
}
