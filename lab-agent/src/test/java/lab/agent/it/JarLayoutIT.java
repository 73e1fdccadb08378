package lab.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** What lab-agent.jar must and must not contain. */
class JarLayoutIT {

    @Test
    void agentManifestAndRelocatedByteBuddyAndNoLoadableCountersClass() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("lab.agent.LabAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("lab.agent.LabAgent");
            assertThat(main.getValue("Main-Class")).isEqualTo("lab.agent.LabAgent");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(main.getValue("Can-Redefine-Classes")).isEqualTo("true");

            List<String> names = new ArrayList<>();
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                names.add(e.getName());
            }
            assertThat(names).contains("lab-agent-runtime/LabCounters.bin", "lab/agent/jmh/LabCountersProfiler.class");
            assertThat(names).as("the counters class only ever loads from the bootstrap path")
                    .noneMatch(n -> n.startsWith("lab/agent/runtime/"));
            assertThat(names).anyMatch(n -> n.startsWith("lab/agent/shaded/bytebuddy/agent/builder/"));
            assertThat(names).noneMatch(n -> n.startsWith("net/bytebuddy/"));
            assertThat(names).as("JMH is provided by the benchmark project").noneMatch(n -> n.startsWith("org/openjdk/jmh/"));
        }
    }
}
