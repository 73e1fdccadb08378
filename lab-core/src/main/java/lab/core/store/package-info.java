/**
 * The Task stores of the decision log, re-implemented on the JVM, plus what the log never tried.
 *
 * <p>Conventions stated once: every store is thread-safe; ids are {@code int}s from 1 up; the read
 * path ({@code get}) of every store but {@link lab.core.store.ChannelStore} allocates nothing
 * (0 B/op under {@code -prof gc}); comments explain the concurrency choice, not the next line.
 *
 * <p>The {@code Integer}-keyed maps (MEMORY, the SHARD family, CONCURRENT) look up with
 * {@code Keys.lookup}, a {@code new Integer} that C2's escape analysis removes;
 * autoboxing's {@code Integer.valueOf} would leave 16 B/op on every read of an id above 127
 * (measured; the why is in {@code Keys}). The store classes that start threads name them
 * ({@code channel-store-<n>-worker}, {@code pooled-shard-store-<n>-pool-<i>},
 * {@code shard-store-getall-<i>}, {@code shard-unit-store-getall-<i>}), all daemon.
 */
package lab.core.store;
