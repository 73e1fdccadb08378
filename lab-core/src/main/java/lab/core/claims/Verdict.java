package lab.core.claims;

/** What a measurement says of a claim of the decision log. */
public enum Verdict {
    /** Significant in the log's direction and our whole interval inside the log's band ({@link Rules}). */
    HOLDS("holds"),
    /** Significant in the log's direction, but our whole interval outside the log's band: the size is contradicted. */
    DIRECTION_ONLY("holds in direction, not in size"),
    /** Our whole interval outside the log's band, and not even the direction holds. */
    CONTRADICTED("contradicted"),
    /** The run cannot decide: the interval crosses a band edge, or lies inside it without significance. */
    INCONCLUSIVE("inconclusive"),
    /** This machine or this run cannot measure it; the reason says why. */
    NOT_TESTABLE("not testable here"),
    /** Measured and shown, but not the log's quantity: no verdict (the reason says why). */
    INFORMATION("information only");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The verdict on the claim as the log states it, in the design's terms (holds, contradicted,
     * inconclusive, not testable; information): "holds in direction, not in size" contradicts the
     * log's figure, so it is a contradicted claim whose direction held. Two runs agree on a claim
     * when their judgements are equal ({@link ClaimAgreement}); the direction is the finer label.
     */
    public Verdict judgement() {
        return this == DIRECTION_ONLY ? CONTRADICTED : this;
    }

    /** A CSS-friendly name: holds, direction-only, contradicted, inconclusive, not-testable, information. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
