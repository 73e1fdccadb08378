package lab.core.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code ./lab help [COMMAND]}: listed with the others so {@code ./lab help} names itself. */
public final class HelpCommand implements Command {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description() {
        return "list the commands, or show one command's options";
    }

    @Override
    public String usage() {
        return "[COMMAND]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String[] argv = new String[args.size() + 1];
        argv[0] = "help";
        for (int i = 0; i < args.size(); i++) {
            argv[i + 1] = args.get(i);
        }
        return Main.run(argv, out, err);
    }
}
