package lab.core.bench.run;

/**
 * What a fork costs beyond its iterations, for the run's ETA before its first forks have run
 * (after that the ETA uses the forks' measured durations).
 *
 * @param startSeconds              JVM start, JMH's setup in the fork and the key drawing
 * @param preloadSecondsPerMillion  preloading a store, per million tasks
 * @param profiledSeconds           what a profiled fork adds: the agent's install and
 *                                  self-test, async-profiler, and converting its recording
 */
record ForkCost(double startSeconds, double preloadSecondsPerMillion, double profiledSeconds) {

    /**
     * A quick run's average timing and profiled fork on the lab machine: the README's "Where a
     * fork's time goes" states them with the date, the run and the breakdown.
     */
    static final ForkCost MEASURED = new ForkCost(0.88, 0.36, 1.8);

    double seconds(Trial trial, boolean profiled, RunPlan.Iterations iterations, int datasetSize) {
        double preload = trial.params().containsKey("datasetSize") ? datasetSize / 1e6 * preloadSecondsPerMillion : 0;
        return startSeconds + preload + iterations.millis(trial) / 1000.0 + (profiled ? profiledSeconds : 0);
    }
}
