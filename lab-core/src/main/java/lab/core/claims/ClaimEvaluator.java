package lab.core.claims;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lab.core.compare.SampleKind;
import lab.core.record.Environment;

/**
 * Judges each claim of the decision log against one run: one {@link Judge} per claim kind, the
 * rules of {@link Rules}, the statistics of the comparison engine — so a claim's verdict and the
 * {@code /compare} table of the same two stores always agree.
 */
public final class ClaimEvaluator {

    /** Default width of the "holds" band around the log's figure(s): a factor either way. */
    public static final double TOLERANCE = Rules.TOLERANCE;

    /** Where the log's figures come from; its core count is not stated, M4 Pro parts have 12 or 14. */
    static final String LOG_MACHINE = "Apple M4 Pro (12–14 cores), Go";

    private static final Map<Claim.Kind, Judge> JUDGES = new EnumMap<>(Map.of(
            Claim.Kind.SPEEDUP, new SpeedupJudge(),
            Claim.Kind.SPREAD, new SpreadJudge(),
            Claim.Kind.VALUE, new ValueJudge(),
            Claim.Kind.ORDER, new OrderJudge(),
            Claim.Kind.SCALING, new ScalingJudge(),
            Claim.Kind.LAYOUT, new LayoutJudge(),
            Claim.Kind.INFORMATION, new OtherJudges.Information(),
            Claim.Kind.UNTESTABLE, new OtherJudges.Untestable(),
            Claim.Kind.LOAD, new LoadJudge()));

    private ClaimEvaluator() {
    }

    public static ClaimReport evaluate(ClaimBook book, RunData run) {
        List<String> jvms = run.jvms();
        RunData main = run.jvm() == null && !jvms.isEmpty() ? run.forJvm(jvms.get(0)) : run;
        List<ClaimResult> results = new ArrayList<>();
        for (Claim c : book.claims()) {
            if (c.judgedPerJvm() && jvms.size() > 1) {
                for (String jvm : jvms) {
                    for (ClaimResult r : guarded(c, run.forJvm(jvm))) {
                        results.add(r.withVariant((r.variant() == null ? "" : r.variant() + " ") + "on " + jvm));
                    }
                }
            } else {
                results.addAll(guarded(c, main));
            }
        }
        Environment env = run.environment();
        String jvm = env.jvmName() == null && env.jvmVersion() == null ? jvmFromResults(run) : join(env.jvmName(), env.jvmVersion());
        List<String> notes = new ArrayList<>();
        notes.add("The log's figures: " + LOG_MACHINE + ". Ours: " + (jvm == null ? "unknown JVM" : jvm) + " on "
                + (env.cores() == null ? "an unknown number of" : env.cores()) + " cores.");
        if (jvms.size() > 1) {
            notes.add("JVM configurations: " + String.join(", ", jvms) + "; claims are judged on " + main.jvm()
                    + ", those marked per configuration on each.");
        }
        notes.add("Samples: " + sampleNote(main) + ".");
        notes.add("Verdicts: " + Rules.EFFECT_RULE + " Values: " + Rules.VALUE_RULE);
        return new ClaimReport(run.runId(), jvm, env.cores(), env.cpuModel(), results, notes);
    }

    private static List<ClaimResult> guarded(Claim c, RunData run) {
        try {
            return JUDGES.get(c.kind()).judge(c, run);
        } catch (RuntimeException e) {
            // one malformed result must not hide every other verdict
            return List.of(ClaimResult.notTestable(c, null, null, "could not be evaluated: " + e.getMessage(), Caveats.of(c, null)));
        }
    }

    private static String jvmFromResults(RunData run) {
        return run.results().stream().filter(r -> r.vmName() != null)
                .map(r -> join(r.vmName(), r.vmVersion())).findFirst().orElse(null);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    private static String sampleNote(RunData run) {
        int maxForks = run.results().stream().mapToInt(r -> r.primary().forkCount()).max().orElse(0);
        String counts = run.profiled().isEmpty() ? "" : "; the agent's counts come from each benchmark's one profiled fork,"
                + " whose iterations are the only samples there are (correlated: their intervals are optimistic)";
        return (maxForks >= SampleKind.MIN_FORKS
                ? "per-fork means of the timing forks (paired by round where a run records rounds and has at least 6)"
                : "measurement iterations (the run has one fork per benchmark; iterations of one fork are correlated,"
                        + " so the intervals are optimistic)") + counts;
    }
}
