package lab.core.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TRANSITIONAL (see {@link LegacyCommands}): {@code run}'s hand-written parser, until {@code run}
 * is declared with picocli. The arguments of one command: {@code --name value}, {@code --name=value}, bare {@code --flag}s
 * and positional words. A command declares which options take a value and which are flags; any
 * other {@code --option} is rejected by name, so a typo never silently becomes a default.
 */
public final class Options {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {
    }

    /**
     * @param args        the words after the command name
     * @param valued      options that take a value (without the leading dashes)
     * @param flagOptions options that take none
     */
    public static Options parse(List<String> args, Set<String> valued, Set<String> flagOptions) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                o.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                o.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                o.flags.add(name);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return o;
    }

    public static Options parse(List<String> args, String[] valued, String[] flagOptions) {
        return parse(args, new LinkedHashSet<>(Arrays.asList(valued)), new LinkedHashSet<>(Arrays.asList(flagOptions)));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The last value given for the option, or the fallback. */
    public String value(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    /** Every value given, as given (repeatable options whose values may hold commas). */
    public List<String> raw(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** Every value given, comma lists split: {@code --stores A,B --stores C} gives [A, B, C]. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String v : values.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public int intValue(String name, int fallback) {
        String v = value(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + v + "'");
        }
    }

    public List<String> positional() {
        return Collections.unmodifiableList(positional);
    }
}
