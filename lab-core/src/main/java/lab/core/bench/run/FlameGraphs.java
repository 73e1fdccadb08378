package lab.core.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.openjdk.jmh.profile.AsyncProfiler;

import one.convert.Arguments;
import one.convert.JfrToFlame;

/**
 * async-profiler for the runner: the native library taken from the
 * {@code tools.profiler:async-profiler} jar, a probe that says whether it can profile on this
 * machine, JMH's {@code -prof async} options, and the conversion of each benchmark's recording
 * into one flame graph and one collapsed-stacks file per event.
 *
 * <p>Why JFR. JMH 1.37's {@link AsyncProfiler} records one event per session unless the output
 * is JFR ({@code event=cpu;alloc;lock;output=jfr}: cpu primary, alloc and lock secondary). One
 * {@code -prof async} per event is not an option: async-profiler runs one session per JVM, so a
 * second profiler instance in the same fork cannot start. So each fork records the three events
 * into {@code jfr-cpu.jfr}, and the runner converts it afterwards, outside any measurement, with
 * async-profiler's own converter into JMH's file names: {@code flame-<event>-forward.html} and
 * {@code collapsed-<event>.csv}.
 */
public final class FlameGraphs {

    /** The events every run records, in the order they appear in file names. */
    public static final List<String> EVENTS = List.of("cpu", "alloc", "lock");

    /**
     * The CPU sampling engine: per-thread CPU-time timers ({@code ctimer}), not perf_events.
     * Measured here (a 2-core Firecracker VM): with perf_events ({@code event=cpu}) every thread
     * carries a perf counter that the kernel switches on each context switch, and the actor
     * store, which context-switches twice per request, read in 59 us/op instead of 20 us/op and
     * its fork took 17 s instead of 6.6 s; ctimer and itimer cost nothing measurable there. The
     * price is no kernel frames in cpu flame graphs.
     */
    static final String CPU_ENGINE = "ctimer";

    /** CPU sampling interval: 1 ms gives ~1,000 samples per second of measurement. */
    static final long CPU_INTERVAL_NS = 1_000_000;
    /**
     * Lock sampling interval: async-profiler records a stack each time the total time threads
     * waited for contended locks grows by this much (it is not a per-wait threshold). At 10 us
     * the actor store, which parks twice per request, had nearly every park recorded, and that
     * tripled its fork's time and moved its score; at 1 ms a second of waiting still gives a
     * thousand samples.
     */
    static final String LOCK_INTERVAL = "1ms";

    private final Path library;
    private final String version;
    private final String cpuEvent;
    private FlameGraphs(Path library, String version, String cpuEvent) {
        this.library = library;
        this.version = version;
        this.cpuEvent = cpuEvent;
    }

