package lab.core.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./lab COMMAND [OPTIONS]}: finds the commands ({@link LabCommand}s on the class path),
 * lets picocli parse the words into the chosen one, runs it, and maps the outcome to the exit
 * code: 0 done, 2 a usage error (the message names the option or argument), 1 a failure (with
 * its message; {@code LAB_DEBUG=1} adds the stack trace).
 *
 * <p>Help is generated from the commands' declarations: {@code ./lab}, {@code ./lab help} and
 * {@code ./lab --help} list the commands; {@code ./lab help CMD} and {@code ./lab CMD --help}
 * show one command's options.
 */
public final class Main {

    static final String LAUNCHER = "./lab";
    /** Help is wrapped at this width (picocli's default, 80, breaks the option descriptions too often). */
    static final int USAGE_WIDTH = 110;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The root of the command line: its own help text and the list of commands. */
    @Command(name = LAUNCHER, synopsisSubcommandLabel = "COMMAND",
            description = "storelab: JMH benchmarks of the decision log's Task stores, with lock/park/allocation counts, "
                    + "flame graphs, JOL layouts, stored runs and a report site.",
            commandListHeading = "%nCommands:%n",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "1:failed (the message says why; LAB_DEBUG=1 adds the stack trace)",
                "2:a usage error (the message names the option or argument)"},
            footer = {"", "./lab help COMMAND (or ./lab COMMAND --help) shows a command's options."})
    static final class Lab {
    }

    /** Every command on the class path, by name. */
    public static Map<String, LabCommand> commands() {
        Map<String, LabCommand> byName = new TreeMap<>();
        for (LabCommand c : ServiceLoader.load(LabCommand.class)) {
            Command a = c.getClass().getAnnotation(Command.class);
            if (a == null) {
                throw new IllegalStateException(c.getClass().getName() + " is listed as a command but has no @Command");
            }
            byName.put(a.name(), c);
        }
        return byName;
    }

    /** The command line over the given commands (fresh instances: picocli sets their fields). */
    static CommandLine commandLine(Map<String, LabCommand> commands, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Lab());
        Map<String, CommandLine> subcommands = new TreeMap<>();
        for (Map.Entry<String, LabCommand> e : commands.entrySet()) {
            CommandLine sub = new CommandLine(e.getValue());
            sub.getCommandSpec().addOption(helpOption());
            subcommands.put(e.getKey(), sub);
        }
        cl.getCommandSpec().addOption(helpOption());
        subcommands.forEach(cl::addSubcommand);
        CommandLine help = new CommandLine(new HelpCommand());
        help.getCommandSpec().usageMessage().header("list the commands, or show one command's options").description();
        cl.addSubcommand("help", help);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setExecutionStrategy(parseResult -> execute(cl, parseResult, out, err));
        cl.setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), e, err));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                return usageError(commandLine, e, err);
            }
            err.println(prefix(commandLine) + ": failed: " + describe(e));
            if (System.getenv("LAB_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    private static OptionSpec helpOption() {
        return OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int code = commandLine(commands(), out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int execute(CommandLine root, ParseResult parsed, PrintStream out, PrintStream err) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        Object command = last.commandSpec().userObject();
        try {
            if (command instanceof LabCommand c) {
                return c.run(out, err);
            }
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), String.valueOf(e.getMessage()), e);
        }
        root.usage(root.getOut());
        return CommandLine.ExitCode.OK;
    }

    /** A usage error: what was wrong (picocli's message names the option), a hint, exit 2. */
    private static int usageError(CommandLine where, Exception e, PrintStream err) {
        CommandSpec spec = where.getCommandSpec();
        boolean root = spec.parent() == null;
        if (root && e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            err.println("lab: unknown command '" + u.getUnmatched().get(0) + "'. Commands: "
                    + String.join(", ", where.getSubcommands().keySet()));
            return CommandLine.ExitCode.USAGE;
        }
        err.println(prefix(where) + ": " + e.getMessage());
        if (e instanceof ParameterException p) {
            UnmatchedArgumentException.printSuggestions(p, new PrintWriter(err, true, StandardCharsets.UTF_8));
        }
        err.print("usage: " + where.getHelp().synopsis(0));
        err.println(LAUNCHER + " help" + (root ? "" : " " + spec.name()) + " shows every option.");
        return CommandLine.ExitCode.USAGE;
    }

    private static String prefix(CommandLine where) {
        CommandSpec spec = where.getCommandSpec();
        return spec.parent() == null ? "lab" : "lab " + spec.name();
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        List<Throwable> seen = new ArrayList<>();
        for (Throwable c = e.getCause(); c != null && !seen.contains(c); c = c.getCause()) {
            seen.add(c);
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(" (").append(c.getMessage()).append(')');
            }
        }
        return sb.toString();
    }
}
