package lab.api.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lab.core.cli.LabCommand;
import lab.core.cli.ProfilesOption;
import lab.core.cli.ReportsOption;
import lab.core.cli.UsageException;
import lab.core.record.RunRepository;
import lab.core.store.StoreType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./lab load}: the Task API over each store under wrk, stored as a load run; prints the run id last. */
@Command(name = "load",
        description = "serve the Task API over each store and load it with wrk: requests/s, latency percentiles, errors, "
                + "and the agent's counts per request; stored as a load run",
        footer = {"", "Needs wrk: " + Wrk.INSTALL + ".",
            "Each server is a child JVM on a free loopback port and wrk runs on the same machine: the stores' ratios are",
            "the finding, not absolute requests/s. Each round starts a fresh server per store and visits every store x",
            "connection count in a shuffled order; then each store gets a profiled pass (lab agent, async-profiler).",
            "The last line printed is the run id; Ctrl-C stores the run as interrupted."})
public final class LoadCommand implements LabCommand {

    @Option(names = "--stores", paramLabel = "A,B", split = ",", hideParamSyntax = true,
            description = "stores to serve (default: the decision log's load-testing matrix, " + LoadRequest.DEFAULT_STORES + ")")
    List<String> stores = new ArrayList<>();

    @Option(names = "--mix", paramLabel = "K:W,...", description = "request mix by weight: read (GET /tasks/{id}), write "
            + "(PUT /tasks/{id}), create (POST /tasks); default " + RequestMix.DEFAULT)
    String mix;

    @Option(names = "--connections", paramLabel = "N,...", split = ",", hideParamSyntax = true,
            description = "wrk's connection counts (default " + LoadRequest.DEFAULT_CONNECTIONS + ")")
    List<String> connections = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "10s", description = "each measured interval, whole seconds (default "
            + LoadRequest.DEFAULT_DURATION_SECONDS + "s)")
    String duration;

    @Option(names = "--warmup", paramLabel = "3s", description = "the warm-up before each interval (default "
            + LoadRequest.DEFAULT_WARMUP_SECONDS + "s; a fresh server's first is " + LoadRequest.START_WARMUP_FACTOR + "x longer)")
    String warmup;

    @Option(names = "--rounds", paramLabel = "N", description = "timing rounds (default " + LoadRequest.DEFAULT_ROUNDS + ")")
    Integer rounds;

    @Option(names = "--dataset", paramLabel = "N", description = "tasks preloaded into each server (default: the JMH runs' dataset)")
    Integer dataset;

    @Option(names = "--label", paramLabel = "TEXT", description = "a label, also part of the run id")
    String label;

    @Option(names = "--seed", paramLabel = "N", description = "the rounds' shuffle seed (default: a fresh one; stored in run.json)")
    Long seed;

    @Option(names = "--no-profile", description = "no profiled pass (no counts per request, no flame graphs)")
    boolean noProfile;

    @Option(names = "--agent-jar", paramLabel = "JAR", description = "the agent jar (default <lab>/lab-agent/target/lab-agent.jar)")
    Path agentJar;

    @Mixin
    ReportsOption reports;

    @Mixin
    ProfilesOption profiles;

    @Override
    public int run(PrintStream out, PrintStream err) throws Exception {
        LoadRequest request = request();
        Optional<Wrk> wrk = Wrk.find(System.getenv());
        if (wrk.isEmpty()) {
            err.println("lab load: " + Wrk.missing(System.getenv()));
            return 1;
        }
        LoadRunner.Outcome outcome = LoadRunner.run(request, wrk.get(), out, err);
        return switch (outcome.status()) {
            case COMPLETE -> 0;
            case INTERRUPTED -> 130;
            default -> 1;
        };
    }

    LoadRequest request() {
        LoadRequest r = LoadRequest.of(reports.dir(), profiles.dir()).repoRoot(RunRepository.labHome());
        try {
            if (!stores.isEmpty()) {
                List<StoreType> types = new ArrayList<>();
                for (String s : stores) {
                    types.add(store(s));
                }
                r.stores(types);
            }
            if (mix != null) {
                r.mix(RequestMix.parse(mix));
            }
            if (!connections.isEmpty()) {
                List<Integer> counts = new ArrayList<>();
                for (String c : connections) {
                    counts.add(number("connections", c));
                }
                r.connections(counts);
            }
            if (duration != null) {
                r.durationSeconds(seconds("duration", duration));
            }
            if (warmup != null) {
                r.warmupSeconds(seconds("warmup", warmup));
            }
            if (rounds != null) {
                r.rounds(rounds);
            }
            if (dataset != null) {
                r.datasetSize(dataset);
            }
            if (agentJar != null) {
                r.agentJar(agentJar.toAbsolutePath());
            }
            r.seed(seed).label(label).profiled(!noProfile);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return r;
    }

    /**
     * Whole seconds from {@code 10s}, {@code 10}, {@code 2m} or ISO-8601 ({@code PT10S}); wrk
     * counts its duration in seconds, so a fraction is refused rather than rounded.
     */
    static int seconds(String option, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (v.startsWith("pt")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(v));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UsageException("--" + option + " must be a duration like 10s, 2m or PT10S, was '" + value + "'");
        }
        if (d.toMillis() % 1000 != 0) {
            throw new UsageException("--" + option + " must be whole seconds (wrk counts its duration in seconds), was '"
                    + value + "'");
        }
        return Math.toIntExact(d.toSeconds());
    }

    private static StoreType store(String name) {
        for (StoreType t : StoreType.values()) {
            if (t.name().equalsIgnoreCase(name.trim()) || t.logName().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new UsageException("unknown store '" + name + "': expected one of "
                + String.join(", ", java.util.Arrays.stream(StoreType.values()).map(Enum::name).toList()));
    }

    private static int number(String option, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " takes whole numbers, was '" + s + "'");
        }
    }
}