    /**
     * Extracts the library and probes it in this JVM. Returns null (with the reason added to
     * {@code warnings}) when async-profiler cannot run here; the run then goes on without flame
     * graphs.
     */
    public static FlameGraphs probe(Path cacheDir, List<String> warnings) {
        String platform = platform();
        if (platform == null) {
            warnings.add("async-profiler unavailable: the async-profiler jar has no library for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "; no flame graphs");
            return null;
        }
        String version = jarVersion();
        Path lib;
        try {
            lib = extract(platform, cacheDir.resolve("async-profiler-" + version));
        } catch (IOException | RuntimeException e) {
            warnings.add("async-profiler unavailable: cannot extract " + platform + "/libasyncProfiler.so: " + e.getMessage()
                    + "; no flame graphs");
            return null;
        }
        AsyncProfiler.JavaApi api;
        try {
            api = AsyncProfiler.JavaApi.getInstance(lib.toString());
        } catch (Throwable e) {
            warnings.add("async-profiler unavailable: cannot load " + lib + ": " + e + "; no flame graphs");
            return null;
        }
        List<String> local = new ArrayList<>();
        String cpu;
        String ctimerError = tryStart(api, CPU_ENGINE);
        if (ctimerError == null) {
            cpu = CPU_ENGINE;
        } else {
            String itimerError = tryStart(api, "itimer");
            if (itimerError == null) {
                cpu = "itimer";
                local.add("async-profiler: per-thread CPU timers (ctimer) unavailable (" + ctimerError
                        + "); cpu flame graphs come from the process-wide itimer signal");
            } else {
                warnings.add("async-profiler cannot profile on this machine: ctimer: " + ctimerError + "; itimer: "
                        + itimerError + "; no flame graphs");
                return null;
            }
        }
        warnings.addAll(local);
        return new FlameGraphs(lib, version, cpu);
    }

    private static String tryStart(AsyncProfiler.JavaApi api, String event) {
        try {
            api.execute("start,event=" + event + ",interval=" + CPU_INTERVAL_NS);
            api.execute("stop");
            return null;
        } catch (Throwable e) {
            String m = e.getMessage();
            return m == null ? e.getClass().getSimpleName() : m.strip();
        }
    }

    /** The JMH profiler options writing into {@code dir}. */
    public String jmhOptions(Path dir) {
        String d = dir.toAbsolutePath().toString();
        if (d.contains(";") || library.toString().contains(";")) {
            throw new IllegalArgumentException("paths given to JMH's async profiler must not contain ';': " + d);
        }
        return "libPath=" + library + ";output=jfr;event=" + cpuEvent + ";interval=" + CPU_INTERVAL_NS
                + ";alloc;lock=" + LOCK_INTERVAL + ";dir=" + d;
    }

    /**
     * async-profiler's command that starts the same recording in a JVM that loads the library
     * itself (the load runner's servers): the same events and intervals as {@link #jmhOptions},
     * one JFR file, written by the {@code stop} command; {@link #convert} turns it into flame
     * graphs (name it {@code jfr-<anything>.jfr}).
     */
    public String startCommand(Path jfr) {
        return "start,event=" + cpuEvent + ",interval=" + CPU_INTERVAL_NS + ",alloc,lock=" + LOCK_INTERVAL
                + ",jfr,file=" + jfr.toAbsolutePath();
    }

    /** The extracted native library, for JVMs the lab starts with {@code -agentpath} itself (load runs). */
    public Path library() {
        return library;
    }

    public String version() {
        return version;
    }

    /** The async-profiler event behind the cpu flame graphs (ctimer, or itimer as a fallback). */
    public String cpuEngine() {
        return cpuEvent;
    }



    /**
     * Converts the JFR recording JMH left in {@code trialDir} into {@code flame-<event>-forward.html}
     * and {@code collapsed-<event>.csv} for each of {@link #EVENTS}, then deletes the recording.
     * Returns the files written (an event without samples still gets its, empty, files).
     */
    public static List<Path> convert(Path trialDir, String title) throws IOException {
        List<Path> written = new ArrayList<>();
        List<Path> recordings = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(trialDir, "jfr-*.jfr")) {
            s.forEach(recordings::add);
        }
        if (recordings.isEmpty()) {
            throw new IOException("no JFR recording in " + trialDir);
        }
        Path jfr = recordings.get(0);
        for (String event : EVENTS) {
            Path html = trialDir.resolve("flame-" + event + "-forward.html");
            JfrToFlame.convert(jfr.toString(), html.toString(), new Arguments("--" + event, "--title", title + " (" + event + ")"));
            written.add(html);
            Path collapsed = trialDir.resolve("collapsed-" + event + ".csv");
            JfrToFlame.convert(jfr.toString(), collapsed.toString(), new Arguments("--" + event, "-o", "collapsed"));
            written.add(collapsed);
        }
        Files.delete(jfr);
        return written;
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return "linux-x64";
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return "linux-arm64";
            }
        } else if (os.contains("mac")) {
            return "macos";
        }
        return null;
    }

    private static Path extract(String platform, Path dir) throws IOException {
        String resource = platform + "/libasyncProfiler.so";
        try (InputStream in = FlameGraphs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path (tools.profiler:async-profiler jar missing?)");
            }
            byte[] bytes = in.readAllBytes();
            Path target = dir.resolve("libasyncProfiler.so");
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".lib", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }

    private static String jarVersion() {
        try (InputStream in = FlameGraphs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/tools.profiler/async-profiler/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "unknown";
    }

    /** The default cache folder for the extracted library. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("storelab");
    }
}
