package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One JVM configuration of a run's matrix: a java executable and the flags that make it this
 * configuration. Named as the layout lab names configurations ({@code jdk17-default},
 * {@code jdk25-compact-headers}), so a run's rows and its layouts line up.
 *
 * @param version the JVM's {@code java.runtime.version} (or its release file's), null when unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JvmConfig(String name, String java, List<String> args, String version) {

    public JvmConfig {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
