package lab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.core.layout.JavaSources;
import lab.core.record.Layouts;
import lab.core.record.Layouts.ClassInfo;
import lab.core.record.Layouts.Configuration;
import lab.core.record.RunKind;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * A user's classes, compiled here outside the lab, laid out by {@code ./lab layout --classpath}
 * in a child JVM of the running JVM: the sizes stored are JOL's own for those classes (checked by
 * loading them in this JVM and asking JOL), a class without a no-argument constructor says so, and
 * two layout runs of a class before and after a field change compare with the changed rows marked.
 */
class UserClassLayoutIT {

    static final String POINT_BEFORE = "package com.acme; public class Point { int x; int y; String name = \"origin\"; }";
    static final String POINT_AFTER = "package com.acme; public class Point { int x; int y; String name = \"origin\"; Object tag; long stamp; }";
    static final String PAIR = "package com.acme; public class Pair { final Object a; final Object b;"
            + " public Pair(Object a, Object b) { this.a = a; this.b = b; } }";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void jol() {
        System.setProperty("jol.magicFieldOffset", "true"); // what the lab's child JVMs get (lab.core.layout.Jol)
    }

    @Test
    void theUsersClassesAreLaidOutWithJolsOwnSizesAndStoredAsALayoutRun() throws Exception {
        Path classes = JavaSources.compile(tmp.resolve("v1"), Map.of("com.acme.Point", POINT_BEFORE, "com.acme.Pair", PAIR));
        Path reports = tmp.resolve("reports-1");

        CommandHelpTest.Outcome o = CommandHelpTest.lab("layout", "--classpath", classes.toString(),
                "--classes", "com.acme.Point,com.acme.Pair", "--reports", reports.toString());

        assertThat(o.code()).as(o.err()).isZero();
        String id = o.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        StoredRun run = new RunRepository(reports).find(id).orElseThrow();
        assertThat(run.manifest().kind()).isEqualTo(RunKind.LAYOUT);
        Layouts layouts = run.layouts().orElseThrow();
        assertThat(layouts.classPath()).containsExactly(classes.toAbsolutePath().toString());
        Configuration running = layouts.configuration("jdk" + Runtime.version().feature() + "-default").orElseThrow();

        Class<?> point = JavaSources.load(classes, "com.acme.Point");
        Class<?> pair = JavaSources.load(classes, "com.acme.Pair");
        ClassInfo p = running.classInfo("com.acme.Point");
        assertThat(p.instanceSize()).isEqualTo(ClassLayout.parseClass(point).instanceSize());
        assertThat(p.fields()).extracting(Layouts.Field::name).containsExactlyInAnyOrder("x", "y", "name");
        assertThat(p.deep().get(Layouts.SAMPLE_NEW_INSTANCE).totalSize())
                .isEqualTo(GraphLayout.parseInstance(point.getDeclaredConstructor().newInstance()).totalSize());
        ClassInfo q = running.classInfo("com.acme.Pair");
        assertThat(q.instanceSize()).isEqualTo(ClassLayout.parseClass(pair).instanceSize());
        assertThat(q.deep()).isEmpty();
        assertThat(q.noSample()).isEqualTo("no no-argument constructor");

        assertThat(o.out()).contains("com.acme.Point object internals:", "Deep size of a new instance (no-argument constructor): ",
                "No deep size: no no-argument constructor");
        assertThat(run.file(Layouts.FILE_NAME)).isPresent();
    }

    @Test
    void twoLayoutRunsOfAClassBeforeAndAfterAFieldChangeCompareWithTheChangedRowsMarked() throws Exception {
        Path reports = tmp.resolve("reports-2");
        String before = layoutRun(JavaSources.compile(tmp.resolve("before"), Map.of("com.acme.Point", POINT_BEFORE)), reports, "before");
        String after = layoutRun(JavaSources.compile(tmp.resolve("after"), Map.of("com.acme.Point", POINT_AFTER)), reports, "after");

        CommandHelpTest.Outcome o = CommandHelpTest.lab("compare", before, after, "--layouts", "--reports", reports.toString());

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("-- com.acme.Point: changed");
        assertThat(o.out()).containsPattern("(?m)^\\* +tag Object +\\(absent\\) +\\d+ B @\\d+$")
                .containsPattern("(?m)^\\* +stamp long +\\(absent\\) +8 B @\\d+$")
                .containsPattern("(?m)^\\* instance size \\(shallow\\) +\\d+ B +\\d+ B$")
                .containsPattern("(?m)^  +x int +4 B @\\d+ +4 B @\\d+$");
        for (String unchanged : List.of("y int", "name String", "object header")) {
            assertThat(o.out()).as(unchanged).containsPattern("(?m)^   *" + unchanged + " ");
        }
    }

    static String layoutRun(Path classes, Path reports, String label) {
        CommandHelpTest.Outcome o = CommandHelpTest.lab("layout", "--classpath", classes.toString(), "--classes", "com.acme.Point",
                "--label", label, "--reports", reports.toString());
        assertThat(o.code()).as(o.err()).isZero();
        return o.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    }
}
