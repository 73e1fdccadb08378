/**
 * {@code ./lab load}: the {@link lab.api.TaskApi} over each store in a child JVM
 * ({@link lab.api.load.LoadServer}), driven by wrk ({@link lab.api.load.Wrk}, a Lua script over
 * requests drawn in advance: {@link lab.api.load.RequestStreams}) in interleaved rounds
 * ({@link lab.api.load.LoadPlan}), then a profiled pass with the lab agent and async-profiler;
 * stored as a run of kind LOAD ({@link lab.api.load.LoadRecorder}, {@code load.json}:
 * {@link lab.core.record.LoadResults}) and printed ({@link lab.api.load.LoadTable}).
 */
package lab.api.load;
