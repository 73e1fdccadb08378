package lab.core.record;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JMH's JSON result format ({@code -rf json}) into {@link BenchmarkResult}s.
 *
 * <p>It reads what JMH has written over the years and what other tools write: secondary metric
 * names with and without JMH's {@code ·} prefix (kept without it), {@code "NaN"}/{@code "+INF"}
 * strings where numbers are expected, files without {@code jmhVersion} or JVM fields,
 * {@code params}, {@code @Group} members, and every mode — sample mode's
 * {@code rawDataHistogram} becomes one mean per iteration. Anything that is not a JMH result is
 * refused with a {@link JmhFormatException} naming the entry and the field.
 */
public final class JmhResults {

    private static final Set<String> MODES = Set.of("thrpt", "avgt", "sample", "ss");

    private JmhResults() {
    }

    public static List<BenchmarkResult> parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JmhFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes);
    }

    public static List<BenchmarkResult> parse(byte[] json) {
        JsonNode root = tree(json);
        if (root == null || root.isMissingNode()) {
            throw new JmhFormatException("not JMH JSON: the input is empty");
        }
        if (!root.isArray()) {
            throw new JmhFormatException("not JMH JSON: the top level must be an array of benchmark results, found "
                    + describe(root));
        }
        List<BenchmarkResult> results = new ArrayList<>(root.size());
        int i = 0;
        for (JsonNode entry : root) {
            i++;
            results.add(result(entry, i));
        }
        return results;
    }

    /**
     * The whole input as one JSON value. Anything after it but whitespace is refused, so what is
     * stored verbatim is always valid JSON. Jackson's parser limits (nesting depth, number and
     * string length: {@link StreamConstraintsException}) carry no location, so their reason is
     * given without one.
     */
    static JsonNode tree(byte[] json) {
        try (JsonParser p = Json.MAPPER.createParser(json)) {
            JsonNode root = Json.MAPPER.readTree(p);
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (StreamConstraintsException e) {
                throw e;
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE; // not even a token: still data after the value
            }
            if (after != null) {
                throw new JmhFormatException("not JSON: data after the end of the JSON value" + where(p.currentTokenLocation()));
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new JmhFormatException("not JSON within the parser limits: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new JmhFormatException("not JSON: " + e.getOriginalMessage() + where(e.getLocation()), e);
        } catch (IOException e) {
            throw new JmhFormatException("cannot read JSON: " + e.getMessage(), e);
        }
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static BenchmarkResult result(JsonNode e, int index) {
        String where = "result #" + index;
        if (!e.isObject()) {
            throw new JmhFormatException("not JMH JSON: " + where + " must be an object, found " + describe(e));
        }
        String benchmark = requiredText(e, "benchmark", where);
        where = where + " (" + benchmark + ")";
        String mode = requiredText(e, "mode", where);
        if (!MODES.contains(mode)) {
            throw new JmhFormatException(where + ": unknown mode '" + mode + "', expected one of thrpt, avgt, sample, ss");
        }
        JsonNode primaryNode = e.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw new JmhFormatException(where + ": no primaryMetric object");
        }
        Metric primary = metric(primaryNode, where + " primaryMetric", true);

        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = e.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new JmhFormatException(where + ": params must be an object, found " + describe(p));
            }
            for (Map.Entry<String, JsonNode> f : p.properties()) {
                params.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
            }
        }

        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode s = e.get("secondaryMetrics");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                throw new JmhFormatException(where + ": secondaryMetrics must be an object, found " + describe(s));
            }
            for (Map.Entry<String, JsonNode> f : s.properties()) {
                String name = stripDot(f.getKey());
                if (!f.getValue().isObject()) {
                    throw new JmhFormatException(where + ": secondary metric '" + name + "' must be an object");
                }
                secondary.put(name, metric(f.getValue(), where + " secondary metric '" + name + "'", false));
            }
        }

        int forks = intOr(e, "forks", primary.forkCount());
        return new BenchmarkResult(benchmark, mode, intOr(e, "threads", 1), forks,
                textOr(e, "jvm"), textOr(e, "jdkVersion"), textOr(e, "vmName"), textOr(e, "vmVersion"),
                textOr(e, "jmhVersion"), intOr(e, "warmupIterations", 0), textOr(e, "warmupTime"),
                intOr(e, "measurementIterations", 0), textOr(e, "measurementTime"), params, primary, secondary);
    }

    private static Metric metric(JsonNode m, String where, boolean requireScore) {
        JsonNode scoreNode = m.get("score");
        if (requireScore && (scoreNode == null || scoreNode.isNull())) {
            throw new JmhFormatException(where + " has no score");
        }
        double score = number(scoreNode, where + ".score");
        double error = number(m.get("scoreError"), where + ".scoreError");
        double[] confidence = null;
        JsonNode c = m.get("scoreConfidence");
        if (c != null && c.isArray() && c.size() == 2) {
            confidence = new double[] {number(c.get(0), where + ".scoreConfidence"), number(c.get(1), where + ".scoreConfidence")};
        }
        String unit = m.hasNonNull("scoreUnit") ? m.get("scoreUnit").asText() : "";
        if (requireScore && unit.isEmpty()) {
            throw new JmhFormatException(where + " has no scoreUnit");
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        JsonNode pc = m.get("scorePercentiles");
        if (pc != null && pc.isObject()) {
            for (Map.Entry<String, JsonNode> f : pc.properties()) {
                percentiles.put(f.getKey(), number(f.getValue(), where + ".scorePercentiles"));
            }
        }
        List<double[]> raw = rawData(m, where);
        return new Metric(score, error, confidence, unit, percentiles, raw);
    }

    private static List<double[]> rawData(JsonNode m, String where) {
        List<double[]> forks = new ArrayList<>();
        JsonNode raw = m.get("rawData");
        if (raw != null && raw.isArray()) {
            for (JsonNode fork : raw) {
                if (!fork.isArray()) {
                    throw new JmhFormatException(where + ".rawData must be an array of arrays (one per fork)");
                }
                double[] values = new double[fork.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = number(fork.get(i), where + ".rawData");
                }
                forks.add(values);
            }
            return forks;
        }
        // Sample mode: per fork, per iteration, a histogram of [value, count] pairs.
        JsonNode hist = m.get("rawDataHistogram");
        if (hist != null && hist.isArray()) {
            for (JsonNode fork : hist) {
                if (!fork.isArray()) {
                    throw new JmhFormatException(where + ".rawDataHistogram must be an array per fork");
                }
                double[] means = new double[fork.size()];
                int it = 0;
                for (JsonNode iteration : fork) {
                    double sum = 0;
                    double count = 0;
                    for (JsonNode pair : iteration) {
                        if (!pair.isArray() || pair.size() != 2) {
                            throw new JmhFormatException(where + ".rawDataHistogram entries must be [value, count] pairs");
                        }
                        double v = number(pair.get(0), where + ".rawDataHistogram");
                        double n = number(pair.get(1), where + ".rawDataHistogram");
                        sum += v * n;
                        count += n;
                    }
                    means[it++] = count == 0 ? Double.NaN : sum / count;
                }
                forks.add(means);
            }
        }
        return forks;
    }

    /** A JSON number, or JMH's spellings of the non-finite ones; null/absent is NaN. */
    static double number(JsonNode n, String where) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            String t = n.asText().trim();
            switch (t) {
                case "NaN":
                    return Double.NaN;
                case "+INF": case "INF": case "Infinity": case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-INF": case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        throw new JmhFormatException(where + ": expected a number, found \"" + RunId.printable(t) + "\"");
                    }
            }
        }
        throw new JmhFormatException(where + ": expected a number, found " + describe(n));
    }

    private static String requiredText(JsonNode e, String field, String where) {
        JsonNode n = e.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new JmhFormatException("not JMH JSON: " + where + " has no \"" + field + "\" string");
        }
        return n.asText();
    }

    private static String textOr(JsonNode e, String field) {
        JsonNode n = e.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static int intOr(JsonNode e, String field, int fallback) {
        JsonNode n = e.get(field);
        return n != null && n.canConvertToInt() ? n.asInt() : fallback;
    }

    private static String stripDot(String name) {
        return name.startsWith("\u00b7") ? name.substring(1) : name;
    }

    static String describe(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
