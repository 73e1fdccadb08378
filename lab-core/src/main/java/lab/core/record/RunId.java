package lab.core.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Run ids: UTC start time plus a slug of the label, {@code [a-z0-9-]} only. Because they are
 * both folder names and URL segments, anything outside that alphabet is refused wherever an id
 * enters the lab (CLI arguments, URLs, uploads), so no id can name a path outside reports/.
 */
public final class RunId {

    public static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0," + (MAX_LENGTH - 1) + "})");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RunId() {
    }

    /** {@code 20261126-031502-quick-smoke} for a run started then with label "Quick smoke". */
    public static String create(Instant startedAt, String label) {
        String stamp = STAMP.format(startedAt);
        String slug = slug(label);
        String id = slug.isEmpty() ? stamp : stamp + "-" + slug;
        if (id.length() > MAX_LENGTH) {
            id = id.substring(0, MAX_LENGTH);
        }
        while (id.endsWith("-")) {
            id = id.substring(0, id.length() - 1);
        }
        return id;
    }

    /** Lowercase ASCII letters and digits; every other run of characters becomes one '-'. */
    public static String slug(String label) {
        if (label == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        for (char c : label.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                dash = false;
            } else if (!dash && sb.length() > 0) {
                sb.append('-');
                dash = true;
            }
        }
        String s = sb.toString();
        while (s.endsWith("-")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() > 48 ? s.substring(0, 48).replaceAll("-+$", "") : s;
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    public static String requireValid(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("not a run id: '" + printable(id)
                    + "' (run ids are lowercase letters, digits and '-', at most " + MAX_LENGTH + " characters)");
        }
        return id;
    }

    /** For error messages: control characters shown as '?', long input cut. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
