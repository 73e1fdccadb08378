package lab.core.bench.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lab.core.record.Environment;
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
 * Writes a run while it runs and commits it when it ends. While the forks run it publishes the
 * results so far every few seconds ({@link LabRunner#PUBLISH_EVERY_NANOS}): JMH's JSON of the
 * timing forks and of the profiled ones, then run.json with status RUNNING and the progress, each
 * file replaced atomically, so the site shows a live run's finished results as they land.
 * {@link #commit} stores the final manifest and renames the folder in one step. Killed before
 * that, the folder stays as an abandoned run with everything published so far.
 */
final class Recorder {

    private final RunWriter writer;
    private final RunPlan plan;
    private final Instant startedAt;
    private final Environment environment;
    private final RunConfiguration configuration;
    private final String label;

    private Recorder(RunWriter writer, RunPlan plan, Instant startedAt, Environment environment,
                     RunConfiguration configuration, String label) {
        this.writer = writer;
        this.plan = plan;
        this.startedAt = startedAt;
        this.environment = environment;
        this.configuration = configuration;
        this.label = label;
    }

    /** Creates the run's folder ({@code .tmp-<id>}) and publishes it as running, with nothing measured yet. */
    static Recorder begin(RunRepository repository, RunPlan plan, String label, Environment environment,
                          RunConfiguration configuration) {
        Instant now = Instant.now();
        String idLabel = plan.profile().label() + (label == null ? "" : "-" + label);
        RunWriter writer = repository.begin(idLabel, now);
        Recorder r = new Recorder(writer, plan, now, environment, configuration, label);
        return r;
    }

    String id() {
        return writer.id();
    }

    /** The folder to write further files into (JMH's log, the layouts) until the commit. */
    Path dir() {
        return writer.dir();
    }

    Path finalDir() {
        return writer.finalDir();
    }

    Instant startedAt() {
        return startedAt;
    }

    /** Publishes the results so far and the progress; readers see the run as running. */
    synchronized void publish(ForkResults.Snapshot snapshot, Progress progress, List<String> warnings) {
        writeResults(snapshot);
        writer.publish(manifest(RunStatus.RUNNING, null, snapshot, progress, warnings, null));
    }

    /** Stores the run as final with the results of the snapshot. Only the first commit counts. */
    synchronized StoredRun commit(RunStatus status, String error, ForkResults.Snapshot snapshot, List<String> warnings) {
        writeResults(snapshot);
        return writer.commit(manifest(status, error, snapshot, null, warnings, Instant.now()));
    }

    private void writeResults(ForkResults.Snapshot snapshot) {
        if (!snapshot.isEmpty()) {
            writer.writeFile(StoredRun.JMH_RESULT, snapshot.jmhJson());
        }
        if (snapshot.profiledJson() != null) {
            writer.writeFile(StoredRun.JMH_PROFILED, snapshot.profiledJson());
        }
    }

    private RunManifest manifest(RunStatus status, String error, ForkResults.Snapshot snapshot, Progress progress,
                                 List<String> warnings, Instant endedAt) {
        Map<String, String> profiles = new LinkedHashMap<>();
        snapshot.results().forEach(r -> {
            if (r.profile() != null) {
                profiles.put(r.key(), r.profile());
            }
        });
        RunDesign design = new RunDesign(snapshot.order().size(), plan.seed(), plan.rounds(), plan.profiledFork(),
                RunPlan.CONTROL, plan.jvms(), snapshot.order(), RunPlan.BLOCKS);
        return new RunManifest(RunManifest.SCHEMA, writer.id(), label, status, "run", startedAt, endedAt, environment,
                configuration, null, profiles, error, new ArrayList<>(warnings), RunKind.JMH, design, snapshot.results(),
                progress);
    }
}
