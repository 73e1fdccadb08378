package lab.core.compare;

/** How head differs from base on one row, with the direction taken from the unit. */
public enum Change {
    /** Significant, in the good direction for the unit (lower time/op, higher ops/time). */
    BETTER,
    /** Significant, in the bad direction. */
    WORSE,
    /** Not significant at α: benchstat's "~". */
    SAME,
    /** Significant, but not beyond the control benchmark's drift between the two runs: "~ (machine drift ±X%)". */
    DRIFT,
    /** No samples on a side, or samples that are not numbers: nothing to test (the row's note says why). */
    UNKNOWN
}
