package lab.core.cli;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UnmatchedArgsBinding;

/**
 * TRANSITIONAL: the commands still written against the old {@link Command} interface (only
 * {@code run}, which moves to picocli with the runner's rewrite) join the picocli command line
 * with their hand-kept usage text and their own argument parsing ({@link Options}): picocli
 * passes them every word after their name. Delete this class, {@link Command}, {@link Options}
 * and {@code META-INF/services/lab.core.cli.Command} once {@code RunCommand} is a
 * {@link LabCommand}.
 */
final class LegacyCommands {

    private LegacyCommands() {
    }

    /** The legacy commands, by name, as picocli command lines. */
    static Map<String, CommandLine> all() {
        Map<String, CommandLine> out = new TreeMap<>();
        for (Command c : ServiceLoader.load(Command.class)) {
            CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
            String usage = c.usage();
            int nl = usage.indexOf('\n');
            spec.name(c.name());
            spec.usageMessage().description(c.description())
                    .customSynopsis(Main.LAUNCHER + " " + c.name() + " " + (nl < 0 ? usage : usage.substring(0, nl)))
                    .footer(nl < 0 ? new String[0] : usage.substring(nl + 1).replace("%", "%%").split("\n", -1));
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
            spec.addUnmatchedArgsBinding(UnmatchedArgsBinding.forStringArrayConsumer(new ISetter() {
                @Override
                public <T> T set(T value) {
                    return null; // the words are read from ParseResult.unmatched()
                }
            }));
            out.put(c.name(), new CommandLine(spec));
        }
        return out;
    }
}
