/**
 * The Task stores of the decision log, re-implemented on the JVM, plus what the log never tried.
 *
 * <p>Conventions stated once: every store is thread-safe; ids are {@code int}s from 1 up; the read
 * path ({@code get}) of every store but {@link lab.core.store.ChannelStore} allocates nothing
 * (0 B/op under {@code -prof gc}); comments explain the concurrency choice, not the next line.
 * The actor stores (CHANNEL, DISRUPTOR) take an {@link lab.core.store.ActorWait}; the agent's
 * include list for the stores and the libraries they call is {@link lab.core.store.AgentIncludes}.
 *
 * <p>The {@code Integer}-keyed maps (MEMORY, the SHARD family, CONCURRENT, DISRUPTOR's actor) look up with
 * {@code Keys.lookup}, a {@code new Integer} that C2's escape analysis removes;
 * autoboxing's {@code Integer.valueOf} would leave 16 B/op on every read of an id above 127
 * (measured; the why is in {@code Keys}). The store classes that start threads name them
 * ({@code channel-store-<n>-worker}, {@code disruptor-store-<n>-actor},
 * {@code pooled-shard-store-<n>-pool-<i>}, {@code shard-store-getall-<i>},
 * {@code shard-unit-store-getall-<i>}, {@code int-shard-store-getall-<i>}), all daemon. INT_SHARD
 * (an unboxed int map) needs no lookup box at all.
 */
package lab.core.store;
