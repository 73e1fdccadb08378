package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a run was measured. Every figure the site shows is read next to this: a ratio measured
 * on 2 cores says nothing about 32 goroutines. All fields are nullable (imported runs know less).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(
        String jvmVendor,
        String jvmVersion,
        String jvmName,
        String javaHome,
        List<String> jvmFlags,
        String os,
        String kernel,
        String arch,
        String cpuModel,
        Integer cores,
        Long memoryBytes,
        String gitCommit,
        Boolean gitDirty,
        String jmhVersion,
        String agentVersion,
        String asyncProfilerVersion,
        String hostname) {

    public static Environment unknown() {
        return new Environment(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** The running JVM and machine; git state of {@code repoRoot} when it is a checkout. */
    public static Environment capture(Path repoRoot) {
        String commit = git(repoRoot, "rev-parse", "HEAD");
        String status = commit == null ? null : git(repoRoot, "status", "--porcelain", "--untracked-files=no");
        return new Environment(
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.name"),
                System.getProperty("java.home"),
                List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                firstLine(Path.of("/proc/sys/kernel/osrelease")),
                System.getProperty("os.arch"),
                readCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                totalMemory(),
                commit,
                status == null ? null : !status.isBlank(),
                readJmhVersion(),
                null,
                null,
                readHostname());
    }

    /** The same environment with the versions only the runner knows. */
    public Environment withVersions(String jmh, String agent, String asyncProfiler) {
        return new Environment(jvmVendor, jvmVersion, jvmName, javaHome, jvmFlags, os, kernel, arch, cpuModel,
                cores, memoryBytes, gitCommit, gitDirty, jmh != null ? jmh : jmhVersion,
                agent != null ? agent : agentVersion,
                asyncProfiler != null ? asyncProfiler : asyncProfilerVersion, hostname);
    }

    /** A short human label: "OpenJDK 64-Bit Server VM 17.0.15+6, 2 cores". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (jvmName != null) {
            sb.append(jvmName);
        }
        if (jvmVersion != null) {
            sb.append(sb.length() > 0 ? " " : "").append(jvmVersion);
        }
        if (cores != null) {
            sb.append(sb.length() > 0 ? ", " : "").append(cores).append(cores == 1 ? " core" : " cores");
        }
        return sb.length() == 0 ? "unknown environment" : sb.toString();
    }

    private static String readJmhVersion() {
        try {
            Class<?> v = Class.forName("org.openjdk.jmh.util.Version");
            return (String) v.getMethod("getPlainVersion").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static Long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return null;
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no access: the field stays empty rather than guessed
        }
        return null;
    }

    private static String readHostname() {
        String env = System.getenv("HOSTNAME");
        return env != null && !env.isBlank() ? env : firstLine(Path.of("/etc/hostname"));
    }

    private static String firstLine(Path p) {
        try {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            return lines.isEmpty() ? null : lines.get(0).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String git(Path repoRoot, String... args) {
        if (repoRoot == null) {
            return null;
        }
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = repoRoot.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
