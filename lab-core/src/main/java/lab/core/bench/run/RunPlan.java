package lab.core.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import lab.core.bench.Profile;
import lab.core.bench.WakeupFloorBenchmark;
import lab.core.bench.Workload;
import lab.core.record.JvmConfig;
import lab.core.store.ActorWait;
import lab.core.store.StoreType;

/**
 * The immutable plan of a run: its trials (workload x store x threads x JVM configuration, plus
 * the reference rows), the iterations of each fork, and the schedule of forks.
 *
 * <p>The schedule. {@link #rounds()} rounds, each running one timing fork of every trial in a
 * fresh random order (seeded with {@code seed + round}, so a run can be replayed), then one
 * profiled fork per trial. Drift of the machine within a run (another process, a warming or
 * cooling CPU, the VM's neighbours) then hits every trial alike, and two trials' forks of the
 * same round can be compared pairwise: randomized multiple interleaved trials (Abedi &amp;
 * Brecht, ICPE 2017); variance is sampled where it arises, across forks rather than iterations
 * (Kalibera &amp; Jones, ISMM 2013).
 *
 * <p>Blocks. The order of a round is random but not unrestricted: the trials a claim or a table
 * compares with one another — one workload at one thread count, every store and JVM
 * configuration of it, with its floor — form a {@link Trial#block() block} that runs together,
 * the blocks in a random order and the trials of each block in a random order. This VM's speed
 * moves within a round, not only between rounds, so paired forks should run seconds apart, not
 * minutes: a round of 44 trials in an unrestricted order puts two stores of one cell ~15 places
 * apart on average, blocked ~3. What that bought is measured in the README ("Blocks inside a
 * round").
 *
 * <p>The control. The read floor at one thread ({@link #CONTROL}: a plain array read over the
 * same Zipf keys) is a trial of every run, so it has a fork in every round: comparing two runs,
 * how far it moved is how far the machine drifted.
 */
