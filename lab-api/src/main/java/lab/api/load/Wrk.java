package lab.api.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lab.core.record.Json;
import lab.core.record.LoadResults;

/**
 * Debian's {@code wrk} (4.1), run once per interval: {@code -t T -c C -d Ds --latency
 * --timeout 5s -s requests.lua}. The figures come from the script's {@code done()} line
 * ({@code lab-wrk {json}}: wrk's own summary and latency histogram), not from parsing its
 * human-readable report, which is kept in the run's {@code wrk.log}.
 */
public final class Wrk {

    /** How to get wrk where it is missing. */
    public static final String INSTALL = "apt-get install -y wrk (Debian, Ubuntu; elsewhere see https://github.com/wg/wrk)";

    /**
     * wrk's socket timeout: a response slower than this is a timeout error, not a latency. Its
     * default, 2 s, is within reach of a saturated actor store on 2 shared cores.
     */
    public static final int TIMEOUT_SECONDS = 5;

    private static final String RESULT = "lab-wrk ";

    private final Path executable;
    private final String version;

    private Wrk(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** wrk named by {@code LAB_WRK}, else the first on the {@code PATH} of this environment, or empty. */
    public static Optional<Wrk> find(java.util.Map<String, String> env) {
        String override = env.get("LAB_WRK");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(new Wrk(p, versionOf(p))) : Optional.empty();
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "wrk");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(new Wrk(p, versionOf(p)));
            }
        }
        return Optional.empty();
    }

    /** The message for a machine without wrk (or a LAB_WRK that names none). */
    public static String missing(java.util.Map<String, String> env) {
        String override = env.get("LAB_WRK");
        if (override != null && !override.isBlank()) {
            return "LAB_WRK=" + override + " is not an executable file (it names the wrk that ./lab load drives the servers with)";
        }
        return "wrk is not installed (./lab load drives the servers with it). Install it: " + INSTALL
                + "; or point LAB_WRK at a wrk executable";
    }

    /** wrk's first line of {@code -v}, e.g. "wrk debian/4.1.0-3+b2 [epoll]". */
    public String version() {
        return version;
    }

    public Path executable() {
        return executable;
    }

    /** wrk's threads for a connection count: one per core at most (it needs connections ≥ threads). */
    public static int threadsFor(int connections, int cores) {
        return Math.max(1, Math.min(connections, cores));
    }

    /**
     * One interval against {@code url}. wrk's report is appended to {@code log} (null: dropped).
     *
     * @param round the round the sample belongs to (-1: the profiled pass)
     * @throws IOException when wrk fails or prints no result
     */
    public LoadResults.Sample run(String url, int threads, int connections, int seconds, Path script, Path requestDir,
                                  int round, Path log, String heading) throws IOException, InterruptedException {
        List<String> cmd = List.of(executable.toString(), "-t", Integer.toString(threads), "-c", Integer.toString(connections),
                "-d", seconds + "s", "--latency", "--timeout", TIMEOUT_SECONDS + "s", "-s", script.toString(), url, "--",
                requestDir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] output;
        try {
            output = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("wrk did not finish " + seconds + " s after its interval");
            }
        } finally {
            p.destroy();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (log != null) {
            Files.writeString(log, "## " + heading + "\n$ " + String.join(" ", cmd) + "\n" + text + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith(RESULT)) {
                return sample(line.substring(RESULT.length()), round);
            }
        }
        throw new IOException("wrk exited with " + p.exitValue() + " without a result: " + lastLines(text));
    }

    static LoadResults.Sample sample(String json, int round) throws IOException {
        JsonNode n = Json.MAPPER.readTree(json);
        LoadResults.Latency latency = new LoadResults.Latency(n.get("p50").asDouble(), n.get("p90").asDouble(),
                n.get("p99").asDouble(), n.get("max").asDouble(), n.get("mean").asDouble());
        LoadResults.Errors errors = new LoadResults.Errors(n.get("connect").asLong(), n.get("read").asLong(),
                n.get("write").asLong(), n.get("timeout").asLong());
        return new LoadResults.Sample(round, n.get("requests").asLong(), n.get("durationMicros").asLong() / 1e6,
                n.get("non2xx").asLong(), errors, latency);
    }

    private static String versionOf(Path wrk) {
        try {
            Process p = new ProcessBuilder(wrk.toString(), "-v").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            String first = out.lines().findFirst().orElse("").trim();
            int copyright = first.indexOf(" Copyright");
            return copyright > 0 ? first.substring(0, copyright) : first;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String lastLines(String text) {
        List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.isBlank()).toList());
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
