package lab.core.bench.run;

/**
 * The time left in a run: the forks still to run, each priced at the mean duration of the forks
 * of its kind (timing or profiled) so far, or by the {@link ForkCost} model until one has run.
 */
final class Eta {

    private final RunPlan plan;
    private final ForkCost model;
    private int timingLeft;
    private int profiledLeft;
    private double timingSeconds;
    private int timingDone;
    private double profiledSeconds;
    private int profiledDone;
    private final double modelTiming;
    private final double modelProfiled;

    Eta(RunPlan plan, ForkCost model) {
        this.plan = plan;
        this.model = model;
        int trials = plan.trials().size();
        timingLeft = trials * plan.rounds();
        profiledLeft = plan.profiledTrials().size();
        double t = 0;
        for (Trial trial : plan.trials()) {
            t += model.seconds(trial, false, plan.iterations(), plan.datasetSize());
        }
        // only the trials that get one: a profile may profile few of them (quick: the cells claims count)
        double p = 0;
        for (int i : plan.profiledTrials()) {
            p += model.seconds(plan.trials().get(i), true, plan.iterations(), plan.datasetSize());
        }
        modelTiming = trials == 0 ? 0 : t / trials;
        modelProfiled = profiledLeft == 0 ? 0 : p / profiledLeft;
    }

    synchronized void done(ScheduledFork fork, double seconds) {
        if (fork.profiled()) {
            profiledLeft--;
            if (seconds > 0) {
                profiledSeconds += seconds;
                profiledDone++;
            }
        } else {
            timingLeft--;
            if (seconds > 0) {
                timingSeconds += seconds;
                timingDone++;
            }
        }
    }

    synchronized long remainingSeconds() {
        double timing = timingDone == 0 ? modelTiming : timingSeconds / timingDone;
        double profiled = profiledDone == 0 ? modelProfiled : profiledSeconds / profiledDone;
        return Math.round(timingLeft * timing + profiledLeft * profiled);
    }
}
