package lab.agent;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The agent's options, in JaCoCo's style: {@code key=value} pairs separated by commas,
 * {@code includes}/{@code excludes} lists separated by colons with {@code *} and {@code ?}
 * wildcards ({@code *} also matches dots and {@code $}, so {@code java.util.HashMap*} covers
 * {@code HashMap$Node}). An unknown key is an error that names it: a typo must not silently
 * turn counting off.
 */
public final class AgentOptions {

    /** Keys the agent accepts, in the order the usage message lists them. */
    public static final List<String> KEYS = List.of("includes", "excludes", "report", "duration");

    private final String raw;
    private final List<String> includes;
    private final List<String> excludes;
    private final Pattern includePattern;
    private final Pattern excludePattern;
    private final String report;
    private final Duration duration;

    private AgentOptions(String raw, List<String> includes, List<String> excludes, String report, Duration duration) {
        this.raw = raw;
        this.includes = Collections.unmodifiableList(includes);
        this.excludes = Collections.unmodifiableList(excludes);
        this.includePattern = toPattern(includes);
        this.excludePattern = toPattern(excludes);
        this.report = report;
        this.duration = duration;
    }

    /** Parses an options string; {@code null} or empty gives the defaults. */
    public static AgentOptions parse(String options) {
        String raw = options == null ? "" : options.trim();
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        String report = null;
        Duration duration = null;
        if (!raw.isEmpty()) {
            for (String pair : raw.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("lab-agent: option '" + pair.trim()
                            + "' is not key=value; known options: " + String.join(", ", KEYS));
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                switch (key) {
                    case "includes":
                        includes.addAll(patterns(value));
                        break;
                    case "excludes":
                        excludes.addAll(patterns(value));
                        break;
                    case "report":
                        if (value.isEmpty()) {
                            throw new IllegalArgumentException("lab-agent: option 'report' needs a path");
                        }
                        report = value;
                        break;
                    case "duration":
                        duration = parseDuration(value);
                        break;
                    default:
                        throw new IllegalArgumentException("lab-agent: unknown option '" + key
                                + "'; known options: " + String.join(", ", KEYS));
                }
            }
        }
        return new AgentOptions(raw, includes, excludes, report, duration);
    }

    private static List<String> patterns(String value) {
        List<String> out = new ArrayList<>();
        for (String p : value.split(":")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    /** {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, a bare number of seconds, or ISO-8601 {@code PT30S}. */
    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return positive(Duration.parse(value.trim()), value);
            }
            if (v.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))), value);
            }
            if (v.endsWith("s")) {
                return positive(Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1))), value);
            }
            if (v.endsWith("m")) {
                return positive(Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1))), value);
            }
            if (v.endsWith("h")) {
                return positive(Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1))), value);
            }
            return positive(Duration.ofSeconds(Long.parseLong(v)), value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("lab-agent: option 'duration' has a bad value '" + value
                    + "' (use e.g. 30s, 500ms, 5m, PT30S)");
        }
    }

    private static Duration positive(Duration d, String value) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("lab-agent: option 'duration' must be positive, got '" + value + "'");
        }
        return d;
    }

    private static Pattern toPattern(List<String> globs) {
        if (globs.isEmpty()) {
            return null;
        }
        StringBuilder re = new StringBuilder();
        for (String g : globs) {
            if (re.length() > 0) {
                re.append('|');
            }
            for (char c : g.toCharArray()) {
                if (c == '*') {
                    re.append(".*");
                } else if (c == '?') {
                    re.append('.');
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
        }
        return Pattern.compile(re.toString());
    }

    /** Whether synchronized blocks and allocations of this class (binary name) are counted. */
    public boolean isIncluded(String className) {
        return includePattern != null && includePattern.matcher(className).matches()
                && (excludePattern == null || !excludePattern.matcher(className).matches());
    }

    public String raw() {
        return raw;
    }

    public List<String> includes() {
        return includes;
    }

    public List<String> excludes() {
        return excludes;
    }

    /** Report path, or null. */
    public String report() {
        return report;
    }

    /** Attached mode: how long to count before reporting and removing the instrumentation; or null. */
    public Duration duration() {
        return duration;
    }
}
