package lab.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;
import java.nio.file.Path;
import lab.core.record.RunId;
import lab.core.record.StoredRun;
import lab.core.record.RunRepository;
import lab.web.runs.RunIndex;

/**
 * What every page reads: the stored runs (through the in-memory {@link RunIndex}), the
 * async-profiler output folder, and the upload limit.
 *
 * @param reports        the reports folder ({@code reports/<run-id>/run.json, jmh.json, …})
 * @param profiles       the profiles folder ({@code profiles/<run-id>/<benchmark folder>/…})
 * @param maxUploadBytes POST /api/runs bodies above this get 413
 */
public record Site(Path reports, Path profiles, RunRepository repository, RunIndex runs, long maxUploadBytes) {

    public static final long DEFAULT_MAX_UPLOAD = 32L * 1024 * 1024;

    public static Site of(Path reports, Path profiles) {
        Path r = reports.toAbsolutePath().normalize();
        RunRepository repo = new RunRepository(r);
        return new Site(r, profiles.toAbsolutePath().normalize(), repo, new RunIndex(repo), DEFAULT_MAX_UPLOAD);
    }

    /**
     * The run a URL names: 400 when the id is not a run id (so no path can be smuggled through
     * it), 404 when no such run is stored.
     */
    public StoredRun run(String id) {
        if (!RunId.isValid(id)) {
            throw new BadRequestResponse("not a run id (run ids are lowercase letters, digits and '-')");
        }
        return runs.find(id).orElseThrow(() -> new NotFoundResponse("no stored run with id " + id));
    }

    public Site withMaxUpload(long bytes) {
        return new Site(reports, profiles, repository, runs, bytes);
    }
}
