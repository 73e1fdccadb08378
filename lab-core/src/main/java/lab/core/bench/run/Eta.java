package lab.core.bench.run;

import java.util.Locale;

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

    /**
     * Where the forks' wall time went, given how long the fork loop ran: "264 timing forks 7:51
     * (1.79 s each), 12 profiled forks 0:45 (3.74 s each), 0:19 between forks (71 ms each)". What
     * is between forks is the runner's own (publishing, the console, starting JMH's runner).
     */
    synchronized String spent(long loopNanos) {
        int forks = timingDone + profiledDone;
        double between = loopNanos / 1e9 - timingSeconds - profiledSeconds;
        return String.format(Locale.ROOT, "%d timing forks %s (%.2f s each), %d profiled forks %s (%.2f s each), %s between forks (%.0f ms each)",
                timingDone, clock(timingSeconds), timingDone == 0 ? 0 : timingSeconds / timingDone,
                profiledDone, clock(profiledSeconds), profiledDone == 0 ? 0 : profiledSeconds / profiledDone,
                clock(Math.max(0, between)), forks == 0 ? 0 : Math.max(0, between) * 1000 / forks);
    }

    private static String clock(double seconds) {
        return RunConsole.clock(Math.round(seconds * 1e9));
    }

    synchronized long remainingSeconds() {
        double timing = timingDone == 0 ? modelTiming : timingSeconds / timingDone;
        double profiled = profiledDone == 0 ? modelProfiled : profiledSeconds / profiledDone;
        return Math.round(timingLeft * timing + profiledLeft * profiled);
    }
}
