package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code reports/<id>/run.json}: what a stored run is. {@link #schema} is the format version:
 * readers accept any version up to {@link #SCHEMA}, ignore fields they do not know (a newer
 * writer) and see missing fields as null or empty (an older writer).
 *
 * @param profiles {@link BenchmarkResult#key()} → folder of that benchmark's async-profiler
 *                 output, relative to the profiles root ({@code <run-id>/<jmh folder>})
 * @param warnings what the run had to leave out and why (e.g. no flame graphs on this machine)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunManifest(
        int schema,
        String id,
        String label,
        RunStatus status,
        String source,
        Instant startedAt,
        Instant endedAt,
        Environment environment,
        RunConfiguration configuration,
        List<String> files,
        Map<String, String> profiles,
        String error,
        List<String> warnings) {

    public static final int SCHEMA = 1;

    public RunManifest {
        label = label == null ? "" : label;
        environment = environment == null ? Environment.unknown() : environment;
        configuration = configuration == null ? RunConfiguration.empty() : configuration;
        files = files == null ? List.of() : List.copyOf(files);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RunManifest withFiles(List<String> newFiles) {
        return new RunManifest(schema, id, label, status, source, startedAt, endedAt, environment, configuration,
                newFiles, profiles, error, warnings);
    }

    public RunManifest withId(String newId) {
        return new RunManifest(schema, newId, label, status, source, startedAt, endedAt, environment, configuration,
                files, profiles, error, warnings);
    }
}
