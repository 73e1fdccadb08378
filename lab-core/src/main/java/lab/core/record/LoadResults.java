package lab.core.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code reports/<id>/load.json}: what a load run ({@code ./lab load}) measured. The manifest
 * beside it has kind LOAD; its {@link RunDesign} holds the rounds, the shuffle seed and the order
 * in which the points ran, this file the rest of the design and every sample, raw: medians and
 * intervals are computed by the readers ({@code lab.core.compare.LoadMatrix}), never stored.
 *
 * <p>A point is one store at one connection count. It has one {@link Sample} per timing round
 * (wrk against a server without agent or profiler: requests/s and latency come from these) and,
 * when the run had a profiled pass, one {@link Profiled} sample from a separate server with the
 * lab agent and async-profiler attached (the counts per request and the flame graphs come from
 * that one, so neither tool's cost is in the timing figures).
 *
 * @param schema the format version; readers accept any up to {@link #SCHEMA}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadResults(int schema, Design design, List<Point> points) {

    /** 1: the first format. */
    public static final int SCHEMA = 1;

    /**
     * The key, in a load run's configuration extras, of the wait strategy the servers' actor
     * stores ran with (a load run of an actor store records it; JMH runs name theirs in params).
     */
    public static final String ACTOR_WAIT = "actorWait";

    public LoadResults {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /**
     * How the load was made.
     *
     * @param mix               request shares by kind ("read", "write", "create"), as given
     * @param connections       wrk's connection counts, in the order given
     * @param durationSeconds   each measured interval
     * @param warmupSeconds     the warm-up before each measured interval (a fresh server's first
     *                          one is {@code startWarmupSeconds})
     * @param startWarmupSeconds the warm-up of a freshly started server (JIT), at the highest
     *                          connection count
     * @param datasetSize       tasks preloaded into each server (ids 1..N)
     * @param keyDistribution   the key stream's description (the JMH workloads' Zipf keys)
     * @param requestsPerThread the length of each wrk thread's request cycle
     * @param wrk               wrk's version line
     * @param wrkTimeoutSeconds wrk's socket timeout: a slower response counts as a timeout error
     * @param serverJvm         the server JVMs' java executable and flags (timing servers)
     * @param agentIncludes     the agent's includes in the profiled pass; null without one
     * @param cores             the machine's cores, shared by wrk and the server
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Design(Map<String, Integer> mix, List<Integer> connections, double durationSeconds,
                         double warmupSeconds, double startWarmupSeconds, int datasetSize, String keyDistribution,
                         int requestsPerThread, String wrk, double wrkTimeoutSeconds, JvmConfig serverJvm,
                         String agentIncludes, int cores) {

        public Design {
            mix = mix == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mix));
            connections = connections == null ? List.of() : List.copyOf(connections);
        }
    }

    /**
     * One store at one connection count.
     *
     * @param store       the {@code StoreType} name
     * @param connections wrk's connections
     * @param wrkThreads  wrk's threads (each with its own key stream, as JMH's threads)
     * @param rounds      one sample per timing round, in round order
     * @param profiled    the profiled pass's sample; null when the run had none (or it failed)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(String store, int connections, int wrkThreads, List<Sample> rounds, Profiled profiled) {

        public Point {
            rounds = rounds == null ? List.of() : List.copyOf(rounds);
        }

        /** The result key of this point: {@code STORE|c=N} (run.json's profiles and design order use it). */
        @JsonIgnore
        public String key() {
            return key(store, connections);
        }

        public static String key(String store, int connections) {
            return store + "|c=" + connections;
        }

        /** Requests per second of each round, in round order. */
        @JsonIgnore
        public double[] rps() {
            return rounds.stream().mapToDouble(Sample::rps).toArray();
        }

        public Point withRound(Sample sample) {
            List<Sample> more = new ArrayList<>(rounds);
            more.add(sample);
            return new Point(store, connections, wrkThreads, more, profiled);
        }

        public Point withProfiled(Profiled p) {
            return new Point(store, connections, wrkThreads, rounds, p);
        }
    }

    /**
     * One wrk run: what wrk's {@code done()} reported.
     *
     * @param round    the timing round (0-based), or -1 for the profiled pass
     * @param requests requests completed in the interval
     * @param seconds  the interval as wrk measured it
     * @param non2xx   responses with a status other than 2xx or 3xx
     * @param errors   socket errors
     * @param latency  wrk's latency distribution ({@code --latency}), in microseconds
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sample(int round, long requests, double seconds, long non2xx, Errors errors, Latency latency) {

        /** Requests completed per second of the interval. */
        @JsonIgnore
        public double rps() {
            return seconds > 0 ? requests / seconds : Double.NaN;
        }
    }

    /** wrk's socket errors: connect, read, write, timeout. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Errors(long connect, long read, long write, long timeout) {

        @JsonIgnore
        public long total() {
            return connect + read + write + timeout;
        }
    }

    /**
     * Latency percentiles and extremes of one wrk run, in microseconds. wrk is a closed-loop
     * client: each connection sends its next request when the last one is answered, so these are
     * the latencies at the throughput reached, not at a fixed offered rate (wrk2's).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Latency(double p50, double p90, double p99, double max, double mean) {
    }

    /**
     * The profiled pass at one point: the wrk sample (its rate carries the agent's and the
     * profiler's cost, so it is not a timing figure), the lab agent's counts over the measured
     * interval in the whole server JVM, and the flame graphs' folder.
     *
     * @param counts      the agent's totals over the interval; null when there are none ({@code countsError} says why)
     * @param countsError why there are no counts (no agent jar, the agent's self-test failed); null when there are
     * @param profile     the async-profiler folder, relative to the profiles root; null without one
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profiled(Sample sample, Counts counts, String countsError, String profile) {

        /** A count of {@link #counts} per request of the interval; NaN without counts or requests. */
        public double perRequest(long count) {
            return counts == null || sample == null || sample.requests() <= 0 ? Double.NaN : (double) count / sample.requests();
        }
    }

    /**
     * The lab agent's counts over one interval, every thread of the server: Jetty's and Javalin's
     * own locks and their use of included classes (HashMap, ConcurrentHashMap) are in every
     * store's figure alike; what differs between stores is the stores'.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(long locks, long contended, long parks, long allocations) {

        public Counts minus(Counts before) {
            return new Counts(locks - before.locks, contended - before.contended, parks - before.parks,
                    allocations - before.allocations);
        }
    }

    /** The stores, in the order of their first point. */
    @JsonIgnore
    public List<String> stores() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        points.forEach(p -> s.add(p.store()));
        return List.copyOf(s);
    }

    public Optional<Point> point(String store, int connections) {
        return points.stream().filter(p -> p.store().equals(store) && p.connections() == connections).findFirst();
    }
}
