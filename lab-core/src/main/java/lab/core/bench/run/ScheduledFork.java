package lab.core.bench.run;

/**
 * One fork of a run's schedule.
 *
 * @param trial index of the trial in {@link RunPlan#trials()}
 * @param round the timing round (0-based), or {@link #PROFILED} for the trial's profiled fork
 */
public record ScheduledFork(int trial, int round) {

    public static final int PROFILED = -1;

    public boolean profiled() {
        return round == PROFILED;
    }
}
