package lab.core.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import lab.core.record.JvmConfig;

/**
 * An AppCDS archive of the classes a timing fork loads (JMH, the benchmarks, the stores), one per
 * JVM configuration and class path, so each of a run's hundreds of forks maps them instead of
 * loading, parsing and verifying them again. Made once by a throwaway fork with
 * {@code -XX:ArchiveClassesAtExit} (dynamic archives: JDK 13 and later) and kept in the lab's
 * cache; a JVM that cannot use it (another class path, another build) falls back to loading the
 * classes, as {@code -Xshare:auto} does.
 *
 * <p>Only timing forks use it: the profiled fork's agent appends to the boot class path, which
 * turns sharing off for application classes.
 */
final class SharedArchive {

    private final Path dir;
    private final Map<String, Path> archives = new LinkedHashMap<>();

    SharedArchive(Path cacheDir) {
        this.dir = cacheDir.resolve("cds");
    }

    /**
     * The JVM flags that make a fork of this configuration use its archive, making the archive
     * first when there is none; no flags (and a warning) when the JVM cannot make one.
     */
    List<String> flags(JvmConfig jvm, Trial sample, RunOutput output, List<String> warnings) {
        Path archive = archives.computeIfAbsent(jvm.name(), n -> ensure(jvm, sample, output, warnings));
        return archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }

    private Path ensure(JvmConfig jvm, Trial sample, RunOutput output, List<String> warnings) {
        int feature = JvmAxis.feature(jvm.version());
        if (feature > 0 && feature < 13) {
            return null; // dynamic archives came with JDK 13
        }
        Path archive = dir.resolve(jvm.name() + "-" + fingerprint(jvm) + ".jsa");
        if (Files.isRegularFile(archive)) {
            return archive;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            List<String> args = new ArrayList<>(ForkRunner.HEAP);
            args.addAll(jvm.args());
            args.add("-XX:ArchiveClassesAtExit=" + tmp);
            OptionsBuilder b = new OptionsBuilder();
            b.include("^" + java.util.regex.Pattern.quote(sample.benchmark()) + "$").forks(1).warmupIterations(0)
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(10)).threads(1)
                    .jvm(jvm.java()).jvmArgsAppend(args.toArray(new String[0]))
                    // as the timing forks run: the GC profiler's management classes are archived too
                    .addProfiler(GCProfiler.class);
            for (Map.Entry<String, String> p : sample.params().entrySet()) {
                b.param(p.getKey(), p.getKey().equals("datasetSize") ? "1000" : p.getValue());
            }
            new Runner(b.build(), output).run();
            if (!Files.isRegularFile(tmp)) {
                warnings.add("no class-data sharing archive for " + jvm.name() + " (the JVM wrote none): forks load their classes");
                return null;
            }
            Files.move(tmp, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return archive;
        } catch (IOException | RunnerException | RuntimeException e) {
            warnings.add("no class-data sharing archive for " + jvm.name() + ": " + Failures.describe(e)
                    + " (forks load their classes)");
            return null;
        }
    }

    /** What the archive depends on: the JVM, its flags and the class path the forks get. */
    private static String fingerprint(JvmConfig jvm) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((jvm.java() + "|" + jvm.version() + "|" + String.join(" ", jvm.args()) + "|"
                    + System.getProperty("java.class.path")).getBytes(StandardCharsets.UTF_8));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isRegularFile(p)) {
                    md.update(Long.toString(Files.getLastModifiedTime(p).toMillis()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | IOException e) {
            return "unknown";
        }
    }
}
