package lab.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import lab.core.record.StoredRun;

/**
 * What a page derives from one run (its decision tables, flame-graph catalog, parsed layouts),
 * kept per app instance for final runs — they never change — and rebuilt on every use for a run
 * that can still change. Bounded: the least recently used entries go first.
 */
public final class RunCache<V> {

    private final int maxEntries;
    private final Map<String, V> entries;

    public RunCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > RunCache.this.maxEntries;
            }
        };
    }

    public V get(StoredRun run, Function<StoredRun, V> build) {
        if (!run.isFinal()) {
            return build.apply(run);
        }
        String key = run.id() + "@" + run.manifest().status().json() + "@" + run.manifest().endedAt() + "@" + run.readable();
        synchronized (entries) {
            V hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        V built = build.apply(run);
        synchronized (entries) {
            entries.putIfAbsent(key, built);
        }
        return built;
    }
}
