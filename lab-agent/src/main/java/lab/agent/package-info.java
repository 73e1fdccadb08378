/**
 * lab-agent: counts lock acquisitions, contended acquisitions, parks and allocations per thread.
 *
 * <p>{@link lab.agent.LabAgent} is the façade ({@code premain}, {@code agentmain}, {@code attach});
 * {@code lab.agent.transform} has one Byte Buddy transformer per concern;
 * {@code lab.agent.runtime.LabCounters} is the one class the instrumented code calls, loaded only by
 * the bootstrap loader; {@link lab.agent.Counters} is how everything else reads it (reflectively, so
 * "no agent" is an answer and never a second set of zeros); {@code lab.agent.jmh} is the JMH
 * profiler. Conventions: the instrumented code must never take a lock, park, allocate in an
 * instrumentable class or call a lambda; a count that cannot be trusted is reported loudly (banner,
 * NaN), never as zero.
 */
package lab.agent;
