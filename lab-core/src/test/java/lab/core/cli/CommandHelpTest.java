package lab.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./lab help}, {@code ./lab help CMD} and {@code ./lab CMD --help}: generated from the
 * commands' declarations, they list every command and name every option; a bad option is a usage
 * error (exit 2) whose message names it.
 */
class CommandHelpTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome lab(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Each command with what its help must name: its options and its positional parameters. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("list", List.of("--reports", "--help")),
                Arguments.of("import", List.of("FILE.json", "--label", "--reports", "--help")),
                Arguments.of("claims", List.of("RUN", "--json", "--reports", "--help")),
                Arguments.of("compare", List.of("RUN", "--metric", "--stores", "--jvms", "--layouts", "--json", "--reports", "--help")),
                Arguments.of("layout", List.of("--all-jvms", "--jvm", "--classes", "--classpath", "--label", "--entries", "--json", "--dir",
                        "--dumps", "--reports", "--help")),
                Arguments.of("run", List.of("--profile", "--stores", "--workloads", "--threads", "--label", "--reports",
                        "--profiles", "--help")),
                Arguments.of("help", List.of("COMMAND")));
    }

    @Test
    void helpListsEveryCommandWithItsDescriptionAndTheExitCodes() {
        Outcome o = lab("help");

        assertThat(o.code()).isZero();
        for (String name : List.of("claims", "compare", "import", "layout", "list", "run", "help")) {
            assertThat(o.out()).containsPattern("(?m)^  " + name + " +\\S");
        }
        assertThat(o.out()).containsPattern("(?m)^  compare +compare two runs, or two stores of one run");
        assertThat(o.out()).contains("Exit codes:", "a usage error (the message names the option or argument)");
        assertThat(lab().out()).as("./lab alone").isEqualTo(o.out());
        assertThat(lab("--help").out()).as("./lab --help").isEqualTo(o.out());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void eachCommandsHelpNamesItsOptions(String command, List<String> named) {
        Outcome o = lab("help", command);

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Usage: ./lab " + command).contains(named);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "import", "claims", "compare", "layout", "run"})
    void helpCommandAndHelpOptionSayTheSame(String command) {
        Outcome option = lab(command, "--help");

        assertThat(option.code()).isZero();
        assertThat(option.out()).isEqualTo(lab("help", command).out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "import x.json", "claims", "compare a b", "layout", "run"})
    void anUnknownOptionIsAUsageErrorThatNamesIt(String commandLine) {
        String command = commandLine.split(" ")[0];
        String[] words = (commandLine + " --no-such-option").split(" ");
        Outcome o = lab(words);

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("lab " + command + ": ").contains("--no-such-option")
                .contains("./lab help " + command);
        assertThat(o.out()).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeNamesTheOptionAndTheValue() {
        Outcome o = lab("layout", "--entries", "ten");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("lab layout: ", "'--entries'", "'ten'");
    }

    @Test
    void aMissingArgumentIsAUsageErrorThatNamesIt() {
        Outcome o = lab("import");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("lab import: ", "FILE.json");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatListsTheCommands() {
        Outcome o = lab("lsit");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("unknown command 'lsit'", "list", "compare");
    }
}
