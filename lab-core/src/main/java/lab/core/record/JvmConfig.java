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

    public static final String COMPACT_HEADERS = "-XX:+UseCompactObjectHeaders";
    public static final String NO_COMPRESSED_OOPS = "-XX:-UseCompressedOops";

    public JvmConfig {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /**
     * The name of a configuration: {@code jdk<feature>-<variant>}, where the variant is
     * {@code default}, {@code compact-headers}, {@code no-compressed-oops} (when among the flags), or else the flags
     * themselves as a slug ({@code jdk17-xx-useparallelgc}). {@code jvm-} when the feature
     * version is unknown (0).
     */
    public static String nameFor(int feature, List<String> flags) {
        return (feature > 0 ? "jdk" + feature : "jvm") + "-" + variant(flags);
    }

    /** The variant part of {@link #nameFor}. */
    public static String variant(List<String> flags) {
        if (flags.isEmpty()) {
            return "default";
        }
        if (flags.contains(COMPACT_HEADERS)) {
            return "compact-headers";
        }
        if (flags.contains(NO_COMPRESSED_OOPS)) {
            return "no-compressed-oops";
        }
        String slug = RunId.slug(String.join(" ", flags));
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    }
}
