package lab.core.compare;

/**
 * What the samples of a row are. Iterations inside one fork share a JIT compilation, a heap
 * layout and a CPU placement, so they are correlated and understate the spread between forks:
 * per-fork means are the independent samples, and they are used whenever both sides have at
 * least {@value #MIN_FORKS} forks — even when so few forks cannot reach significance (the table
 * then says so) rather than pretending iterations are independent. Iterations are used only when
 * a side has a single fork (imports, the smoke profile, the profiled fork's counts), and the notes
 * say that their p-values and intervals are then optimistic.
 */
public enum SampleKind {
    FORK_MEANS("per-fork means"),
    ITERATIONS("iterations");

    /** Forks needed on each side before per-fork means are used. */
    public static final int MIN_FORKS = 2;

    private final String label;

    SampleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
