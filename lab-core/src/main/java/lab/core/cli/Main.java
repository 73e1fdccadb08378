package lab.core.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** {@code ./lab COMMAND [OPTIONS]}: finds the command, runs it, maps failures to exit codes. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Every command on the class path, by name. */
    public static Map<String, Command> commands() {
        Map<String, Command> byName = new TreeMap<>();
        for (Command c : ServiceLoader.load(Command.class)) {
            byName.put(c.name(), c);
        }
        return byName;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            if (args.length > 1 && commands.containsKey(args[1])) {
                printCommandHelp(commands.get(args[1]), out);
            } else {
                printHelp(commands, out);
            }
            return 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("lab: unknown command '" + args[0] + "'. Commands: " + String.join(", ", commands.keySet()));
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help")) {
            printCommandHelp(command, out);
            return 0;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("lab " + command.name() + ": " + e.getMessage());
            err.println("usage: ./lab " + command.name() + " " + firstLine(command.usage()) + "   (./lab help " + command.name() + ")");
            return 2;
        } catch (Exception e) {
            err.println("lab " + command.name() + ": failed: " + describe(e));
            if (System.getenv("LAB_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(" (").append(c.getMessage()).append(')');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void printHelp(Map<String, Command> commands, PrintStream out) {
        out.println("storelab: JMH benchmarks of the decision log's Task stores, with lock/park/allocation counts,");
        out.println("flame graphs, JOL layouts, stored runs and a report site.");
        out.println();
        out.println("usage: ./lab COMMAND [OPTIONS]      ./lab help COMMAND for its options");
        out.println();
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(4);
        for (Command c : commands.values()) {
            out.printf("  %-" + width + "s  %s%n", c.name(), c.description());
        }
    }

    private static void printCommandHelp(Command c, PrintStream out) {
        out.println("./lab " + c.name() + ": " + c.description());
        out.println();
        out.println(c.usage());
    }
}
