package lab.core.cli;

import java.util.Optional;

import lab.core.record.RunRepository;
import lab.core.record.RunKind;
import lab.core.record.StoredRun;

/**
 * A stored run named on the command line: a run id ({@code ./lab list} shows them) or
 * {@value #LATEST}, the newest complete run. A name that finds no readable run is a usage
 * error that says what is there.
 */
final class RunArgument {

    static final String LATEST = "latest";

    private RunArgument() {
    }

    static StoredRun find(RunRepository repo, String name) {
        StoredRun run;
        if (name.equals(LATEST) && repo.find(LATEST).isEmpty()) {
            run = newestComplete(repo).orElseThrow(() -> new UsageException("no complete run in " + repo.dir()
                    + " (./lab run makes one)"));
        } else {
            try {
                run = repo.find(name).orElseThrow(() -> new UsageException("no run '" + name + "' in " + repo.dir()
                        + " (./lab list shows them)"));
            } catch (IllegalArgumentException notAnId) {
                throw new UsageException(notAnId.getMessage());
            }
        }
        if (!run.readable()) {
            throw new UsageException("run " + run.id() + " cannot be read: " + run.readError());
        }
        return run;
    }

    /** The newest complete, readable run of {@code ./lab run} (a load run has no JMH results to compare or judge). */
    static Optional<StoredRun> newestComplete(RunRepository repo) {
        return repo.newestComplete(RunKind.JMH);
    }
}
