package lab.core.bench.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import lab.core.record.RunRepository;

/**
 * The lab agent's JMH profiler as the runner uses it: which class, which agent jar, which options.
 * The profiler adds {@code -javaagent:<jar>=includes=...} to each fork and reports the
 * {@code lab.*.norm} counters as secondary results.
 */
public final class AgentProfiler {

    /** The lab agent's JMH profiler (lab-agent, package lab.agent.jmh). */
    static final String PROFILER_CLASS = "lab.agent.jmh.LabCountersProfiler";

    private final Path jar;
    private final String version;

    private AgentProfiler(Path jar, String version) {
        this.jar = jar;
        this.version = version;
    }

    /** The agent for this run, or null with a warning saying why the run has no lab.* counters. */
    static AgentProfiler resolve(RunRequest request, List<String> warnings) {
        Path jar = request.agentJar != null ? request.agentJar
                : defaultJar(request.repoRoot != null ? request.repoRoot : RunRepository.labHome());
        if (!Files.isRegularFile(jar)) {
            warnings.add("lab agent jar not found at " + jar.toAbsolutePath() + " (build it: mvn -pl lab-agent package):"
                    + " no lab.* counters in this run");
            return null;
        }
        try {
            Class.forName(PROFILER_CLASS, false, AgentProfiler.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            warnings.add("the lab agent's JMH profiler " + PROFILER_CLASS + " is not on the class path: no lab.* counters");
            return null;
        }
        return new AgentProfiler(jar.toAbsolutePath(), jarVersion(jar));
    }

    /** Where a checkout builds the agent jar ({@code mvn -pl lab-agent package}). */
    public static Path defaultJar(Path checkout) {
        return checkout.resolve("lab-agent/target/lab-agent.jar");
    }

    /** The jar's Implementation-Version, or null. */
    public static String jarVersion(Path jar) {
        try (java.util.jar.JarFile jf = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest mf = jf.getManifest();
            return mf == null ? null : mf.getMainAttributes().getValue("Implementation-Version");
        } catch (java.io.IOException e) {
            return null;
        }
    }

    String profilerClass() {
        return PROFILER_CLASS;
    }

    /** The profiler's init line. */
    String options() {
        return "agentJar=" + jar + ";includes=" + lab.core.store.AgentIncludes.STORES;
    }

    Path jar() {
        return jar;
    }

    String version() {
        return version;
    }
}
