package lab.api.load;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import lab.agent.Counters;
import lab.api.TaskApi;
import lab.core.bench.Dataset;
import lab.core.store.StoreType;
import lab.core.store.TaskStore;
import org.openjdk.jmh.profile.AsyncProfiler;

/**
 * The child JVM of a load run: one store preloaded with the benchmarks' {@link Dataset}, the
 * {@link TaskApi} over it on a free loopback port, and a line protocol on stdin/stdout through
 * which the {@link ServerProcess} in the parent asks for what it needs between two measured
 * intervals (so the API itself carries no control routes):
 *
 * <pre>
 * (server) lab-server ready PORT
 * counters        → lab-server counters ACQUIRED CONTENDED PARKS ALLOCATIONS | lab-server counters none REASON
 * profile COMMAND → lab-server ok     (COMMAND: async-profiler's start/stop command)
 * stop | EOF      → the server stops, the store closes, the JVM exits
 * any failure     → lab-server error MESSAGE
 * </pre>
 *
 * <p>{@code java -cp … lab.api.load.LoadServer STORE DATASET_SIZE [ASYNC_PROFILER_LIBRARY]}
 */
public final class LoadServer {

    /** The prefix of every protocol line (the JVM, the agent and Jetty may print other lines). */
    static final String PREFIX = "lab-server ";

    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        StoreType type = StoreType.valueOf(args[0]);
        int size = Integer.parseInt(args[1]);
        AsyncProfiler.JavaApi profiler = args.length > 2 ? AsyncProfiler.JavaApi.getInstance(args[2]) : null;
        TaskStore store = Dataset.preload(type, size);
        Javalin app = TaskApi.create(store).start("127.0.0.1", 0);
        reply(out, "ready " + app.port());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
                try {
                    reply(out, answer(line, profiler));
                } catch (Exception e) {
                    reply(out, "error " + (e.getMessage() == null ? e.toString() : e.getMessage()).replace('\n', ' '));
                }
            }
        } finally {
            app.stop();
            store.close();
        }
    }

    private static String answer(String line, AsyncProfiler.JavaApi profiler) throws Exception {
        if (line.equals("counters")) {
            return counters();
        }
        if (line.startsWith("profile ")) {
            if (profiler == null) {
                throw new IllegalStateException("this server was started without async-profiler");
            }
            profiler.execute(line.substring("profile ".length()));
            return "ok";
        }
        throw new IllegalArgumentException("unknown command '" + line + "'");
    }

    /**
     * The lab agent's totals over every thread of this JVM. No agent, or an agent whose self-test
     * failed, is an answer with its reason: never zeros that would read as "no locks".
     */
    static String counters() {
        Counters counters = Counters.find();
        if (counters == null) {
            return "counters none the lab agent is not installed in this JVM";
        }
        if (!"ok".equals(counters.status())) {
            return "counters none the lab agent's self-test did not pass: " + counters.status();
        }
        long[] t = counters.totals();
        return String.format(Locale.ROOT, "counters %d %d %d %d", Counters.acquired(t),
                Counters.contended(t), Counters.parks(t), Counters.allocations(t));
    }

    private static void reply(PrintStream out, String text) {
        synchronized (out) {
            out.println(PREFIX + text);
            out.flush();
        }
    }
}
