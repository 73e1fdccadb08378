package lab.core.compare;

/**
 * What the samples of a row are. Iterations inside one fork share a JIT compilation, a heap
 * layout and a CPU placement, so they are correlated and understate the spread between forks;
 * per-fork means are the independent samples, used when both sides have enough forks.
 */
public enum SampleKind {
    FORK_MEANS("per-fork means"),
    ITERATIONS("iterations");

    /** Forks needed on each side before per-fork means are used. */
    public static final int MIN_FORKS = 3;

    private final String label;

    SampleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
