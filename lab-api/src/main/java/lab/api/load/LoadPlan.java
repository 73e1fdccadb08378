package lab.api.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.core.bench.run.RunPlan;
import lab.core.record.LoadResults;
import lab.core.store.StoreType;

/**
 * The schedule of a load run, fixed before anything runs. Its points are store x connection
 * count. Each of {@link #rounds} rounds starts a fresh server JVM per store (so rounds sample
 * JVM-to-JVM variation, as JMH's forks do), warms each one up, then visits every point once in a
 * fresh shuffled order ({@link RunPlan#roundOrder(int, long, int)}, seeded with
 * {@code seed + round}, as the JMH runner's rounds): drift of the machine hits every store alike
 * (randomized multiple interleaved trials, Abedi &amp; Brecht, ICPE 2017). Each visit is a
 * warm-up, then the measured interval. After the rounds, each store gets one profiled pass: a
 * server with the lab agent and async-profiler, each connection count in turn, whose counts and
 * flame graphs are kept apart from the timing figures.
 */
public record LoadPlan(List<StoreType> stores, List<Integer> connections, int rounds, long seed, boolean profiled,
                       int durationSeconds, int warmupSeconds, int startWarmupSeconds) {

    /** One measured interval: a store at a connection count. */
    public record Visit(StoreType store, int connections) {
        public String key() {
            return LoadResults.Point.key(store.name(), connections);
        }
    }

    public LoadPlan {
        stores = List.copyOf(stores);
        connections = List.copyOf(connections);
    }

    public static LoadPlan of(LoadRequest r) {
        long seed = r.seed != null ? r.seed : new Random().nextLong();
        return new LoadPlan(r.stores, r.connections, r.rounds, seed, r.profiled, r.durationSeconds, r.warmupSeconds,
                r.startWarmupSeconds());
    }

    /** Every point, store by store, connection counts in the order given. */
    public List<Visit> points() {
        List<Visit> out = new ArrayList<>();
        for (StoreType s : stores) {
            for (int c : connections) {
                out.add(new Visit(s, c));
            }
        }
        return out;
    }

    /** The visits of one timing round, in their shuffled order. */
    public List<Visit> round(int round) {
        List<Visit> points = points();
        return RunPlan.roundOrder(points.size(), seed, round).stream().map(points::get).toList();
    }

    /** The highest connection count: where a fresh server warms up. */
    public int maxConnections() {
        return connections.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** Measured intervals in all: rounds x points, plus the profiled pass's. */
    public int intervals() {
        return points().size() * (rounds + (profiled ? 1 : 0));
    }

    /** The seconds of wrk the plan runs (warm-ups included; JVM starts and preloads are not). */
    public long wrkSeconds() {
        int servers = stores.size() * (rounds + (profiled ? 1 : 0));
        return (long) intervals() * (durationSeconds + warmupSeconds) + (long) servers * startWarmupSeconds;
    }
}
