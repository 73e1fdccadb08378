package lab.agent.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts and waits for a child JVM; paths of the built agent jar and test classes. */
public final class ChildJvm {

    /** The built, shaded agent (failsafe passes its path after {@code package}). */
    public static Path agentJar() {
        Path jar = Paths.get(System.getProperty("lab.agent.jar", "target/lab-agent.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar not built: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    public static Path testClasses() {
        return Paths.get(System.getProperty("lab.test.classes", "target/test-classes")).toAbsolutePath();
    }

    /** The class path entry (jar or directory) that holds {@code type}. */
    public static String locationOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String classPath(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    /** The result of a finished child. */
    public static final class Result {
        public final int exitCode;
        public final String out;
        public final String err;

        Result(int exitCode, String out, String err) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** A started child whose output goes to files; closing it kills it if it still runs (a failed test leaves nothing behind). */
    public static final class Running implements AutoCloseable {
        public final Process process;
        private final Path out;
        private final Path err;

        Running(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        public Result await(long timeoutSeconds) throws IOException, InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                throw new IllegalStateException("child JVM did not finish in " + timeoutSeconds + " s:\n" + read());
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }

        /** Waits until the child printed {@code line} on stdout; fails if it exits or takes longer. */
        public void awaitLine(String line, long timeoutSeconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!Files.readString(out, StandardCharsets.UTF_8).lines().anyMatch(line::equals)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("child JVM did not print '" + line + "' (alive: "
                            + process.isAlive() + "):\n" + read());
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor();
            }
        }

        /** What the child printed so far (stdout, then stderr). */
        public String outputSoFar() throws IOException {
            return read();
        }

        private String read() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8) + "\n" + Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    private ChildJvm() {
    }

    public static Running start(Path workDir, List<String> command) throws IOException {
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "out-", ".txt");
        Path err = Files.createTempFile(workDir, "err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        return new Running(pb.start(), out, err);
    }

    public static Result run(Path workDir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        return start(workDir, command).await(timeoutSeconds);
    }
}
