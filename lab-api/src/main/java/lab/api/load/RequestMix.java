package lab.api.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The request mix of a load run, {@code --mix read:80,write:15,create:5}: the share of each kind
 * of request. {@code read} is {@code GET /tasks/{id}}, {@code write} is {@code PUT /tasks/{id}}
 * (an existing task's new content), {@code create} is {@code POST /tasks}. Shares are weights:
 * they need not add up to 100.
 */
public record RequestMix(Map<String, Integer> shares) {

    /** The kinds, in the order they are listed and drawn. */
    public static final List<String> KINDS = List.of("read", "write", "create");

    /** The default: mostly reads, as a Task API serves them. */
    public static final String DEFAULT = "read:80,write:15,create:5";

    public RequestMix {
        shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    /**
     * Parses {@code kind:weight,...}. Unknown kinds, weights that are not whole numbers ≥ 0, a kind
     * given twice or a mix of only zeros are refused with the reason.
     */
    public static RequestMix parse(String text) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a mix entry is kind:weight (e.g. read:80), was '" + p + "'");
            }
            String kind = p.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown request kind '" + kind + "' in the mix: expected one of " + KINDS);
            }
            int weight;
            try {
                weight = Integer.parseInt(p.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of '" + kind + "' must be a whole number, was '"
                        + p.substring(colon + 1).trim() + "'");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("the weight of '" + kind + "' must not be negative, was " + weight);
            }
            if (shares.put(kind, weight) != null) {
                throw new IllegalArgumentException("'" + kind + "' is given twice in the mix");
            }
        }
        if (shares.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("the mix has no requests: give at least one kind a weight above 0 (e.g. "
                    + DEFAULT + ")");
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String k : KINDS) {
            if (shares.containsKey(k)) {
                ordered.put(k, shares.get(k));
            }
        }
        return new RequestMix(ordered);
    }

    /**
     * {@code count} request kinds for one wrk thread, drawn with the given seed: each an index
     * into {@link #KINDS}. Drawn in advance, in random order (a fixed pattern would be learnt by
     * the server's branch predictors, as {@code lab.core.bench.Mix} says of the JMH workloads).
     */
    public int[] draw(int count, long seed) {
        int total = shares.values().stream().mapToInt(Integer::intValue).sum();
        int[] kinds = new int[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int x = random.nextInt(total);
            int k = 0;
            for (String kind : KINDS) {
                x -= shares.getOrDefault(kind, 0);
                if (x < 0) {
                    break;
                }
                k++;
            }
            kinds[i] = k;
        }
        return kinds;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        shares.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append(':').append(v));
        return sb.toString();
    }
}
