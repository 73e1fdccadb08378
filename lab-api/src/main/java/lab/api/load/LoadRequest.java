package lab.api.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import lab.core.bench.Profile;
import lab.core.bench.run.FlameGraphs;
import lab.core.store.StoreType;

/**
 * What {@code ./lab load} was asked for. Built with the defaults below, then adjusted with the
 * fluent setters, each of which refuses a bad value with the reason; {@link LoadPlan} turns it
 * into the schedule.
 */
public final class LoadRequest {

    /** The decision log's load-testing matrix: ShardStore, ShardStoreGopool, MemoryStore, ChannelStore. */
    public static final String DEFAULT_STORES = "SHARD,SHARD_POOLED,MEMORY,CHANNEL";
    public static final String DEFAULT_CONNECTIONS = "1,16,64";
    public static final int DEFAULT_DURATION_SECONDS = 10;
    public static final int DEFAULT_WARMUP_SECONDS = 3;
    public static final int DEFAULT_ROUNDS = 3;
    /** A freshly started server warms up this many times longer, at the highest connection count (JIT). */
    public static final int START_WARMUP_FACTOR = 3;

    List<StoreType> stores = java.util.Arrays.stream(DEFAULT_STORES.split(",")).map(StoreType::valueOf).toList();
    RequestMix mix = RequestMix.parse(RequestMix.DEFAULT);
    List<Integer> connections = java.util.Arrays.stream(DEFAULT_CONNECTIONS.split(",")).map(Integer::valueOf).toList();
    int durationSeconds = DEFAULT_DURATION_SECONDS;
    int warmupSeconds = DEFAULT_WARMUP_SECONDS;
    int rounds = DEFAULT_ROUNDS;
    /** The JMH runs' dataset ({@code quick} and {@code full}), so ns/op and requests/s are over the same store. */
    int datasetSize = Profile.QUICK.datasetSize();
    String label;
    Long seed;
    boolean profiled = true;
    Path reportsDir;
    Path profilesDir;
    Path repoRoot;
    Path agentJar;
    Path cacheDir = FlameGraphs.defaultCache();

    private LoadRequest() {
    }

    public static LoadRequest of(Path reportsDir, Path profilesDir) {
        LoadRequest r = new LoadRequest();
        r.reportsDir = reportsDir;
        r.profilesDir = profilesDir;
        r.repoRoot = reportsDir.toAbsolutePath().getParent();
        return r;
    }

    public LoadRequest stores(List<StoreType> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no stores to load");
        }
        stores = List.copyOf(new LinkedHashSet<>(value));
        return this;
    }

    public LoadRequest mix(RequestMix value) {
        mix = value;
        return this;
    }

    public LoadRequest connections(List<Integer> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no connection counts to load with");
        }
        for (int c : value) {
            if (c < 1) {
                throw new IllegalArgumentException("connection counts must be >= 1, was " + c);
            }
        }
        connections = List.copyOf(new ArrayList<>(new LinkedHashSet<>(value)));
        return this;
    }

    /** Each measured interval, whole seconds (wrk counts its duration in seconds). */
    public LoadRequest durationSeconds(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("the duration must be at least 1 s, was " + value + " s");
        }
        durationSeconds = value;
        return this;
    }

    /** The warm-up before each measured interval, whole seconds; 0 for none. */
    public LoadRequest warmupSeconds(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("the warm-up must not be negative, was " + value + " s");
        }
        warmupSeconds = value;
        return this;
    }

    public LoadRequest rounds(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, was " + value);
        }
        rounds = value;
        return this;
    }

    public LoadRequest datasetSize(int value) {
        if (value < 2) {
            throw new IllegalArgumentException("the dataset needs at least 2 tasks, was " + value);
        }
        datasetSize = value;
        return this;
    }

    public LoadRequest label(String value) {
        label = value == null || value.isBlank() ? null : value.strip();
        return this;
    }

    /** The seed of the rounds' shuffles; null for a fresh one (stored either way). */
    public LoadRequest seed(Long value) {
        seed = value;
        return this;
    }

    /** Whether each store gets a profiled pass (agent counts, flame graphs) after the rounds. */
    public LoadRequest profiled(boolean value) {
        profiled = value;
        return this;
    }

    public LoadRequest agentJar(Path value) {
        agentJar = value;
        return this;
    }

    public LoadRequest cacheDir(Path value) {
        cacheDir = value;
        return this;
    }

    public LoadRequest repoRoot(Path value) {
        repoRoot = value;
        return this;
    }

    int startWarmupSeconds() {
        return warmupSeconds * START_WARMUP_FACTOR;
    }
}
