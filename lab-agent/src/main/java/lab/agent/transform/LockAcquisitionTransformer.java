package lab.agent.transform;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.List;
import java.util.Set;

import lab.agent.runtime.LabCounters;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Counts lock acquisitions at the public entry points, on normal return only, and never in the
 * synchronizer internals they call (so {@code ReadLock.lock()} counts once although it runs
 * {@code Sync.tryAcquireShared} and maybe {@code AQS.acquire}):
 *
 * <ul>
 * <li>{@code ReentrantLock}, {@code ReentrantReadWriteLock.ReadLock} and {@code .WriteLock}:
 *     {@code lock()}, {@code lockInterruptibly()} (not when it throws), {@code tryLock()} and
 *     {@code tryLock(long, TimeUnit)} when they return {@code true};</li>
 * <li>{@code StampedLock}: {@code readLock()}, {@code writeLock()}, {@code tryReadLock(..)},
 *     {@code tryWriteLock(..)}, {@code readLockInterruptibly()}, {@code writeLockInterruptibly()}
 *     when the stamp is non-zero. Its {@code Lock} views delegate to these, so they count once.
 *     {@code tryOptimisticRead()} takes no lock and is not counted; neither are the
 *     {@code tryConvertTo*} conversions, which upgrade a stamp already held.</li>
 * </ul>
 * An entry point that calls another of its class's entry points is left alone (see
 * {@link Delegation}), so each call counts once on every JDK.
 * A reentrant {@code lock()} is an acquisition like any other call: it is counted.
 * (Conditions' re-acquisition after {@code await()} is not an entry point call and is not counted.)
 *
 * <p>Each advice looks up the thread's counters on entry ({@code LabCounters.row()}), so the
 * lookup's loads run alongside the lock's own before its CAS, and only increments on exit: with
 * the lookup after the CAS the agent cost +4 ns per lock (LabCounters says why).
 */
public final class LockAcquisitionTransformer {

    public static final String REENTRANT_LOCK = "java.util.concurrent.locks.ReentrantLock";
    public static final String READ_LOCK = "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock";
    public static final String WRITE_LOCK = "java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock";
    public static final String STAMPED_LOCK = "java.util.concurrent.locks.StampedLock";

    /** The classes this transformer must have instrumented for counts to be right. */
    public static final List<String> TARGETS = List.of(REENTRANT_LOCK, READ_LOCK, WRITE_LOCK, STAMPED_LOCK);

    private LockAcquisitionTransformer() {
    }

    public static AgentBuilder apply(AgentBuilder builder) {
        ElementMatcher<MethodDescription> stamped = stampedAcquisitions();
        return builder
                .type(named(REENTRANT_LOCK)).transform(lockMethods(REENTRANT_LOCK, LabCounters.REENTRANT_LOCK))
                .type(named(READ_LOCK)).transform(lockMethods(READ_LOCK, LabCounters.READ_LOCK))
                .type(named(WRITE_LOCK)).transform(lockMethods(WRITE_LOCK, LabCounters.WRITE_LOCK))
                .type(named(STAMPED_LOCK)).transform((b, type, loader, module, pd) -> b.visit(
                        Advice.withCustomMapping().bind(Slot.class, LabCounters.STAMPED_LOCK)
                                .to(StampAcquired.class).on(stamped)));
    }

    private static final Set<String> LOCK_METHODS = Set.of("lock", "lockInterruptibly", "tryLock");
    private static final Set<String> STAMPED_METHODS = Set.of("readLock", "writeLock", "tryReadLock", "tryWriteLock",
            "readLockInterruptibly", "writeLockInterruptibly");

    private static AgentBuilder.Transformer lockMethods(String typeName, int slot) {
        Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(Slot.class, slot);
        ElementMatcher.Junction<MethodDescription> once =
                Delegation.notIn(Delegation.delegating(Delegation.jdk(typeName), LOCK_METHODS::contains));
        return (b, type, loader, module, pd) -> b
                .visit(mapping.to(Acquired.class).on(isPublic().and(once).and(
                        named("lock").and(takesArguments(0)).or(named("lockInterruptibly").and(takesArguments(0))))))
                .visit(mapping.to(TryAcquired.class).on(isPublic().and(once).and(named("tryLock")).and(returns(boolean.class))));
    }

    private static ElementMatcher<MethodDescription> stampedAcquisitions() {
        return isPublic().and(returns(long.class)).and(namedOneOf(STAMPED_METHODS.toArray(new String[0])))
                .and(Delegation.notIn(Delegation.delegating(Delegation.jdk(STAMPED_LOCK), STAMPED_METHODS::contains)));
    }

    /** {@code lock()}, {@code lockInterruptibly()}: returning normally means acquired. */
    public static final class Acquired {
        private Acquired() {
        }

        @Advice.OnMethodEnter
        public static long[] enter() {
            return LabCounters.row();
        }

        @Advice.OnMethodExit(backupArguments = false)
        public static void exit(@Slot int slot, @Advice.Enter long[] row) {
            LabCounters.count(row, slot);
        }
    }

    /** {@code tryLock(..)}: only a {@code true} result is an acquisition. */
    public static final class TryAcquired {
        private TryAcquired() {
        }

        @Advice.OnMethodEnter
        public static long[] enter() {
            return LabCounters.row();
        }

        @Advice.OnMethodExit(backupArguments = false)
        public static void exit(@Slot int slot, @Advice.Enter long[] row, @Advice.Return boolean acquired) {
            if (acquired) {
                LabCounters.count(row, slot);
            }
        }
    }

    /** StampedLock: a zero stamp is a failed try. */
    public static final class StampAcquired {
        private StampAcquired() {
        }

        @Advice.OnMethodEnter
        public static long[] enter() {
            return LabCounters.row();
        }

        @Advice.OnMethodExit(backupArguments = false)
        public static void exit(@Slot int slot, @Advice.Enter long[] row, @Advice.Return long stamp) {
            if (stamp != 0L) {
                LabCounters.count(row, slot);
            }
        }
    }
}
