package lab.web.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import lab.core.bench.Profile;
import lab.core.record.JvmConfig;
import lab.core.record.RunDesign;
import lab.core.record.RunManifest;

/**
 * How a JMH run was scheduled, as the run page states it (issue 10): rounds, the shuffle seed,
 * the timing forks per benchmark, the profiled fork, the control benchmark and the JVM
 * configurations — and, from that, which figure of the tables comes from which fork. A run
 * without a design (an import, a run of schema 1) says so: its figures all come from one kind of
 * fork, whatever it was.
 *
 * @param designed  whether the run recorded its design
 * @param entries   the design as name/value pairs
 * @param sources   which figure comes from which fork, one sentence each
 * @param jvms      the JVM configurations (name: java and flags), when the run has several
 * @param comparisons the comparisons that apply to this run: text and link
 */
public record RunDesignView(boolean designed, List<RunPage.Entry> entries, List<String> sources, List<RunPage.Entry> jvms,
                            List<RunPage.Entry> comparisons) {

    static RunDesignView of(RunManifest m) {
        RunDesign d = m.design();
        List<RunPage.Entry> comparisons = new ArrayList<>();
        comparisons.add(new RunPage.Entry("with another run (its control's drift named)",
                lab.web.Links.query("/compare", "head", m.id())));
        if (d == null) {
            return new RunDesignView(false, List.of(), List.of("This run recorded no design (an import, an upload or a run"
                    + " of an older lab): its scores, B/op and counts all come from the forks JMH ran, as JMH reported them;"
                    + " the ratio column uses JMH's errors."), List.of(), List.copyOf(comparisons));
        }
        List<RunPage.Entry> e = new ArrayList<>();
        e.add(new RunPage.Entry("Rounds", d.rounds() + (d.rounds() == 1 ? " round" : " rounds")
                + ": each runs one timing fork of every benchmark, in a fresh random order (RMIT), so drift hits every store alike"
                + (d.blocks() == null ? "" : "; what a comparison sets side by side runs together, in blocks of " + d.blocks()
                + " (the blocks in a random order, the benchmarks of each too), so paired forks ran seconds apart, not minutes")));
        e.add(new RunPage.Entry("Seed", Long.toString(d.seed()) + " (round r shuffles with seed + r)"));
        e.add(new RunPage.Entry("Timing forks", d.timingForks() + " per benchmark (-prof gc only: no agent, no async-profiler)"));
        e.add(new RunPage.Entry("Profiled fork", d.profiledFork() ? "one after the rounds (the lab agent, async-profiler and gc)"
                + " for " + profiledBenchmarksOfEachProfile() + "; the rows say which fork each figure comes from" : "none"));
        if (d.control() != null) {
            e.add(new RunPage.Entry("Control", d.control() + " at 1 thread, in every round: /compare of two runs shows how far it"
                    + " moved (the machine's drift)"));
        }
        List<String> sources = new ArrayList<>();
        sources.add("Scores, their intervals, B/op and the ratio column come from the " + d.timingForks() + " timing forks ("
                + d.rounds() + " rounds); no tool but JMH's gc profiler ran in them.");
        if (d.profiledFork()) {
            sources.add("Allocations, locks, contended locks and parks per operation, context switches and the flame graphs come"
                    + " from the one profiled fork of each benchmark that has one (a row without counts had none: smoke profiles only"
                    + " its reads and reference rows; the agent's and the profiler's own cost is in that fork, never"
                    + " in a score). Its B/op includes the tools' allocation and is not shown as the store's.");
        }
        List<RunPage.Entry> jvms = new ArrayList<>();
        if (d.jvms().size() > 1) {
            for (JvmConfig j : d.jvms()) {
                jvms.add(new RunPage.Entry(j.name(), j.java() + (j.args().isEmpty() ? "" : " " + String.join(" ", j.args()))
                        + (j.version() == null ? "" : " (" + j.version() + ")")));
            }
            String first = d.jvms().get(0).name();
            for (JvmConfig j : d.jvms().subList(1, d.jvms().size())) {
                comparisons.add(new RunPage.Entry(first + " → " + j.name() + " (paired by round)",
                        lab.web.Links.query("/compare", "base", m.id(), "jvms", first + "," + j.name())));
            }
        } else if (d.jvms().size() == 1) {
            JvmConfig j = d.jvms().get(0);
            e.add(new RunPage.Entry("JVM configuration", j.name() + (j.args().isEmpty() ? "" : " " + String.join(" ", j.args()))));
        }
        return new RunDesignView(true, List.copyOf(e), List.copyOf(sources), List.copyOf(jvms), List.copyOf(comparisons));
    }

    /** "smoke: each read and reference row; quick: …; full: each benchmark", from the profiles themselves. */
    private static String profiledBenchmarksOfEachProfile() {
        return Arrays.stream(Profile.values()).map(p -> p.label() + ": " + p.profiledBenchmarks())
                .collect(Collectors.joining("; "));
    }
}
