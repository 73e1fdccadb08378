package lab.core.compare;

/**
 * Which analysis a row of a comparison got, in words a table can print.
 *
 * <ul>
 * <li>{@link Kind#PAIRED}: both sides are benchmarks of one run with the round of each fork
 * recorded; forks of the same round ran back to back, so the samples are the per-round ratios
 * head/base, their median, Tukey's Walsh-average interval and the Wilcoxon signed-rank test
 * ({@link SignedRank}). Drift between rounds cancels out.</li>
 * <li>{@link Kind#UNPAIRED}: two runs, or forks without rounds (imports, old runs), or values
 * for which a ratio is undefined (zeros): the ratio of medians, Moses' interval and the
 * Mann-Whitney U test ({@link MannWhitney}). {@code reason} says why it was not paired.</li>
 * </ul>
 *
 * @param rounds the rounds paired (PAIRED), 0 otherwise
 * @param reason why the row was not paired (UNPAIRED inside one run), or null
 */
public record Analysis(Kind kind, int rounds, String reason) {

    public enum Kind { PAIRED, UNPAIRED }

    public static Analysis paired(int rounds) {
        return new Analysis(Kind.PAIRED, rounds, null);
    }

    public static Analysis unpaired(String reason) {
        return new Analysis(Kind.UNPAIRED, 0, reason);
    }

    public boolean isPaired() {
        return kind == Kind.PAIRED;
    }

    /** "paired by round, 6 rounds" or "unpaired (two runs)". */
    public String text() {
        return isPaired() ? "paired by round, " + rounds + " round" + (rounds == 1 ? "" : "s")
                : "unpaired" + (reason == null ? "" : " (" + reason + ")");
    }
}
