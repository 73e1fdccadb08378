package lab.api.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import lab.core.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ./lab load refuses bad options before starting anything, naming the option and why. */
class LoadCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--duration 1.5s      | --duration must be a duration like 10s",
        "--duration 1500ms    | --duration must be whole seconds",
        "--duration 0s        | the duration must be at least 1 s",
        "--warmup -1s         | the warm-up must not be negative",
        "--mix read:80,list:5 | unknown request kind 'list'",
        "--stores MEMORY,NOPE | unknown store 'NOPE'",
        "--connections 0      | connection counts must be >= 1",
        "--connections x      | --connections takes whole numbers",
        "--rounds 0           | rounds must be >= 1",
        "--dataset 1          | the dataset needs at least 2 tasks",
        "--frobnicate         | Unknown option: '--frobnicate'"})
    void refusesBadOptions(String args, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = ("load " + args).trim().split("\\s+");
        int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
