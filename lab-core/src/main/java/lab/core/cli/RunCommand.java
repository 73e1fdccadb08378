package lab.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.core.bench.Workload;
import lab.core.bench.run.JvmAxis;
import lab.core.bench.run.LabRunner;
import lab.core.bench.run.RunRequest;
import lab.core.store.ActorWait;
import lab.core.store.StoreType;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./lab run}: the benchmarks of a profile, in rounds of timing forks plus one profiled fork
 * per benchmark, stored as a run; prints the run id last. The runner is
 * {@link lab.core.bench.run.LabRunner}; this class only turns the command line into its request.
 */
@Command(name = "run", description = "run the JMH benchmarks in rounds (timing forks, then a profiled fork each) and store the run",
        footer = {"", "Forks run in rounds: each round runs one timing fork (-prof gc only) of every benchmark in a shuffled",
            "order; then each benchmark gets one profiled fork (lab agent, async-profiler, gc) for its counts and flame",
            "graphs. The last line printed is the run id. Ctrl-C stores the run as interrupted."})
public final class RunCommand implements LabCommand {

    @Mixin
    ProfileOption profile;

    @Option(names = "--stores", split = ",", paramLabel = "A,B", converter = StoreConverter.class,
            description = "store types (default: every one)")
    List<StoreType> stores = new ArrayList<>();

    @Option(names = "--workloads", split = ",", paramLabel = "W,...", converter = WorkloadConverter.class,
            description = "read, write, create, mixed, getAll, contention (default: the profile's)")
    List<Workload> workloads = new ArrayList<>();

    @Option(names = "--threads", split = ",", paramLabel = "N,...", converter = Count.class,
            description = "JMH thread counts for every workload (default: the profile's, per workload)")
    List<Integer> threads = new ArrayList<>();

    @Option(names = "--jvm", split = ",", paramLabel = "PATH,...",
            description = "JVMs (java executables or Java homes) the matrix runs on (default: this one)")
    List<String> jvms = new ArrayList<>();

    @Option(names = "--jvm-args", paramLabel = "FLAGS",
            description = "a JVM configuration's flags, e.g. \"-XX:+UseCompactObjectHeaders\"; repeatable; \"\" for none."
                    + " Every --jvm runs with every --jvm-args")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--forks", paramLabel = "N", converter = Count.class,
            description = "timing forks per benchmark, one per round (default: the profile's)")
    Integer forks;

    @Option(names = "--seed", paramLabel = "N", description = "the rounds' shuffle seed (default: a fresh one; stored in run.json)")
    Long seed;

    @Option(names = "--wait", split = ",", paramLabel = "W,...", converter = WaitConverter.class,
            description = "wait strategies of the actor stores, one benchmark each: blocking, spin_then_park, yielding, busy_spin"
                    + " (default: the one that suits this machine)")
    List<String> waits = new ArrayList<>();

    @Option(names = "--label", paramLabel = "TEXT", description = "a label, also part of the run id")
    String label;

    @Option(names = "--dataset", paramLabel = "N", converter = Count.class, description = "preloaded tasks (default: the profile's)")
    Integer dataset;

    @Option(names = "--warmup", paramLabel = "N", description = "warmup iterations of every fork (default: the profile's, more for benchmarks that keep every core busy)")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", converter = Count.class,
            description = "measurement iterations per fork (default: the profile's)")
    Integer iterations;

    @Option(names = "--time", paramLabel = "MS", converter = Millis.class,
            description = "length of each iteration: 100, 100ms or 1s (default: the profile's)")
    Integer millis;

    @Option(names = "--no-agent", description = "the profiled fork without the lab agent's counters")
    boolean noAgent;

    @Option(names = "--no-flame", description = "the profiled fork without async-profiler (with --no-agent too: no profiled fork)")
    boolean noFlame;

    @Option(names = "--verbose", description = "stream JMH's own output here too (it is always kept in the run's jmh.log)")
    boolean verbose;

    @Option(names = "--agent-jar", paramLabel = "JAR", description = "the agent jar (default: lab-agent/target/lab-agent.jar of the checkout)")
    Path agentJar;

    @Mixin
    ReportsOption reports;

    @Mixin
    ProfilesOption profiles;

    @Override
    public int run(PrintStream out, PrintStream err) {
        LabRunner.Outcome outcome = LabRunner.run(request(), out, err);
        switch (outcome.status()) {
            case COMPLETE:
                return 0;
            case INTERRUPTED:
                return 130;
            default:
                return 1;
        }
    }

    /** The runner's request: the profile's defaults, narrowed by the options. */
    RunRequest request() {
        RunRequest r = RunRequest.of(profile.profile(), reports.dir(), profiles.dir())
                .repoRoot(lab.core.record.RunRepository.labHome());
        try {
            if (!stores.isEmpty()) {
                r.stores(stores);
            }
            if (!workloads.isEmpty()) {
                r.workloads(workloads);
            }
            if (!threads.isEmpty()) {
                r.threads(threads);
            }
            if (!jvms.isEmpty() || !jvmArgs.isEmpty()) {
                r.jvms(JvmAxis.resolve(jvms, jvmArgs));
            }
            if (dataset != null) {
                r.datasetSize(dataset);
            }
            if (forks != null) {
                r.forks(forks);
            }
            r.overrideIterations(warmup, iterations, millis);
            if (agentJar != null) {
                r.agentJar(agentJar.toAbsolutePath());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return r.seed(seed).waits(waits).label(label).agent(!noAgent).flame(!noFlame).verbose(verbose);
    }

    /** A store by its constant or its decision-log name, any case; unknown names list the known ones. */
    static final class StoreConverter implements ITypeConverter<StoreType> {
        @Override
        public StoreType convert(String name) {
            for (StoreType t : StoreType.values()) {
                if (t.name().equalsIgnoreCase(name.trim()) || t.logName().equalsIgnoreCase(name.trim())) {
                    return t;
                }
            }
            List<String> names = new ArrayList<>();
            for (StoreType t : StoreType.values()) {
                names.add(t.name());
            }
            throw new TypeConversionException("unknown store '" + name + "': expected one of " + String.join(", ", names));
        }
    }

    static final class WorkloadConverter implements ITypeConverter<Workload> {
        @Override
        public Workload convert(String name) {
            try {
                return Workload.parse(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class WaitConverter implements ITypeConverter<String> {
        @Override
        public String convert(String name) {
            try {
                return ActorWait.AUTO.equalsIgnoreCase(name.trim()) ? ActorWait.AUTO : ActorWait.parse(name).paramName();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A whole number of at least 1. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("takes whole numbers, was '" + value + "'");
            }
            if (n < 1) {
                throw new TypeConversionException("must be >= 1, was " + n);
            }
            return n;
        }
    }

    /** {@code 100}, {@code 100ms} or {@code 1s}, in milliseconds. */
    static final class Millis implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String s = value.trim().toLowerCase(Locale.ROOT);
            int factor = 1;
            if (s.endsWith("ms")) {
                s = s.substring(0, s.length() - 2);
            } else if (s.endsWith("s")) {
                s = s.substring(0, s.length() - 1);
                factor = 1000;
            }
            return new Count().convert(s) * factor;
        }
    }
}
