package lab.core.cli;

import java.io.PrintStream;

/**
 * One {@code ./lab} command: a small class (jol-cli's habit) declared with picocli's
 * {@code @Command} (its name and one-line description) and {@code @Option}/{@code @Parameters}
 * fields. {@link Main} parses the words after the command's name into those fields, generates
 * its usage and help from them, and refuses a bad option by name (exit 2) before {@link #run}
 * is called.
 *
 * <p>Commands are found with {@link java.util.ServiceLoader}: each module lists its own in
 * {@code META-INF/services/lab.core.cli.LabCommand}, so lab-web adds {@code serve} and
 * {@code demo} without lab-core knowing lab-web. Shared options are mixins:
 * {@link ReportsOption}, {@link ProfilesOption}, {@link ProfileOption}.
 *
 * <pre>
 * &#64;Command(name = "list", description = "list the stored runs, newest first")
 * public final class ListCommand implements LabCommand {
 *     &#64;Mixin ReportsOption reports;
 *
 *     &#64;Override
 *     public int run(PrintStream out, PrintStream err) { ... reports.repository() ... }
 * }
 * </pre>
 */
public interface LabCommand {

    /**
     * Runs the command once its fields are set. A mistake picocli cannot see (a run id that does
     * not exist, two options that do not go together) throws {@link UsageException} (exit 2);
     * any other exception is a failure reported with its message (exit 1).
     *
     * @return the process exit code
     */
    int run(PrintStream out, PrintStream err) throws Exception;
}
