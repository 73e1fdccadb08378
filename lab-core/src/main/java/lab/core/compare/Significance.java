package lab.core.compare;

/**
 * The significance test of one row, whichever it was.
 *
 * @param name     "Mann-Whitney U" (two independent samples) or "Wilcoxon signed-rank" (pairs)
 * @param p        two-sided p-value; NaN when there was nothing to test
 * @param exact    whether p is exact or the normal approximation
 * @param n1       samples of the base (pairs, for the paired test)
 * @param n2       samples of the head (pairs, for the paired test)
 * @param minimumP the smallest p these sizes allow: when above α, no difference can be called
 * @param ties     whether the samples had ties
 */
public record Significance(String name, double p, boolean exact, int n1, int n2, double minimumP, boolean ties) {

    public static final String MANN_WHITNEY = "Mann-Whitney U";
    public static final String SIGNED_RANK = "Wilcoxon signed-rank";

    public static Significance of(MannWhitney.Result r) {
        return new Significance(MANN_WHITNEY, r.p(), r.exact(), r.n1(), r.n2(), MannWhitney.minimumP(r.n1(), r.n2()), r.ties());
    }

    public static Significance of(SignedRank.Result r, int pairs) {
        return new Significance(SIGNED_RANK, r.p(), r.exact(), pairs, pairs, SignedRank.minimumP(r.n()), r.ties());
    }

    public static Significance none() {
        return new Significance("none", Double.NaN, false, 0, 0, 1, false);
    }

    public boolean paired() {
        return SIGNED_RANK.equals(name);
    }

    /** "n=5+5" or "n=6 rounds". */
    public String sizes() {
        return paired() ? "n=" + n1 + " rounds" : "n=" + n1 + "+" + n2;
    }
}
