package lab.web.flame;

import java.nio.file.Path;
import lab.core.record.StoredRun;
import lab.web.RunCache;

/** The flame-graph catalogs of one app instance: read once per final run, on every use for a running one. */
public final class FlameCatalogs {

    private final Path profiles;
    private final RunCache<FlameCatalog> cache = new RunCache<>(512);

    public FlameCatalogs(Path profiles) {
        this.profiles = profiles;
    }

    public FlameCatalog of(StoredRun run) {
        return cache.get(run, r -> FlameCatalog.read(r, profiles));
    }
}
