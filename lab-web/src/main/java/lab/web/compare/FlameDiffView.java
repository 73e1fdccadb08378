package lab.web.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.compare.FlameDiff;

/**
 * The differential flame graph as the page draws it ({@code templates/compare-flame.html}): each
 * frame's rectangle, colour and tooltip, computed from lab-core's {@link FlameDiff} tree. The shape
 * is the head profile (a frame's width is its share of head's samples, root at the bottom).
 *
 * <p>The colour follows the flame-graph convention: the change of the frame's <em>self</em> share
 * (samples in the frame itself, not in its callees) — red where it grew, blue where it shrank,
 * grey where it held. Colouring by the inclusive share would tint every caller of a changed frame,
 * so the change would appear all the way down the stack. The scale runs from no change to the
 * largest self change among the frames that are drawn (frames narrower than {@link #MIN_PX} are
 * not), so a change the reader cannot see does not wash out the ones they can. A change of at
 * most one sample of the smaller profile ({@link FlameDiff#resolution()}) is below what the
 * profiles resolve, and is drawn as none.
 */
public final class FlameDiffView {

    static final int WIDTH = 1200;
    static final int ROW = 17;
    static final double MIN_PX = 0.4;
    static final String NEUTRAL = "rgb(238,238,238)";

    /** One drawn frame. {@code label} is null when the frame is too narrow for text. */
    public record Frame(String x, String y, String width, int height, String fill, boolean isNew, String title, String label,
                        String textX, String textY) {
    }

    /** What the template draws. */
    public record View(int width, int height, String viewBox, List<Frame> frames) {
    }

    private FlameDiffView() {
    }

    public static View of(FlameDiff diff) {
        FlameDiff.Node root = diff.root();
        List<Placed> placed = new ArrayList<>();
        if (root.head() > 0) {
            place(root, 0, WIDTH / root.head(), 0, placed);
        }
        int depth = placed.stream().mapToInt(Placed::level).max().orElse(0);
        int height = (depth + 1) * ROW + 4;
        double resolution = diff.resolution();
        double max = 0;
        for (Placed p : placed) {
            max = Math.max(max, Math.abs(change(p.node(), resolution)));
        }
        List<Frame> frames = new ArrayList<>(placed.size());
        for (Placed p : placed) {
            frames.add(frame(p, height, max, resolution));
        }
        return new View(WIDTH, height, "0 0 " + WIDTH + " " + height, frames);
    }

    private record Placed(FlameDiff.Node node, double x, double w, int level) {
    }

    /** Lays out the head tree; a frame narrower than MIN_PX is not drawn, and neither are its callees. */
    private static void place(FlameDiff.Node n, double x, double pxPerShare, int level, List<Placed> out) {
        double w = n.head() * pxPerShare;
        if (w < MIN_PX) {
            return;
        }
        out.add(new Placed(n, x, w, level));
        double cx = x;
        for (FlameDiff.Node c : n.children()) {
            if (c.head() > 0) {
                place(c, cx, pxPerShare, level + 1, out);
                cx += c.head() * pxPerShare;
            }
        }
    }

    /** The change of self share, zero when it is within one sample of the smaller profile. */
    static double change(FlameDiff.Node n, double resolution) {
        double d = n.selfDelta();
        return Math.abs(d) <= resolution * (1 + 1e-9) ? 0 : d;
    }

    private static Frame frame(Placed p, int height, double max, double resolution) {
        FlameDiff.Node n = p.node();
        double y = height - (p.level() + 1) * ROW - 2;
        String title = n.name() + "\n"
                + String.format(Locale.ROOT, "self: head %.2f%% · base %.2f%% · change %+.2f pp%n", n.headSelf() * 100,
                n.baseSelf() * 100, n.selfDelta() * 100)
                + String.format(Locale.ROOT, "total: head %.2f%% · base %.2f%%", n.head() * 100, n.base() * 100)
                + (n.isNew() ? " · new in head" : "");
        int chars = (int) ((p.w() - 6) / 6.6);
        String label = null;
        if (chars >= 3) {
            label = (n.isNew() ? "+ " : "") + n.name();
            if (label.length() > chars) {
                label = label.substring(0, Math.max(1, chars - 1)) + "…";
            }
        }
        return new Frame(num(p.x()), num(y), num(Math.max(p.w() - 0.5, 0.1)), ROW - 1, colour(change(n, resolution), max), n.isNew(),
                title, label, num(p.x() + 3), num(y + ROW - 5));
    }

    /** Grey at no change, towards red (grew) or blue (shrank) in proportion to the largest drawn change. */
    static String colour(double change, double max) {
        double t = max <= 0 ? 0 : Math.max(-1, Math.min(1, change / max));
        if (t == 0) {
            return NEUTRAL;
        }
        // a floor of intensity so that any visible change is visibly tinted
        double k = 0.15 + 0.85 * Math.abs(t);
        int other = (int) Math.round(255 - 200 * k);
        return t > 0 ? "rgb(255," + other + "," + other + ")" : "rgb(" + other + "," + other + ",255)";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
