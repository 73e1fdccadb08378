/**
 * The runner of {@code ./lab run}: a request becomes an immutable {@link lab.core.bench.run.RunPlan}
 * (trials, rounds, seed), each fork of its schedule runs through
 * {@link lab.core.bench.run.ForkRunner} (JMH's own Runner, one fork at a time), the results are
 * kept as JMH's objects in {@link lab.core.bench.run.ForkResults} and published by the
 * {@link lab.core.bench.run.Recorder} as they land; {@link lab.core.bench.run.Interruption}
 * handles Ctrl-C. {@link lab.core.bench.run.LabRunner} composes them.
 *
 * <p>Conventions stated once:
 * <ul>
 *   <li>Timing forks run with {@code -prof gc} only: scores, their intervals and B/op come from
 *       them ({@code jmh.json}). The profiled fork of each trial runs the lab agent's counters,
 *       async-profiler and gc: counts and flame graphs come from it ({@code jmh-profiled.json},
 *       {@code profiles/<run>/...}); its B/op includes the agent's and the profiler's own.</li>
 *   <li>Rounds: each round runs one timing fork of every trial in a fresh shuffled order
 *       (seed in run.json), the trials of one workload at one thread count together (blocks,
 *       {@link lab.core.bench.run.RunPlan}); forks of one round pair across trials.</li>
 *   <li>The control ({@link lab.core.bench.run.RunPlan#CONTROL}) runs in every round of every
 *       run, so two runs' drift can be measured.</li>
 * </ul>
 */
package lab.core.bench.run;
