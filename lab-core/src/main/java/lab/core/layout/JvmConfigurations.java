package lab.core.layout;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which JVM configurations the layout pass measures.
 *
 * <p>{@link #running()}: the running JVM as it is. {@link #discover()}: the running JVM as it is,
 * and with {@code -XX:-UseCompressedOops}; then every
 * JDK 25 found under {@code /usr/lib/jvm} (a {@code release} file saying
 * {@code JAVA_VERSION="25...}) with its defaults and with {@code -XX:+UseCompactObjectHeaders}
 * (a product flag from JDK 25 on). With explicit JVMs ({@code --jvm PATH}, a java executable or
 * a Java home) only those: each with its defaults plus, on JDK 25 and later, compact headers, and
 * before that, compressed oops off. A path that is no JVM is still a configuration: it carries
 * its problem and is reported with it.
 */
final class JvmConfigurations {

    static final String NO_COMPRESSED_OOPS = lab.core.record.JvmConfig.NO_COMPRESSED_OOPS;
    static final String COMPACT_HEADERS = lab.core.record.JvmConfig.COMPACT_HEADERS;
    /** Where to look for other JDKs (system property {@code lab.layout.jvmRoot} overrides). */
    static final String JVM_ROOT = "/usr/lib/jvm";

    /** Flags of the running JVM that change object layout; the running configuration keeps them. */
    private static final Pattern LAYOUT_FLAG = Pattern.compile(
            "-XX:[+-]?(UseCompressedOops|UseCompressedClassPointers|UseCompactObjectHeaders|UnlockExperimentalVMOptions"
                    + "|ObjectAlignmentInBytes=\\d+|CompactFields|FieldsAllocationStyle=\\d+)");
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]*)\"", Pattern.MULTILINE);
    private static final Pattern IMPLEMENTOR = Pattern.compile("^IMPLEMENTOR=\"([^\"]*)\"", Pattern.MULTILINE);
    private static final Pattern SPEC_PROPERTY = Pattern.compile("java\\.specification\\.version = (\\S+)");

    private JvmConfigurations() {
    }

    /**
     * One configuration to run.
     *
     * @param java    the java executable (null when none was found: see problem)
     * @param feature the JVM's feature version (17, 25, ...), 0 when unknown
     * @param flags   the flags that make this configuration
     * @param problem why it cannot run, or null
     */
    record JvmConfig(String name, String label, String java, String home, int feature, String version,
                     String vendor, List<String> flags, String problem) {
    }

    /** The running JVM as it is (its layout-relevant flags kept): {@code ./lab layout}'s default. */
    static List<JvmConfig> running() {
        return unique(List.of(runningAsIs()));
    }

    private static JvmConfig runningAsIs() {
        Path running = Path.of(System.getProperty("java.home"));
        return config(running.resolve("bin").resolve("java").toString(), running.toString(), Runtime.version().feature(),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"), inheritedLayoutFlags());
    }

    static List<JvmConfig> discover() {
        List<JvmConfig> out = new ArrayList<>();
        Path running = Path.of(System.getProperty("java.home"));
        int feature = Runtime.version().feature();
        String version = System.getProperty("java.runtime.version");
        String vendor = System.getProperty("java.vendor");
        String java = running.resolve("bin").resolve("java").toString();
        List<String> inherited = inheritedLayoutFlags();
        out.add(runningAsIs());
        List<String> noOops = new ArrayList<>(inherited);
        noOops.add(NO_COMPRESSED_OOPS);
        out.add(config(java, running.toString(), feature, version, vendor, noOops));
        if (feature >= 25) {
            List<String> coh = new ArrayList<>(inherited);
            coh.add(COMPACT_HEADERS);
            out.add(config(java, running.toString(), feature, version, vendor, coh));
        }
        Path root = Path.of(System.getProperty("lab.layout.jvmRoot", JVM_ROOT));
        for (Path home : jdkHomes(root, "25")) {
            if (sameFile(home, running)) {
                continue;
            }
            String[] release = release(home);
            String exe = home.resolve("bin").resolve("java").toString();
            out.add(config(exe, home.toString(), 25, release[0], release[1], List.of()));
            out.add(config(exe, home.toString(), 25, release[0], release[1], List.of(COMPACT_HEADERS)));
        }
        return unique(out);
    }

    /** The configurations of explicitly named JVMs (executables or homes). */
    static List<JvmConfig> forJvms(List<String> paths) {
        List<JvmConfig> out = new ArrayList<>();
        for (String p : paths) {
            Path given = Path.of(p).toAbsolutePath().normalize();
            Path exe = Files.isDirectory(given) ? given.resolve("bin").resolve("java") : given;
            if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
                out.add(new JvmConfig(null, null, null, p, 0, null, null, List.of(),
                        "no java executable at " + p + (Files.isDirectory(given) ? " (looked for bin/java)" : "")));
                continue;
            }
            Path home = exe.getParent() != null && exe.getParent().getParent() != null ? exe.getParent().getParent() : null;
            String[] release = home == null ? new String[] {null, null} : release(home);
            int feature = feature(release[0]);
            if (feature == 0) {
                feature = probeFeature(exe);
            }
            String homeName = home == null ? null : home.toString();
            out.add(config(exe.toString(), homeName, feature, release[0], release[1], List.of()));
            out.add(config(exe.toString(), homeName, feature, release[0], release[1],
                    List.of(feature >= 25 ? COMPACT_HEADERS : NO_COMPRESSED_OOPS)));
        }
        return unique(out);
    }

    private static JvmConfig config(String java, String home, int feature, String version, String vendor,
                                    List<String> flags) {
        return new JvmConfig(null, null, java, home, feature, version, vendor, List.copyOf(flags), null);
    }

    /** Names each configuration ({@code jdk17-default}, {@code jdk25-compact-headers}, ...) uniquely. */
    private static List<JvmConfig> unique(List<JvmConfig> configs) {
        List<JvmConfig> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (JvmConfig c : configs) {
            String base = lab.core.record.JvmConfig.nameFor(c.feature(), c.flags());
            if (c.problem() != null && c.java() == null) {
                base = "jvm-unavailable";
            }
            String name = base;
            for (int i = 2; !names.add(name); i++) {
                name = base + "-" + i;
            }
            String who = c.java() == null ? c.home()
                    : (c.version() == null ? "JDK " + (c.feature() > 0 ? c.feature() : "?") : c.version())
                    + (c.vendor() == null ? "" : " (" + c.vendor() + ")");
            String label = who + ", " + (c.flags().isEmpty() ? "default flags" : String.join(" ", c.flags()));
            out.add(new JvmConfig(name, label, c.java(), c.home(), c.feature(), c.version(), c.vendor(), c.flags(),
                    c.problem()));
        }
        return out;
    }

    private static List<String> inheritedLayoutFlags() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (LAYOUT_FLAG.matcher(a).matches()) {
                out.add(a);
            }
        }
        return out;
    }

    /** Java homes under root whose release file says JAVA_VERSION="major...", real paths, once each. */
    static List<Path> jdkHomes(Path root, String major) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                String v = release(d)[0];
                if (v == null || !(v.equals(major) || v.startsWith(major + ".") || v.startsWith(major + "-"))) {
                    continue;
                }
                Path real = d.toRealPath();
                if (out.stream().noneMatch(p -> p.equals(real)) && Files.isExecutable(real.resolve("bin/java"))) {
                    out.add(real);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** [JAVA_VERSION, IMPLEMENTOR] from a home's release file (nulls when absent). */
    static String[] release(Path home) {
        try {
            String text = Files.readString(home.resolve("release"));
            Matcher v = JAVA_VERSION.matcher(text);
            Matcher i = IMPLEMENTOR.matcher(text);
            return new String[] {v.find() ? v.group(1) : null, i.find() ? i.group(1) : null};
        } catch (IOException | RuntimeException e) {
            return new String[] {null, null};
        }
    }

    static int feature(String version) {
        if (version == null) {
            return 0;
        }
        Matcher m = Pattern.compile("^(?:1\\.)?(\\d+)").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int probeFeature(Path exe) {
        try {
            Process p = new ProcessBuilder(exe.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 0;
            }
            Matcher m = SPEC_PROPERTY.matcher(out);
            return m.find() ? feature(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
