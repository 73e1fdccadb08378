package lab.api.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.record.Environment;
import lab.core.record.Json;
import lab.core.record.JvmConfig;
import lab.core.record.LoadResults;
import lab.core.record.Progress;
import lab.core.record.RunConfiguration;
import lab.core.record.RunDesign;
import lab.core.record.RunKind;
import lab.core.record.RunManifest;
import lab.core.record.RunRepository;
import lab.core.record.RunStatus;
import lab.core.record.RunWriter;
import lab.core.record.StoredRun;

/**
 * Writes a load run through the lab's {@link RunWriter}: after every measured interval
 * {@code load.json} and then {@code run.json} (kind LOAD, status RUNNING, the progress) are
 * replaced atomically, so the site shows the points as they land; {@link #commit} stores the final
 * manifest and renames the folder in one step. Killed before that, the run is listed as abandoned
 * with what it had published.
 */
final class LoadRecorder {

    private final RunWriter writer;
    private final LoadPlan plan;
    private final String label;
    private final Instant startedAt;
    private final Environment environment;
    private final RunConfiguration configuration;
    private final JvmConfig serverJvm;

    private LoadRecorder(RunWriter writer, LoadPlan plan, String label, Instant startedAt, Environment environment,
                         RunConfiguration configuration, JvmConfig serverJvm) {
        this.writer = writer;
        this.plan = plan;
        this.label = label;
        this.startedAt = startedAt;
        this.environment = environment;
        this.configuration = configuration;
        this.serverJvm = serverJvm;
    }

    static LoadRecorder begin(RunRepository repository, LoadPlan plan, String label, Environment environment,
                              RunConfiguration configuration, JvmConfig serverJvm) {
        Instant now = Instant.now();
        RunWriter writer = repository.begin("load" + (label == null ? "" : "-" + label), now);
        return new LoadRecorder(writer, plan, label, now, environment, configuration, serverJvm);
    }

    String id() {
        return writer.id();
    }

    Path dir() {
        return writer.dir();
    }

    Path finalDir() {
        return writer.finalDir();
    }

    Instant startedAt() {
        return startedAt;
    }

    synchronized void publish(LoadResults results, List<List<String>> order, Progress progress, List<String> warnings) {
        writeResults(results);
        writer.publish(manifest(RunStatus.RUNNING, null, results, order, progress, warnings, null));
    }

    synchronized StoredRun commit(RunStatus status, String error, LoadResults results, List<List<String>> order,
                                  List<String> warnings) {
        writeResults(results);
        return writer.commit(manifest(status, error, results, order, null, warnings, Instant.now()));
    }

    private void writeResults(LoadResults results) {
        try {
            writer.writeFile(StoredRun.LOAD, Json.MAPPER.writeValueAsBytes(results));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + StoredRun.LOAD + ": " + e.getMessage(), e);
        }
    }

    private RunManifest manifest(RunStatus status, String error, LoadResults results, List<List<String>> order,
                                 Progress progress, List<String> warnings, Instant endedAt) {
        Map<String, String> profiles = new LinkedHashMap<>();
        for (LoadResults.Point p : results.points()) {
            if (p.profiled() != null && p.profiled().profile() != null) {
                profiles.put(p.key(), p.profiled().profile());
            }
        }
        RunDesign design = new RunDesign(order.size(), plan.seed(), plan.rounds(), plan.profiled(), null,
                List.of(serverJvm), order);
        return new RunManifest(RunManifest.SCHEMA, writer.id(), label, status, "load", startedAt, endedAt, environment,
                configuration, null, profiles, error, new ArrayList<>(warnings), RunKind.LOAD, design, null, progress);
    }
}
