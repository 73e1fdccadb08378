package lab.core.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code ./lab} command (jol-cli's habit: one small class per command). Commands are found
 * with {@link java.util.ServiceLoader}: each module lists its own in
 * {@code META-INF/services/lab.core.cli.Command}, so lab-web can add {@code serve} and
 * {@code demo} without lab-core knowing lab-web.
 */
public interface Command {

    /** The word typed after {@code ./lab}. */
    String name();

    /** One line for {@code ./lab help}. */
    String description();

    /** The options, one per line, for {@code ./lab help NAME}. */
    String usage();

    /**
     * Runs the command on the words after its name (parse them with {@link Options#parse}).
     * Bad arguments throw {@link UsageException} (exit 2); any other exception is a failure
     * reported with its message (exit 1). Returns the process exit code.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
