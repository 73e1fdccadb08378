package lab.core.store;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the actor stores (CHANNEL, DISRUPTOR) wait: the actor thread for the next request, and each
 * caller for its reply. The same strategy is applied on both sides, so one name says what a
 * hand-off costs: a park and an unpark (a futex wake-up, tens of microseconds on this VM when the
 * waiter's core has gone idle), or a core kept busy so the hand-off is a cache-line transfer.
 *
 * <p>What to notice. A spinning waiter only helps while it has a core of its own. On 2 cores with
 * 2 benchmark threads plus the actor thread, three threads spin on two cores: a spinning waiter
 * can hold the very core the thread it waits for needs, and the hand-off then waits for the
 * scheduler's time slice (milliseconds) instead of a wake-up (microseconds): busy-spinning
 * collapses there, a bounded spin does not ({@link #auto()} says what was measured); the
 * benchmarks' {@code wait} param ({@code auto} or a lower-case name) sweeps them.
 *
 * <p>The JMH param names are the lower-case constant names ({@link #paramName()}).
 */
public enum ActorWait {

    /** Park until woken: the actor parks on the queue / ring, the caller parks on its reply. A Go channel receive. */
    BLOCKING,
    /** Spin for {@link #SPIN_NANOS}, then park: pays a wake-up only when the hand-off is slower than the spin. */
    SPIN_THEN_PARK,
    /** Spin briefly, then {@code Thread.yield()} in a loop: never parks, gives the core away when others are runnable. */
    YIELDING,
    /** {@code Thread.onSpinWait()} in a loop: never parks, never yields. Needs a core per waiting thread. */
    BUSY_SPIN;

    /** How long SPIN_THEN_PARK spins before parking: a hand-off between two running threads takes well under this. */
    public static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

    /** Spins of YIELDING before its first yield (what Disruptor's YieldingWaitStrategy does). */
    static final int SPINS_BEFORE_YIELD = 100;

    /** The {@code wait} param value that means {@link #auto()}. */
    public static final String AUTO = "auto";

    /**
     * SPIN_THEN_PARK on every machine. Until 2026-12-06 it was BLOCKING below 4 cores ({@link
     * #resolvedInEarlierRuns}), on the reasoning that with #cores callers plus the actor one thread
     * more is runnable than there are cores, so a spinning caller can sit on the core the actor needs
     * and wait out a time slice (milliseconds) where a park costs a wake-up (microseconds). That holds
     * for busy-spinning and not for a bounded spin ({@link #SPIN_NANOS}), as the quiet sweep showed
     * (2026-12-06, nothing else running, JDK 17, 2 cores, 6 rounds; {@code ./lab run --stores
     * CHANNEL,DISRUPTOR,MEMORY --workloads read,write --wait blocking,spin_then_park,yielding,busy_spin
     * --no-agent --no-flame}, run 20261206-132340-quick-waits; reads, JMH's 99.9% intervals):
     * DISRUPTOR at 1 thread 26.9 +- 4.9 us blocking, 2.9 +- 1.7 us spin-then-park, 3.16 +- 0.44 us
     * yielding, 1.43 +- 0.50 us busy-spinning; at 2 threads 25 +- 11, 13.8 +- 6.9, 8.1 +- 1.6 and
     * 400 +- 1,200 us (busy-spin's oversubscribed collapse); CHANNEL at 1 thread 18.4 +- 4.4 blocking
     * against 9.6 +- 7.8 spin-then-park, at 2 threads 23.7 +- 7.7 against 19.4 +- 5.0. Spin-then-park
     * is never worse than blocking here and is the one strategy that neither burns an idle core
     * (yielding and busy-spinning do, in a server too) nor pays a wake-up on every hand-off. It is
     * also what a Go channel does: the runtime spins briefly before it parks a goroutine.
     * The runner records the resolved strategy in each benchmark's {@code wait} param, so a stored
     * run says what it ran whatever this rule becomes.
     */
    public static ActorWait auto() {
        return SPIN_THEN_PARK;
    }

    /**
     * What {@code auto} meant in runs that recorded it (before 2026-12-06 the runner passed "auto"
     * through and the forks resolved it): BLOCKING below 4 cores, SPIN_THEN_PARK from 4. Pages
     * label such runs with this, never with the current rule.
     */
    public static ActorWait resolvedInEarlierRuns(int cores) {
        return cores < 4 ? BLOCKING : SPIN_THEN_PARK;
    }

    /** The JMH param value: the constant's name in lower case. */
    public String paramName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The strategy named by a {@code wait} param: {@code auto} or a constant's name in any case.
     * Unknown names are rejected with the accepted ones.
     */
    public static ActorWait parse(String name) {
        if (name == null || name.isBlank() || AUTO.equalsIgnoreCase(name.trim())) {
            return auto();
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder accepted = new StringBuilder(AUTO);
            for (ActorWait w : values()) {
                accepted.append(", ").append(w.paramName());
            }
            throw new IllegalArgumentException("unknown wait strategy '" + name + "': one of " + accepted);
        }
    }

    /**
     * The Disruptor wait strategy of the ring's consumer (the actor). A new instance per ring:
     * the blocking ones own a lock and a condition.
     */
    WaitStrategy disruptorStrategy() {
        switch (this) {
            case BLOCKING:
                return new BlockingWaitStrategy();
            case SPIN_THEN_PARK:
                return PhasedBackoffWaitStrategy.withLock(SPIN_NANOS, 0, TimeUnit.NANOSECONDS);
            case YIELDING:
                return new YieldingWaitStrategy();
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            default:
                throw new IllegalStateException(name());
        }
    }

    /**
     * One round of a waiting loop that has not parked: spin or yield as this strategy does.
     * Returns false when the waiter should park now (BLOCKING at once, SPIN_THEN_PARK once
     * {@link #SPIN_NANOS} have passed since {@code startNanos}; the others never park).
     * {@code round} counts from 0; {@code startNanos} is read only by SPIN_THEN_PARK, and only
     * every 64 rounds (a {@code nanoTime} costs as much as a few dozen spins).
     */
    boolean spinOnce(int round, long startNanos) {
        switch (this) {
            case BLOCKING:
                return false;
            case SPIN_THEN_PARK:
                if ((round & 63) == 63 && System.nanoTime() - startNanos > SPIN_NANOS) {
                    return false;
                }
                Thread.onSpinWait();
                return true;
            case YIELDING:
                if (round >= 0 && round < SPINS_BEFORE_YIELD) { // >= 0: a wrapped counter keeps yielding
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
                return true;
            case BUSY_SPIN:
                Thread.onSpinWait();
                return true;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Whether a waiter reads the clock (SPIN_THEN_PARK only): the others skip the {@code nanoTime}. */
    boolean timed() {
        return this == SPIN_THEN_PARK;
    }
}
