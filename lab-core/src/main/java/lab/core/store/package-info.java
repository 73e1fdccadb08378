/**
 * The Task stores of the decision log, re-implemented on the JVM, plus what the log never tried.
 *
 * <p>Conventions stated once: every store is thread-safe; ids are {@code int}s from 1 up; the read
 * path ({@code get}) of every store but {@link lab.core.store.ChannelStore} allocates nothing
 * (0 B/op under {@code -prof gc}); comments explain the concurrency choice, not the next line.
 */
package lab.core.store;
