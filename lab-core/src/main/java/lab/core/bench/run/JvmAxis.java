package lab.core.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lab.core.record.JvmConfig;

/**
 * The JVM configurations of a run: every {@code --jvm} (a java executable or a Java home; the
 * running JVM when none is given) with every {@code --jvm-args} set (no extra flags when none is
 * given). Each configuration is started once with {@code -version} before the run, so a JVM that
 * is not there or a flag it refuses ({@code -XX:+UseCompactObjectHeaders} on JDK 17) stops the
 * run before anything is measured, with the JVM's own words.
 */
public final class JvmAxis {

    private static final Pattern SPEC_VERSION = Pattern.compile("java\\.specification\\.version = (\\S+)");
    private static final Pattern RUNTIME_VERSION = Pattern.compile("java\\.runtime\\.version = (\\S+)");

    private JvmAxis() {
    }

    /** The running JVM with no extra flags: the configuration of a run without --jvm/--jvm-args. */
    public static JvmConfig running() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new JvmConfig(JvmConfig.nameFor(Runtime.version().feature(), List.of()), java, List.of(),
                System.getProperty("java.runtime.version"));
    }

    /**
     * Resolves and checks the configurations.
     *
     * @param jvms    java executables or homes; empty for the running JVM
     * @param argSets flag sets, each a whitespace-separated string ("" for none); empty for none
     * @throws IllegalArgumentException naming the JVM and what it said, when one cannot start
     */
    public static List<JvmConfig> resolve(List<String> jvms, List<String> argSets) {
        List<String> executables = new ArrayList<>();
        if (jvms.isEmpty()) {
            executables.add(running().java());
        }
        for (String j : jvms) {
            executables.add(executable(j));
        }
        List<List<String>> flags = new ArrayList<>();
        if (argSets.isEmpty()) {
            flags.add(List.of());
        }
        for (String a : argSets) {
            flags.add(a.isBlank() ? List.of() : List.of(a.trim().split("\\s+")));
        }
        List<JvmConfig> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String exe : new LinkedHashSet<>(executables)) {
            for (List<String> f : flags) {
                String[] versions = probe(exe, f);
                String base = JvmConfig.nameFor(feature(versions[0]), f);
                String name = base;
                for (int i = 2; !names.add(name); i++) {
                    name = base + "-" + i;
                }
                out.add(new JvmConfig(name, exe, f, versions[1]));
            }
        }
        return List.copyOf(out);
    }

    private static String executable(String given) {
        Path p = Path.of(given).toAbsolutePath().normalize();
        Path exe = Files.isDirectory(p) ? p.resolve("bin").resolve("java") : p;
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            throw new IllegalArgumentException("--jvm " + given + ": no java executable there"
                    + (Files.isDirectory(p) ? " (looked for bin/java)" : ""));
        }
        return exe.toString();
    }

    /** [java.specification.version, java.runtime.version] of the JVM started with these flags. */
    private static String[] probe(String exe, List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe);
        cmd.addAll(flags);
        cmd.add("-XshowSettings:properties");
        cmd.add("-version");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalArgumentException(exe + " " + String.join(" ", flags) + " did not answer -version within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalArgumentException(exe + " refuses " + (flags.isEmpty() ? "to start" : String.join(" ", flags))
                        + ": " + lastLines(out));
            }
            Matcher spec = SPEC_VERSION.matcher(out);
            Matcher runtime = RUNTIME_VERSION.matcher(out);
            return new String[] {spec.find() ? spec.group(1) : null, runtime.find() ? runtime.group(1) : null};
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot start " + exe + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + exe, e);
        }
    }

    static int feature(String specVersion) {
        if (specVersion == null) {
            return 0;
        }
        Matcher m = Pattern.compile("^(?:1\\.)?(\\d+)").matcher(specVersion);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String lastLines(String out) {
        String[] lines = out.strip().split("\\R");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                sb.append(sb.length() == 0 ? "" : " / ").append(lines[i].strip());
            }
        }
        return sb.toString();
    }
}