public record RunPlan(Profile profile, List<Trial> trials, int rounds, long seed, boolean profiledFork,
                      Iterations iterations, int datasetSize, List<JvmConfig> jvms) {

    /** The read floor: a plain {@code Task[]} read over the same keys as the stores' reads. */
    public static final String READ_FLOOR = "lab.core.bench.ReadFloorBenchmark.readFloor";
    /** The wake-up floors: a blocking hand-off between two threads, the least an actor store pays per request. */
    public static final List<String> WAKEUP_FLOORS = List.of(WakeupFloorBenchmark.PARK_UNPARK, WakeupFloorBenchmark.QUEUE_HAND_OFF);
    /** What runs together inside a round (stored in run.json's design): see {@link Trial#block()}. */
    public static final String BLOCKS = "one workload at one thread count (every store and JVM configuration of it, with its floors)";
    /** The run's control benchmark: the read floor at one thread. */
    public static final String CONTROL = READ_FLOOR;

    /**
     * Warmup and measurement iterations of the forks: {@code busyWarmup} warmup iterations for a
     * trial that keeps every core busy (Trial#keepsEveryCoreBusy), {@code warmup} for the others.
     */
    public record Iterations(int warmup, int busyWarmup, int warmupMillis, int measurement, int measurementMillis) {

        /** Whether a trial keeps every core of this machine busy, so that its forks warm up {@code busyWarmup}. */
        public boolean busy(Trial trial) {
            return trial.keepsEveryCoreBusy(Runtime.getRuntime().availableProcessors());
        }

        /** The warmup iterations of a trial's forks on this machine. */
        public int warmupOf(Trial trial) {
            return busy(trial) ? busyWarmup : warmup;
        }

        /** Milliseconds of iterations in one fork of a trial. */
        public long millis(Trial trial) {
            return (long) warmupOf(trial) * warmupMillis + (long) measurement * measurementMillis;
        }
    }

    public RunPlan {
        trials = List.copyOf(trials);
        jvms = List.copyOf(jvms);
    }

    /**
     * The plan of a request.
     *
     * @param available the benchmarks compiled into the lab (JMH's benchmark list): reference rows
     *                  whose benchmark is missing are left out rather than failing the run
     */
    public static RunPlan of(RunRequest r, Set<String> available) {
        List<Trial> trials = new ArrayList<>();
        for (JvmConfig jvm : r.jvms) {
            for (Workload w : r.workloads) {
                for (int threads : r.threadsFor(w)) {
                    for (StoreType store : r.stores) {
                        if (!r.measures(w, threads, store)) {
                            continue;
                        }
                        for (String wait : waitsFor(store, r.waits)) {
                            Map<String, String> params = new LinkedHashMap<>();
                            params.put("store", store.name());
                            if (w.usesDataset()) {
                                params.put("datasetSize", Integer.toString(r.datasetSize));
                            }
                            if (wait != null) {
                                params.put("wait", wait);
                            }
                            trials.add(new Trial(w.benchmark(), w.method(), store.name(), params, threads, jvm));
                        }
                    }
                    if (w == Workload.READ) {
                        addReference(trials, available, READ_FLOOR, threads, jvm, r.datasetSize);
                    }
                }
            }
            boolean control = trials.stream().anyMatch(t -> t.benchmark().equals(CONTROL) && t.threads() == 1 && t.jvm().equals(jvm));
            if (!control) {
                addReference(trials, available, CONTROL, 1, jvm, r.datasetSize);
            }
            if (r.workloads.contains(Workload.READ) && r.stores.stream().anyMatch(StoreType::isActor)) {
                for (String floor : WAKEUP_FLOORS.stream().filter(r.profile::measuresReference).toList()) {
                    addReference(trials, available, floor, 1, jvm, 0);
                }
            }
        }
        boolean profiled = r.agent || r.flame;
        long seed = r.seed != null ? r.seed : new Random().nextLong();
        return new RunPlan(r.profile, trials, r.forks, seed, profiled,
                new Iterations(r.warmupIterations, r.busyWarmupIterations, r.warmupMillis, r.measurementIterations, r.measurementMillis),
                r.datasetSize, r.jvms);
    }

    private static void addReference(List<Trial> trials, Set<String> available, String benchmark, int threads,
                                     JvmConfig jvm, int datasetSize) {
        if (!available.contains(benchmark)) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (datasetSize > 0) {
            params.put("datasetSize", Integer.toString(datasetSize));
        }
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        trials.add(new Trial(benchmark, method, null, params, threads, jvm));
    }


    /**
     * The wait strategies an actor store is measured with, resolved: {@code auto} (or none given)
     * becomes {@link ActorWait#auto()}'s strategy by name, so the stored run records what ran.
     */
    private static List<String> waitsFor(StoreType store, List<String> waits) {
        if (!store.isActor()) {
            return Collections.singletonList(null);
        }
        if (waits.isEmpty()) {
            return List.of(ActorWait.auto().paramName());
        }
        return waits.stream().map(w -> ActorWait.parse(w).paramName()).distinct().toList();
    }

    /** Whether the matrix has several JVM configurations (result keys then name theirs). */
    public boolean multiJvm() {
        return jvms.size() > 1;
    }

    /** Every fork in the order it runs: the shuffled rounds, then the profiled forks. */
    public List<ScheduledFork> schedule() {
        List<ScheduledFork> out = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int t : roundOrder(round)) {
                out.add(new ScheduledFork(t, round));
            }
        }
        for (int t : profiledTrials()) {
            out.add(new ScheduledFork(t, ScheduledFork.PROFILED));
        }
        return out;
    }

    /** The trials that get a profiled fork: none without one, else those the profile profiles ({@link Profile#profiles}). */
    public List<Integer> profiledTrials() {
        List<Integer> out = new ArrayList<>();
        if (profiledFork) {
            for (int t = 0; t < trials.size(); t++) {
                Trial trial = trials.get(t);
                if (trial.reference() || profile.profiles(Workload.parse(trial.workload()), trial.threads(),
                        StoreType.valueOf(trial.store()))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** The trials' order in one round: its blocks shuffled, each block's trials together and shuffled (see the class comment). */
    public List<Integer> roundOrder(int round) {
        return blockedOrder(trials.stream().map(Trial::block).toList(), seed, round);
    }

    /**
     * The order of trials in one round, given each trial's block: the blocks in a shuffled order,
     * the trials of a block next to one another in a shuffled order, all drawn from one generator
     * seeded by {@code seed + round} (so a run replays from its seed).
     */
    static List<Integer> blockedOrder(List<String> blockOfTrial, long seed, int round) {
        Random random = new Random(seed + round);
        Map<String, List<Integer>> byBlock = new LinkedHashMap<>();
        for (int t = 0; t < blockOfTrial.size(); t++) {
            byBlock.computeIfAbsent(blockOfTrial.get(t), b -> new ArrayList<>()).add(t);
        }
        List<List<Integer>> blocks = new ArrayList<>(byBlock.values());
        Collections.shuffle(blocks, random);
        List<Integer> order = new ArrayList<>();
        for (List<Integer> block : blocks) {
            Collections.shuffle(block, random);
            order.addAll(block);
        }
        return order;
    }

    /**
     * The order of {@code n} points in one round, unrestricted: a shuffle seeded by {@code seed +
     * round}. The load runner's store x connections points use it (each point is its own
     * comparison there); the JMH rounds are blocked ({@link #blockedOrder}).
     */
    public static List<Integer> roundOrder(int n, long seed, int round) {
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            order.add(t);
        }
        Collections.shuffle(order, new Random(seed + round));
        return order;
    }

    /** Forks in all: rounds x trials, plus the profiled forks. */
    public int forkCount() {
        return trials.size() * rounds + profiledTrials().size();
    }

    /** The plan's duration by the cost model, before any fork has run. */
    public long estimatedSeconds(ForkCost cost) {
        double seconds = 0;
        for (ScheduledFork f : schedule()) {
            seconds += cost.seconds(trials.get(f.trial()), f.profiled(), iterations, datasetSize);
        }
        return Math.round(seconds);
    }
}
