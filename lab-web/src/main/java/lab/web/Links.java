package lab.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links with a query, every name and value percent-encoded: a stored value (a store name from an
 * uploaded result, a benchmark key) can hold {@code &}, {@code =}, {@code #} or spaces, and must
 * not add or change a parameter of the link it is put into. Thymeleaf's {@code @{…}} link syntax
 * needs a web context our renderer does not have; pages build links here instead.
 */
public final class Links {

    private Links() {
    }

    /** {@code path?n1=v1&n2=v2…}; null values are left out. */
    public static String query(String path, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringBuilder sb = new StringBuilder(path);
        char sep = path.contains("?") ? '&' : '?';
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                continue;
            }
            sb.append(sep).append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
            sep = '&';
        }
        return sb.toString();
    }

    /** One path segment or query value, percent-encoded (spaces as %20, not '+'). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
