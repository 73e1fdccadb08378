package lab.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import lab.core.bench.Profile;
import lab.core.cli.Main;
import org.junit.jupiter.api.Test;

/** lab-web's commands join {@code ./lab}'s help: listed, and each one's help names its options. */
class CommandHelpTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String help(String... args) {
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandListNamesServeAndDemo() {
        assertThat(help("help")).containsPattern("(?m)^ +serve +serve the report site")
                .containsPattern("(?m)^ +demo +the report site \\(address printed first\\), then a quick run");
    }

    @Test
    void serveHelpNamesItsOptions() {
        assertThat(help("serve", "--help")).contains("./lab serve", "--port", "--host", "--reports", "--profiles", "--help");
    }

    @Test
    void demoHelpNamesItsOptionsAndDescribesEveryProfileFromProfileItself() {
        String text = help("help", "demo");
        assertThat(text).contains("./lab demo", "--profile", "--port", "--host");
        String words = text.replaceAll("\\s+", " "); // the help wraps long lines
        for (Profile p : Profile.values()) {
            assertThat(words).contains(" " + p.label() + " " + p.description());
        }
    }

    @Test
    void anUnknownDemoOptionIsRefusedByName() {
        int code = Main.run(new String[] {"demo", "--profil", "smoke"}, new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lab demo: ", "'--profil'");
    }
}
