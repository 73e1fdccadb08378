package lab.web.api;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.HttpResponseException;
import java.util.Locale;

/**
 * The upload's {@code Content-Type}, checked exactly: the media type must be
 * {@code application/json} (not a prefix of it: {@code application/jsonx} is another type), and a
 * {@code charset} parameter, when given, must be UTF-8 — JSON is UTF-8 (RFC 8259), and the body is
 * read as bytes. Checked before anything else reads the request, because Javalin decodes the query
 * string with the request's charset and an unknown one would fail there with only its name.
 */
final class MediaType {

    static final String JSON = "application/json";

    private MediaType() {
    }

    /** @param what what the body is, for the message: "the JMH result", "the agent report" */
    static void requireJson(String contentType, String what) {
        String header = contentType == null ? "" : contentType;
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals(JSON)) {
            throw new HttpResponseException(415, "send " + what + " with Content-Type: application/json"
                    + " (curl -H 'Content-Type: application/json' --data-binary @result.json …)");
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (name.equals("charset") && !value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
                throw new BadRequestResponse("the Content-Type names charset '" + printable(value)
                        + "': JSON uploads must be UTF-8 (charset=utf-8, or no charset)");
            }
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
