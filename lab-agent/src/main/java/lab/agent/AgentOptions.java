package lab.agent;

import java.net.URI;
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
    public static final List<String> KEYS = List.of("includes", "excludes", "report", "upload", "duration");

    private final String raw;
    private final List<String> includes;
    private final List<String> excludes;
    private final Pattern includePattern;
    private final Pattern excludePattern;
    private final List<Pattern> includeEach;
    private final String report;
    private final URI upload;
    private final Duration duration;

    private AgentOptions(String raw, List<String> includes, List<String> excludes, String report, URI upload,
            Duration duration) {
        this.raw = raw;
        this.includes = Collections.unmodifiableList(includes);
        this.excludes = Collections.unmodifiableList(excludes);
        this.includePattern = toPattern(includes);
        this.excludePattern = toPattern(excludes);
        List<Pattern> each = new ArrayList<>();
        for (String glob : includes) {
            each.add(toPattern(List.of(glob)));
        }
        this.includeEach = Collections.unmodifiableList(each);
        this.report = report;
        this.upload = upload;
        this.duration = duration;
    }

    /** Parses an options string; {@code null} or empty gives the defaults. */
    public static AgentOptions parse(String options) {
        String raw = options == null ? "" : options.trim();
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        String report = null;
        URI upload = null;
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
                    case "upload":
                        upload = Upload.endpoint(value);
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
        return new AgentOptions(raw, includes, excludes, report, upload, duration);
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

    /** The first {@code includes} pattern that matches {@code className} (as written), or null. */
    public String includePatternOf(String className) {
        for (int i = 0; i < includeEach.size(); i++) {
            if (includeEach.get(i).matcher(className).matches()) {
                return includes.get(i);
            }
        }
        return null;
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

    /**
     * Report path as given, or null. {@code %p} stands for the JVM's pid and {@code %w} for the
     * counting window's number (1 for the first agent in a JVM, 2 after a re-attach, …).
     */
    public String report() {
        return report;
    }

    /** Where to POST the report ({@code …/api/agent-reports}), or null. */
    public URI upload() {
        return upload;
    }

    /** Attached mode: how long to count before reporting and removing the instrumentation; or null. */
    public Duration duration() {
        return duration;
    }
}
