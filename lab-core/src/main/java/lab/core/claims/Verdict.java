package lab.core.claims;

/** What a measurement says of a claim of the decision log. */
public enum Verdict {
    /** Significant, in the log's direction, and our interval reaches the log's figure. */
    HOLDS("holds"),
    /** Significant and in the log's direction, but our interval misses the log's figure. */
    DIRECTION_ONLY("holds in direction, not in size"),
    /** Significant the other way, or our interval excludes the log's figure and shows no effect. */
    CONTRADICTED("contradicted"),
    /** The run cannot decide: no significant difference and the log's figure is not excluded. */
    INCONCLUSIVE("inconclusive"),
    /** This machine or this run cannot measure it; the reason says why. */
    NOT_TESTABLE("not testable here");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A CSS-friendly name: holds, direction-only, contradicted, inconclusive, not-testable. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
