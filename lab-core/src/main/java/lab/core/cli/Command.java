package lab.core.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * TRANSITIONAL (see {@link LegacyCommands}): the old command interface, kept only for
 * {@code run} until it is declared with picocli as a {@link LabCommand}.
 */
public interface Command {

    /** The word typed after {@code ./lab}. */
    String name();

    /** One line for {@code ./lab help}. */
    String description();

    /** The synopsis, then the options one per line, for {@code ./lab help NAME}. */
    String usage();

    /**
     * Runs the command on the words after its name (parse them with {@link Options#parse}).
     * Bad arguments throw {@link UsageException} (exit 2); any other exception is a failure
     * reported with its message (exit 1). Returns the process exit code.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
