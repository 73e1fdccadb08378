package lab.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The JVMs the jar-level tests run the agent on: the one running the tests (Java 17 in CI) and a
 * JDK 25 where one is installed ({@code -Dlab.test.jdk25=PATH} overrides where to look). A JVM
 * that is not there is a skipped test with a message, not a pass.
 */
public enum Jvms {
    CURRENT(Paths.get(System.getProperty("java.home"))),
    JDK25(Paths.get(System.getProperty("lab.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64")));

    private final Path home;

    Jvms(Path home) {
        this.home = home;
    }

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    public boolean present() {
        return Files.isExecutable(java());
    }

    /** Skips the calling test, saying why, when this JVM is not installed. */
    public Path javaOrSkip() {
        Assumptions.assumeTrue(present(), () -> name() + " not found at " + home + ": skipped on this JVM");
        return java();
    }

    public static Stream<Jvms> all() {
        return Stream.of(values());
    }

    @Override
    public String toString() {
        return name() + " (" + home + ")";
    }
}
