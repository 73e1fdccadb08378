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
 * @param kind     what the run holds; JMH for manifests of schema 1
 * @param design   how the runner scheduled the forks (rounds, seed, JVM configurations); null for
 *                 imports and runs of schema 1
 * @param results  one entry per result of {@code jmh.json}, same order: JVM configuration, rounds
 *                 of its forks, profile folder; empty for imports and runs of schema 1
 * @param progress how far a RUNNING run has got; null once it is final
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
        List<String> warnings,
        RunKind kind,
        RunDesign design,
        List<ResultInfo> results,
        Progress progress) {

    /** 2: kind, design, results, progress; the RUNNING and ABANDONED statuses. */
    public static final int SCHEMA = 2;

    public RunManifest {
        label = label == null ? "" : label;
        environment = environment == null ? Environment.unknown() : environment;
        configuration = configuration == null ? RunConfiguration.empty() : configuration;
        files = files == null ? List.of() : List.copyOf(files);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        kind = kind == null ? RunKind.JMH : kind;
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** A manifest without a run design (imports, uploads, runs of other kinds). */
    public RunManifest(int schema, String id, String label, RunStatus status, String source, Instant startedAt,
                       Instant endedAt, Environment environment, RunConfiguration configuration, List<String> files,
                       Map<String, String> profiles, String error, List<String> warnings) {
        this(schema, id, label, status, source, startedAt, endedAt, environment, configuration, files, profiles,
                error, warnings, RunKind.JMH, null, null, null);
    }

    public RunManifest withFiles(List<String> newFiles) {
        return new RunManifest(schema, id, label, status, source, startedAt, endedAt, environment, configuration,
                newFiles, profiles, error, warnings, kind, design, results, progress);
    }

    public RunManifest withId(String newId) {
        return new RunManifest(schema, newId, label, status, source, startedAt, endedAt, environment, configuration,
                files, profiles, error, warnings, kind, design, results, progress);
    }

    public RunManifest withStatus(RunStatus newStatus, String newError) {
        return new RunManifest(schema, id, label, newStatus, source, startedAt, endedAt, environment, configuration,
                files, profiles, newError, warnings, kind, design, results, progress);
    }

    public RunManifest withWarnings(List<String> newWarnings) {
        return new RunManifest(schema, id, label, status, source, startedAt, endedAt, environment, configuration,
                files, profiles, error, newWarnings, kind, design, results, progress);
    }
}
