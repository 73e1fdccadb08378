package lab.agent;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code upload=http://HOST:PORT}: POSTs a report to the lab site's {@code /api/agent-reports} with
 * the JDK's own {@code java.net.http.HttpClient} (the agent brings no library into the JVM it is
 * loaded into). The site answers 201 {@code {"id":"<run id>"}}, or 4xx/5xx
 * {@code {"status":…,"error":"…"}}. Short timeouts: a report is written at JVM exit, which must not
 * hang on a dead server.
 */
final class Upload {

    static final String PATH = "/api/agent-reports";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Upload() {
    }

    /**
     * The endpoint for an {@code upload=} value: {@code http(s)://host[:port][/base]}, to which
     * {@value #PATH} is appended (unless it already ends with it).
     *
     * @throws IllegalArgumentException naming what is wrong with the value
     */
    static URI endpoint(String value) {
        URI base;
        try {
            base = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("lab-agent: option 'upload' is not a URL: '" + value + "' (" + e.getMessage() + ")");
        }
        if (!"http".equalsIgnoreCase(base.getScheme()) && !"https".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("lab-agent: option 'upload' needs an http:// or https:// URL, got '" + value + "'");
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("lab-agent: option 'upload' has no host: '" + value + "'");
        }
        if (base.getQuery() != null || base.getFragment() != null) {
            throw new IllegalArgumentException("lab-agent: option 'upload' takes http://HOST:PORT[/base], without ? or #: '" + value + "'");
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.endsWith(PATH)) {
            path = path + PATH;
        }
        return URI.create(base.getScheme().toLowerCase() + "://" + base.getRawAuthority() + path);
    }

    /** The outcome of one upload: the run id the site gave the report, or why there is none. */
    static final class Result {
        final String runId;
        final String failure;

        private Result(String runId, String failure) {
            this.runId = runId;
            this.failure = failure;
        }

        boolean ok() {
            return runId != null;
        }
    }

    /** POSTs {@code json}; never throws: a failure is a Result saying why. */
    static Result post(URI endpoint, String json) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body() == null ? "" : response.body();
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                Matcher id = ID.matcher(body);
                if (id.find()) {
                    return new Result(unescape(id.group(1)), null);
                }
                return new Result(null, "HTTP " + response.statusCode() + " without a run id in the answer: " + abbreviate(body));
            }
            Matcher error = ERROR.matcher(body);
            return new Result(null, "HTTP " + response.statusCode() + ": "
                    + (error.find() ? unescape(error.group(1)) : abbreviate(body)));
        } catch (IOException e) {
            return new Result(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        } catch (RuntimeException | LinkageError e) {
            // e.g. java.net.http not in this JVM's module graph (a modular application): say so.
            return new Result(null, e.toString() + (e instanceof LinkageError
                    ? " (the JVM lacks the java.net.http module: start it with --add-modules java.net.http)" : ""));
        }
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : (oneLine.isEmpty() ? "(empty body)" : oneLine);
    }
}
