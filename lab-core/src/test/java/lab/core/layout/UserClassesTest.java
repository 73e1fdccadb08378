package lab.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How names given to {@code ./lab layout --classes} are found on a user's class path, in the parent. */
class UserClassesTest {

    @TempDir
    Path tmp;

    @Test
    void simpleNamesStillFindTheLabsStoresAndThenTheDefaultPackageOfTheUsersClassPath() {
        Path classes = JavaSources.compile(tmp.resolve("c"), Map.of(
                "Plain", "public class Plain { int a; }",
                "com.acme.Point", "package com.acme; public class Point { int x; }"));

        List<String> found = UserClasses.of(List.of(classes.toString())).resolve(List.of("ShardUnit", "Plain", "com.acme.Point", "ShardUnit"));

        assertThat(found).containsExactly("lab.core.store.ShardUnit", "Plain", "com.acme.Point");
    }

    @Test
    void severalEntriesAreSplitAtThePathSeparatorAndKeptAbsoluteOnce() throws Exception {
        Path a = JavaSources.compile(tmp.resolve("a"), Map.of("com.acme.A", "package com.acme; public class A { }"));
        Path b = JavaSources.compile(tmp.resolve("b"), Map.of("com.acme.A", "package com.acme; public class A { }",
                "com.acme.B", "package com.acme; public class B { com.acme.A a; }"));
        java.nio.file.Files.delete(b.resolve("com/acme/A.class")); // B's field type is found in the other entry only

        UserClasses user = UserClasses.of(List.of(b + File.pathSeparator + a, a.toString()));

        assertThat(user.entries()).containsExactly(b.toString(), a.toString());
        assertThat(user.resolve(List.of("com.acme.B"))).containsExactly("com.acme.B");
    }

    @Test
    void aClassCompiledForANewerJavaIsRefusedWithTheReason() throws Exception {
        Path classes = JavaSources.compile(tmp.resolve("c"), Map.of("com.acme.Point", "package com.acme; public class Point { int x; }"));
        Path file = classes.resolve("com/acme/Point.class");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        bytes[7] = (byte) (bytes[7] + 30); // major version: thirty Java releases from now
        java.nio.file.Files.write(file, bytes);

        assertThatThrownBy(() -> UserClasses.of(List.of(classes.toString())).resolve(List.of("com.acme.Point")))
                .hasMessageContaining("class com.acme.Point cannot be loaded: compiled for a newer Java than this JVM")
                .hasMessageContaining("with the class path " + classes);
    }
}
