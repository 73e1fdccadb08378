package lab.core.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A differential flame graph from two collapsed-stack profiles (async-profiler's
 * {@code collapsed-<event>.csv}: one line per distinct stack, {@code frame;frame;frame count}).
 *
 * <p>What it holds, following Brendan Gregg's differential flame graphs: the merged call tree of
 * both profiles, each frame with its share of base's and of head's samples, inclusive
 * ({@link Node#base()}, {@link Node#head()}) and self ({@link Node#baseSelf()},
 * {@link Node#headSelf()}). Shares, not sample counts, are compared: two profiles of different
 * lengths or rates would otherwise differ everywhere. Frames that vanished from head have no width
 * in head's shape; {@link #vanished} lists them, and {@link #changes} ranks every function by the
 * change of its self share. It is data only: the site draws it ({@code lab.web.compare}), shaped
 * by head and coloured by the change of each frame's self share.
 */
public final class FlameDiff {

    /** One frame in the merged call tree. Shares are inclusive fractions of each profile's total. */
    public static final class Node {
        final String name;
        double base;
        double head;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public double base() {
            return base;
        }

        public double head() {
            return head;
        }

        public List<Node> children() {
            return List.copyOf(children.values());
        }

        public Node child(String n) {
            return children.get(n);
        }

        /** head share − base share, in fractions of the whole profile. */
        public double delta() {
            return head - base;
        }

        /** Base's share in this frame itself, not in its callees. */
        public double baseSelf() {
            double callees = 0;
            for (Node c : children.values()) {
                callees += c.base;
            }
            return Math.max(0, base - callees);
        }

        /** Head's share in this frame itself, not in its callees. */
        public double headSelf() {
            double callees = 0;
            for (Node c : children.values()) {
                callees += c.head;
            }
            return Math.max(0, head - callees);
        }

        /** The change of self share: what flame graphs colour, so a caller is not tinted by its callee's change. */
        public double selfDelta() {
            return headSelf() - baseSelf();
        }

        public boolean isNew() {
            return base == 0 && head > 0;
        }
    }

    /** A function's total change, summed over every stack it appears in (self time). */
    public record Change(String frame, double baseSelf, double headSelf) {
        public double delta() {
            return headSelf - baseSelf;
        }
    }

    private final Node root;
    private final long baseTotal;
    private final long headTotal;

    private FlameDiff(Node root, long baseTotal, long headTotal) {
        this.root = root;
        this.baseTotal = baseTotal;
        this.headTotal = headTotal;
    }

    public Node root() {
        return root;
    }

    public long baseSamples() {
        return baseTotal;
    }

    public long headSamples() {
        return headTotal;
    }

    /**
     * async-profiler's frame-type suffixes for Java frames ({@code _[j]} JIT-compiled, {@code _[i]}
     * inlined, {@code _[0]} interpreted, {@code _[1]} C1): the same method is one frame whatever the
     * JIT did with it in each run, so they are dropped before comparing. Kernel frames keep
     * {@code _[k]}.
     */
    static final java.util.regex.Pattern COMPILATION_MARK = java.util.regex.Pattern.compile("_\\[[ji01]\\](?=;|$)");

    /** Reads collapsed stacks; malformed lines (no trailing count) are skipped; Java frame-type suffixes are dropped. */
    public static Map<String, Long> readCollapsed(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCollapsed(r);
        }
    }

    public static Map<String, Long> readCollapsed(Reader reader) throws IOException {
        Map<String, Long> stacks = new LinkedHashMap<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        while ((line = in.readLine()) != null) {
            int sp = line.lastIndexOf(' ');
            if (sp <= 0) {
                continue;
            }
            try {
                long n = Long.parseLong(line.substring(sp + 1).trim());
                if (n > 0) {
                    stacks.merge(COMPILATION_MARK.matcher(line.substring(0, sp)).replaceAll(""), n, Long::sum);
                }
            } catch (NumberFormatException e) {
                // not a collapsed line (a header or a truncated write): skipped, not fatal
            }
        }
        return stacks;
    }

    public static FlameDiff of(Map<String, Long> base, Map<String, Long> head) {
        long bt = base.values().stream().mapToLong(Long::longValue).sum();
        long ht = head.values().stream().mapToLong(Long::longValue).sum();
        Node root = new Node("all");
        add(root, base, bt, true);
        add(root, head, ht, false);
        return new FlameDiff(root, bt, ht);
    }

    private static void add(Node root, Map<String, Long> stacks, long total, boolean isBase) {
        if (total == 0) {
            return;
        }
        for (Map.Entry<String, Long> e : stacks.entrySet()) {
            double share = (double) e.getValue() / total;
            Node n = root;
            bump(n, share, isBase);
            for (String frame : e.getKey().split(";")) {
                n = n.children.computeIfAbsent(frame, Node::new);
                bump(n, share, isBase);
            }
        }
    }

    private static void bump(Node n, double share, boolean isBase) {
        if (isBase) {
            n.base += share;
        } else {
            n.head += share;
        }
    }

    /** Every function by its change of self share, largest absolute change first. */
    public List<Change> changes(int limit) {
        Map<String, double[]> self = new HashMap<>();
        for (Node c : root.children.values()) {
            collectSelf(c, self);
        }
        List<Change> out = new ArrayList<>();
        self.forEach((k, v) -> out.add(new Change(k, v[0], v[1])));
        out.sort(Comparator.comparingDouble((Change c) -> -Math.abs(c.delta())).thenComparing(Change::frame));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static void collectSelf(Node n, Map<String, double[]> self) {
        double cb = 0;
        double ch = 0;
        for (Node c : n.children.values()) {
            cb += c.base;
            ch += c.head;
            collectSelf(c, self);
        }
        double[] v = self.computeIfAbsent(n.name, k -> new double[2]);
        v[0] += Math.max(0, n.base - cb);
        v[1] += Math.max(0, n.head - ch);
    }

    /** Stacks (as frame paths) that base sampled and head never did, largest first. */
    public List<Change> vanished(int limit) {
        List<Change> out = new ArrayList<>();
        collectVanished(root, "", out);
        out.sort(Comparator.comparingDouble((Change c) -> -c.baseSelf()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static void collectVanished(Node n, String path, List<Change> out) {
        for (Node c : n.children.values()) {
            String p = path.isEmpty() ? c.name : path + ";" + c.name;
            if (c.head == 0 && c.base > 0) {
                out.add(new Change(p, c.base, 0)); // the whole subtree went: report its top only
            } else {
                collectVanished(c, p, out);
            }
        }
    }

    /**
     * The share of one sample in the smaller profile: a change of at most this much is below what
     * the two profiles can resolve, and is no change.
     */
    public double resolution() {
        long min = Math.min(baseTotal == 0 ? headTotal : baseTotal, headTotal == 0 ? baseTotal : headTotal);
        return min == 0 ? 0 : 1.0 / min;
    }
}
