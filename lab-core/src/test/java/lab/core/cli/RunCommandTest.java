package lab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab run}'s command line: mistakes are refused by name, before anything runs or is stored. */
class RunCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        String[] argv = new String[args.length + 5];
        argv[0] = "run";
        System.arraycopy(args, 0, argv, 1, args.length);
        argv[args.length + 1] = "--reports";
        argv[args.length + 2] = tmp.resolve("reports").toString();
        argv[args.length + 3] = "--profiles";
        argv[args.length + 4] = tmp.resolve("profiles").toString();
        return Main.run(argv, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownStoresWorkloadsAndProfilesAreRefusedWithTheKnownNames() {
        assertThat(run("--stores", "MEMORY,REDIS")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown store 'REDIS'", "MEMORY", "DENSE_ARRAY");
        err.reset();
        assertThat(run("--workloads", "read,scan")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown workload 'scan'", "getAll", "contention");
        err.reset();
        assertThat(run("--profile", "huge")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown profile 'huge'", "smoke, quick or full");
    }

    @Test
    void badNumbersAndStrayArgumentsAreRefused() {
        assertThat(run("--threads", "1,0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--threads", "must be >= 1, was 0");
        err.reset();
        assertThat(run("--threads", "two")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--threads", "takes whole numbers, was 'two'");
        err.reset();
        assertThat(run("--forks", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--forks", "must be >= 1");
        err.reset();
        assertThat(run("--wait", "sleepy")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--wait", "sleepy", "blocking");
        err.reset();
        assertThat(run("--jvm", "/no/such/java")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--jvm /no/such/java: no java executable there");
        err.reset();
        assertThat(run("--jvm-args", "-XX:+NoSuchFlagAnywhere")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refuses -XX:+NoSuchFlagAnywhere", "Unrecognized VM option");
        err.reset();
        assertThat(run("quick")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("quick");
        assertThat(Files.exists(tmp.resolve("reports"))).as("nothing was started or stored").isFalse();
    }
}
