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
import java.util.Locale;
import java.util.Map;

/**
 * A differential flame graph from two collapsed-stack profiles (async-profiler's
 * {@code collapsed-<event>.csv}: one line per distinct stack, {@code frame;frame;frame count}).
 *
 * <p>What it shows, following Brendan Gregg's differential flame graphs: the shape is the
 * <em>head</em> profile (width = the frame's share of head's samples); the colour is the change of
 * that share from base to head — red where the frame grew, blue where it shrank, white where it
 * held; frames that base never sampled are outlined and marked "new". Shares, not sample counts,
 * are compared: two profiles of different lengths or rates would otherwise differ everywhere.
 * Frames that vanished from head have no width in head's shape; they are listed by
 * {@link #vanished} instead, and {@link #changes} ranks every function by its change.
 *
 * <p>The SVG is drawn on the server (no script, so it works under the site's CSP and offline); each
 * frame's tooltip gives both shares.
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

    // ------------------------------------------------------------------ SVG

    static final int WIDTH = 1200;
    static final int ROW = 17;
    static final double MIN_PX = 0.4;

    /** The flame graph as an SVG element (root at the bottom), for embedding in a page. */
    public String svg() {
        int depth = depth(root, 0);
        int height = (depth + 1) * ROW + 4;
        double maxDelta = maxAbsDelta(root);
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flamediff\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" font-family=\"ui-monospace, Menlo, monospace\" font-size=\"11\">");
        if (root.head > 0) {
            draw(sb, root, 0, WIDTH / root.head, 0, height, maxDelta);
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private void draw(StringBuilder sb, Node n, double x, double pxPerShare, int level, int height, double maxDelta) {
        double w = n.head * pxPerShare;
        if (w < MIN_PX) {
            return;
        }
        double y = height - (level + 1) * ROW - 2;
        String fill = colour(n, maxDelta, resolution());
        sb.append("<g><title>").append(escape(n.name)).append('\n')
                .append(String.format(Locale.ROOT, "head %.2f%% · base %.2f%% · change %+.2f pp", n.head * 100, n.base * 100, n.delta() * 100))
                .append(n.isNew() ? " · new in head" : "").append("</title>");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"1\" fill=\"%s\"%s/>",
                x, y, Math.max(w - 0.5, 0.1), ROW - 1, fill,
                n.isNew() ? " stroke=\"#6b0000\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"" : ""));
        int chars = (int) ((w - 6) / 6.6);
        if (chars >= 3) {
            String label = (n.isNew() ? "+ " : "") + n.name;
            if (label.length() > chars) {
                label = label.substring(0, Math.max(1, chars - 1)) + "…";
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">", x + 3, y + ROW - 5)).append(escape(label)).append("</text>");
        }
        sb.append("</g>");
        double cx = x;
        for (Node c : n.children.values()) {
            if (c.head > 0) {
                draw(sb, c, cx, pxPerShare, level + 1, height, maxDelta);
                cx += c.head * pxPerShare;
            }
        }
    }

    /**
     * Grey at no change, towards red (grew) or blue (shrank) in proportion to the largest change.
     * A change of at most one sample of either profile ({@code resolution}) is no change: it is
     * below what the profiles can resolve.
     */
    static String colour(Node n, double maxDelta, double resolution) {
        double d = Math.abs(n.delta()) <= resolution * (1 + 1e-9) ? 0 : n.delta();
        double t = maxDelta <= 0 ? 0 : Math.max(-1, Math.min(1, d / maxDelta));
        // a floor of intensity so that any visible change is visibly tinted
        double k = t == 0 ? 0 : 0.15 + 0.85 * Math.abs(t);
        int other = (int) Math.round(255 - 200 * k);
        if (t > 0) {
            return String.format(Locale.ROOT, "rgb(255,%d,%d)", other, other);
        }
        if (t < 0) {
            return String.format(Locale.ROOT, "rgb(%d,%d,255)", other, other);
        }
        return "rgb(238,238,238)";
    }

    /** The share of one sample in the smaller profile. */
    double resolution() {
        long min = Math.min(baseTotal == 0 ? headTotal : baseTotal, headTotal == 0 ? baseTotal : headTotal);
        return min == 0 ? 0 : 1.0 / min;
    }

    private static int depth(Node n, int d) {
        int max = d;
        for (Node c : n.children.values()) {
            if (c.head > 0) {
                max = Math.max(max, depth(c, d + 1));
            }
        }
        return max;
    }

    private static double maxAbsDelta(Node n) {
        double m = Math.abs(n.delta());
        for (Node c : n.children.values()) {
            m = Math.max(m, maxAbsDelta(c));
        }
        return m;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
