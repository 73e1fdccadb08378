package lab.core.layout;

import lab.core.layout.JvmConfigurations.JvmConfig;
import lab.core.record.Layouts.Configuration;
import lab.core.record.Layouts;
import lab.core.record.Layouts.Jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LayoutProbe} in a child JVM of one configuration and collects its JSON.
 *
 * <p>Each configuration gets its own process because the things measured (reference width,
 * header size, field packing) are fixed when a JVM starts. A configuration that cannot run (no
 * such executable, a flag the JVM refuses, a crash, a timeout, output that is not our JSON) comes
 * back as a {@link Configuration} with its {@code error}, never as an exception and never dropped.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The class path the child gets: the parent's, unless {@code lab.layout.classpath} says otherwise. */
    static String classPath() {
        return System.getProperty("lab.layout.classpath", System.getProperty("java.class.path"));
    }

    static Configuration run(JvmConfig c, List<String> classes, List<Integer> entries) {
        return run(c, classes, entries, UserClasses.none());
    }

    static Configuration run(JvmConfig c, LayoutLab.Request request) {
        return run(c, request.classes(), request.entries(), UserClasses.of(request.classPath()));
    }

    /**
     * With a user class path, its entries are appended to the child's class path (the lab's
     * classes first) and the probe lays out exactly {@code classes}, measuring no store.
     */
    private static Configuration run(JvmConfig c, List<String> classes, List<Integer> entries, UserClasses user) {
        Jvm jvm = new Jvm(c.java(), c.home(), c.vendor(), c.version(), c.feature() > 0 ? String.valueOf(c.feature()) : null, null);
        List<String> jvmArgs = new ArrayList<>(Jol.supportArgs(c.feature()));
        jvmArgs.addAll(c.flags());
        if (c.problem() != null) {
            return failed(c, jvm, jvmArgs, c.problem(), List.of(), 0);
        }
        List<String> command = new ArrayList<>();
        command.add(c.java());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(user.isEmpty() ? classPath() : classPath() + java.io.File.pathSeparator + user.joined());
        command.add(LayoutProbe.class.getName());
        if (user.isEmpty()) {
            command.add("--entries");
            command.add(join(entries));
        } else {
            command.add(LayoutProbe.CLASSES_ONLY);
        }
        if (!classes.isEmpty()) {
            command.add("--classes");
            command.add(String.join(",", classes));
        }
        long start = System.nanoTime();
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("lab-layout-", ".json");
            err = Files.createTempFile("lab-layout-", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            long timeout = timeoutSeconds(entries);
            boolean done;
            try {
                done = p.waitFor(timeout, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return failed(c, jvm, jvmArgs, "interrupted", List.of(), millis(start));
            }
            if (!done) {
                p.destroyForcibly();
            }
            List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8);
            List<String> warnings = warnings(errLines);
            if (!done) {
                return failed(c, jvm, jvmArgs, "timed out after " + timeout + " s" + tail(errLines), warnings, millis(start));
            }
            String json = Files.readString(out, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                return failed(c, jvm, jvmArgs, "the JVM exited with " + p.exitValue() + tail(errLines), warnings, millis(start));
            }
            Configuration measured;
            try {
                measured = Layouts.parseConfiguration(json);
            } catch (IOException | RuntimeException e) {
                return failed(c, jvm, jvmArgs, "unreadable output from the child JVM: " + e.getMessage()
                        + tail(errLines), warnings, millis(start));
            }
            Jvm reported = measured.jvm() == null ? jvm : measured.jvm();
            return measured.withRun(c.name(), c.label(), reported, c.flags(), jvmArgs, null, warnings, millis(start));
        } catch (IOException e) {
            return failed(c, jvm, jvmArgs, "could not start " + c.java() + ": " + e.getMessage(), List.of(), millis(start));
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** Generous: a million-task fill of ChannelStore is a million thread hand-offs. */
    static long timeoutSeconds(List<Integer> entries) {
        long max = entries.stream().mapToLong(Integer::longValue).max().orElse(0);
        return 300 + max * 600 / 1_000_000;
    }

    private static Configuration failed(JvmConfig c, Jvm jvm, List<String> jvmArgs, String error,
                                        List<String> warnings, long millis) {
        return new Configuration(c.name(), c.label(), jvm, c.flags(), jvmArgs, null, error, warnings, millis,
                Map.of(), List.of());
    }

    static List<String> warnings(List<String> errLines) {
        List<String> out = new ArrayList<>();
        for (String l : errLines) {
            String t = l.trim();
            if (t.contains("WARNING") || t.startsWith("Warning")) {
                out.add(t.replaceFirst("^#\\s*", ""));
            }
        }
        return out;
    }

    private static String tail(List<String> lines) {
        List<String> useful = new ArrayList<>();
        for (String l : lines) {
            String t = l.trim();
            if (!t.isBlank() && !t.contains("WARNING") && !t.startsWith("at ") && !t.startsWith("... ")) {
                useful.add(l.trim());
            }
        }
        if (useful.isEmpty()) {
            return "";
        }
        return ": " + String.join(" | ", useful.subList(Math.max(0, useful.size() - 6), useful.size()));
    }

    private static String join(List<Integer> entries) {
        StringBuilder sb = new StringBuilder();
        for (int n : entries) {
            sb.append(sb.length() == 0 ? "" : ",").append(n);
        }
        return sb.toString();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
