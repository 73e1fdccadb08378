package lab.core.layout;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * A user's classes outside the lab, made in a test: Java sources compiled with the JDK's own
 * compiler ({@code javax.tools}) into a folder, for {@code --release 17} so every JVM here loads them.
 */
public final class JavaSources {

    private JavaSources() {
    }

    /** Compiles {@code sources} (class name → source text) into {@code dir}; returns {@code dir}. */
    public static Path compile(Path dir, Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime (a JRE, not a JDK?)");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter log = new StringWriter();
        boolean ok = compiler.getTask(log, null, null, List.of("--release", "17", "-d", dir.toString()), null, units).call();
        if (!ok) {
            throw new IllegalStateException("the test's sources do not compile: " + log);
        }
        return dir;
    }

    /** The class as the user's JVM would load it: from {@code dir}, not from the lab's class path. */
    public static Class<?> load(Path dir, String name) throws Exception {
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, JavaSources.class.getClassLoader());
        return Class.forName(name, false, loader);
    }
}
