package lab.core.compare;

/**
 * How far the machine moved between two runs, measured on the control benchmark both ran in
 * every round (the read floor at one thread: a plain array read over the same keys, which no
 * change to a store can touch). A row of the primary metric whose change is not clearly larger
 * than this is shown as {@code ~ (machine drift ±X%)}: the machine, not the code, may explain it.
 *
 * <p>The band: X = the larger distance of the control's ratio interval (head/base, Moses) from 1,
 * taken symmetrically in log space, [1/(1+X), 1+X]. A row is a change only when its whole ratio
 * interval lies outside that band, and its test is significant; otherwise a significant row is
 * marked as drift. Secondary metrics (B/op, counts) are per-operation amounts that a slower or
 * faster machine does not scale, so the rule applies to the primary metric only.
 *
 * @param control  the control benchmark's key
 * @param unit     the control's unit
 * @param base     the control's median in the base run, with its interval
 * @param head     the same in the head run
 * @param ratio    head/base of the medians, with Moses' interval
 * @param test     Mann-Whitney U of the two runs' control samples
 * @param band     X as a fraction (0.12 = ±12%); +∞ when the control has no interval
 */
public record Drift(String control, String unit, Stats.Interval base, Stats.Interval head, Stats.Interval ratio,
                   Significance test, double band) {

    /** The band's upper edge 1+X (the lower is its inverse). */
    public double upper() {
        return 1 + band;
    }

    /** Whether a ratio interval lies wholly outside the drift band. */
    public boolean beyond(double lo, double hi) {
        return lo > upper() || hi < 1 / upper();
    }

    /** "±12%". */
    public String bandText() {
        return Double.isFinite(band) ? String.format(java.util.Locale.ROOT, "±%.0f%%", band * 100) : "±∞";
    }

    static double bandOf(Stats.Interval ratio) {
        if (!(ratio.lo() > 0) || !Double.isFinite(ratio.hi())) {
            return Double.POSITIVE_INFINITY;
        }
        double x = Math.max(Math.abs(Math.log(ratio.lo())), Math.abs(Math.log(ratio.hi())));
        return Math.exp(x) - 1;
    }
}
