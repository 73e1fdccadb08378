package lab.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import lab.core.bench.Profile;
import lab.core.bench.Workload;
import lab.core.bench.run.JvmAxis;
import lab.core.bench.run.LabRunner;
import lab.core.bench.run.RunRequest;
import lab.core.record.RunRepository;
import lab.core.store.StoreType;

/** {@code ./lab run}: the JMH benchmarks of a profile, stored as a run; prints the run id last. */
public final class RunCommand implements Command {

    private static final String[] VALUED = {"profile", "stores", "workloads", "threads", "label", "reports", "profiles",
        "dataset", "forks", "warmup", "iterations", "time", "agent-jar", "jvm", "jvm-args", "seed", "wait"};
    private static final String[] FLAGS = {"no-agent", "no-flame", "verbose"};

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String description() {
        return "run the JMH benchmarks (agent counters, gc, flame graphs) and store the run in reports/";
    }

    @Override
    public String usage() {
        List<String> lines = new ArrayList<>();
        lines.add("[--profile smoke|quick|full] [--stores A,B] [--workloads read,write] [--threads 1,2] [--jvm PATH,...]"
                + " [--jvm-args \"FLAGS\"]... [--label TEXT] [--no-agent] [--no-flame] [--verbose]");
        lines.add("");
        for (Profile p : Profile.values()) {
            lines.add(String.format(java.util.Locale.ROOT, "  --profile %-6s %s%s", p.label(), p.description(),
                    p == Profile.QUICK ? " (default)" : ""));
        }
        lines.add("  --stores A,B       store types (" + String.join(", ", storeNames()) + ")");
        lines.add("  --workloads W      " + String.join(", ", Workload.names(List.of(Workload.values()))));
        lines.add("  --threads 1,2      JMH thread counts for every workload (default: the profile's per workload)");
        lines.add("  --jvm PATH,...     JVMs (java executables or homes) to add to the matrix (default: this one)");
        lines.add("  --jvm-args FLAGS   a JVM configuration's flags, e.g. \"-XX:+UseCompactObjectHeaders\"; repeatable, \"\" for none");
        lines.add("  --forks N          timing forks per benchmark = rounds (overrides the profile's)");
        lines.add("  --seed N           the rounds' shuffle seed (default: a fresh one; stored in run.json)");
        lines.add("  --wait W,...       wait strategies for the actor stores, one benchmark each");
        lines.add("  --label TEXT       a label, also part of the run id");
        lines.add("  --no-agent         the profiled fork without the lab agent's counters");
        lines.add("  --no-flame         the profiled fork without async-profiler (both off: no profiled fork)");
        lines.add("  --verbose          stream JMH's own output (always kept in the run's jmh.log)");
        lines.add("  --reports DIR      where runs are stored (default <lab>/reports)");
        lines.add("  --profiles DIR     where flame graphs go (default <lab>/profiles)");
        lines.add("  --dataset N        preloaded tasks (overrides the profile's)");
        lines.add("  --warmup N --iterations N --time MS   warmup and measurement iterations, ms per iteration");
        lines.add("  --agent-jar JAR    the agent jar (default <lab>/lab-agent/target/lab-agent.jar)");
        lines.add("");
        lines.add("Forks run in rounds: each round runs one timing fork (-prof gc only) of every benchmark in a shuffled");
        lines.add("order, then each benchmark gets one profiled fork (agent, async-profiler). The last line printed is");
        lines.add("the run id. Ctrl-C stores the run as interrupted.");
        return String.join("\n", lines);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, VALUED, FLAGS);
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        }
        RunRequest request = request(o);
        LabRunner.Outcome outcome = LabRunner.run(request, out, err);
        switch (outcome.status()) {
            case COMPLETE:
                return 0;
            case INTERRUPTED:
                return 130;
            default:
                return 1;
        }
    }

    static RunRequest request(Options o) {
        Profile profile;
        try {
            profile = Profile.parse(o.value("profile", "quick"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path reports = path(o.value("reports", null), RunRepository.defaultReports());
        Path profiles = path(o.value("profiles", null), RunRepository.defaultProfiles());
        RunRequest r = RunRequest.of(profile, reports, profiles).repoRoot(RunRepository.labHome());
        try {
            if (!o.list("stores").isEmpty()) {
                List<StoreType> stores = new ArrayList<>();
                for (String s : o.list("stores")) {
                    stores.add(store(s));
                }
                r.stores(stores);
            }
            if (!o.list("workloads").isEmpty()) {
                List<Workload> workloads = new ArrayList<>();
                for (String w : o.list("workloads")) {
                    workloads.add(Workload.parse(w));
                }
                r.workloads(workloads);
            }
            if (!o.list("threads").isEmpty()) {
                List<Integer> threads = new ArrayList<>();
                for (String t : o.list("threads")) {
                    threads.add(number("threads", t));
                }
                r.threads(threads);
            }
            if (o.value("dataset", null) != null) {
                r.datasetSize(o.intValue("dataset", 0));
            }
            if (o.value("forks", null) != null) {
                r.forks(o.intValue("forks", 1));
            }
            if (o.value("warmup", null) != null || o.value("iterations", null) != null || o.value("time", null) != null) {
                r.iterations(o.intValue("warmup", profile.warmupIterations()), o.intValue("iterations", profile.measurementIterations()),
                        millis(o.value("time", Integer.toString(profile.measurementMillis()))));
            }
            if (!o.list("jvm").isEmpty() || !o.raw("jvm-args").isEmpty()) {
                r.jvms(JvmAxis.resolve(o.list("jvm"), o.raw("jvm-args")));
            }
            if (o.value("seed", null) != null) {
                r.seed(Long.parseLong(o.value("seed", null).trim()));
            }
            r.waits(o.list("wait")).verbose(o.flag("verbose"));
            if (o.value("agent-jar", null) != null) {
                r.agentJar(Paths.get(o.value("agent-jar", null)).toAbsolutePath());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return r.label(o.value("label", null)).agent(!o.flag("no-agent")).flame(!o.flag("no-flame"));
    }

    private static StoreType store(String name) {
        for (StoreType t : StoreType.values()) {
            if (t.name().equalsIgnoreCase(name) || t.logName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new UsageException("unknown store '" + name + "': expected one of " + String.join(", ", storeNames()));
    }

    private static List<String> storeNames() {
        List<String> names = new ArrayList<>();
        for (StoreType t : StoreType.values()) {
            names.add(t.name());
        }
        return names;
    }

    private static int number(String option, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " takes whole numbers, was '" + v + "'");
        }
    }

    private static int millis(String v) {
        String s = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith("ms")) {
            return number("time", s.substring(0, s.length() - 2));
        }
        if (s.endsWith("s")) {
            return number("time", s.substring(0, s.length() - 1)) * 1000;
        }
        return number("time", s);
    }

    private static Path path(String value, Path fallback) {
        return value == null ? fallback : Paths.get(value).toAbsolutePath();
    }
}
