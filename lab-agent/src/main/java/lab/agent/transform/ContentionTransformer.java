package lab.agent.transform;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.List;

import lab.agent.runtime.LabCounters;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Counts contended acquisitions: those that left the fast path and went into the JDK's queued
 * slow path, and came out holding the lock.
 *
 * <ul>
 * <li>{@code AbstractQueuedSynchronizer.acquire(Node, int, boolean, boolean, boolean, long)} (JDK
 *     17+), reached from {@code acquire(int)}, {@code acquireShared(int)} and their interruptible
 *     and timed forms after {@code tryAcquire}/{@code tryAcquireShared} failed. Counted when it
 *     returns a positive value (acquired) and was entered with a null node: a non-null node is a
 *     {@code Condition.await()} re-acquiring its lock, which is not a new acquisition. Covers
 *     ReentrantLock, both ReentrantReadWriteLock locks, and every other AQS-based synchronizer
 *     (Semaphore, CountDownLatch waits, ThreadPoolExecutor workers...). The same method of
 *     {@code AbstractQueuedLongSynchronizer}, on which JDK 22+ builds ReentrantReadWriteLock.</li>
 * <li>{@code StampedLock.acquireWrite/acquireRead}, the queued paths of its read and write locks,
 *     counted when they return a stamp (not 0 = timed out, not 1 = interrupted).</li>
 * </ul>
 * "Contended" means the fast-path CAS failed: the thread usually parks, but may win the lock on the
 * slow path's first retry without parking. Parks are counted separately.
 */
public final class ContentionTransformer {

    public static final String AQS = "java.util.concurrent.locks.AbstractQueuedSynchronizer";

    /** JDK 22+ builds ReentrantReadWriteLock on the long-state variant. */
    public static final String AQLS = "java.util.concurrent.locks.AbstractQueuedLongSynchronizer";

    public static final List<String> TARGETS = List.of(AQS, AQLS, LockAcquisitionTransformer.STAMPED_LOCK);

    private ContentionTransformer() {
    }

    public static AgentBuilder apply(AgentBuilder builder) {
        return builder
                .type(named(AQS).or(named(AQLS))).transform((b, type, loader, module, pd) -> b.visit(
                        Advice.to(QueuedAcquire.class).on(named("acquire").and(takesArguments(6)))))
                .type(named(LockAcquisitionTransformer.STAMPED_LOCK)).transform((b, type, loader, module, pd) -> b.visit(
                        Advice.to(StampedQueuedAcquire.class).on(
                                named("acquireWrite").or(named("acquireRead")).and(takesArguments(3)))));
    }

    public static final class QueuedAcquire {
        private QueuedAcquire() {
        }

        @Advice.OnMethodExit
        public static void exit(@Advice.Argument(0) Object node, @Advice.Return int result) {
            if (node == null && result > 0) {
                LabCounters.count(LabCounters.CONTENDED);
            }
        }
    }

    public static final class StampedQueuedAcquire {
        private StampedQueuedAcquire() {
        }

        @Advice.OnMethodExit
        public static void exit(@Advice.Return long stamp) {
            if (stamp != 0L && stamp != 1L) {
                LabCounters.count(LabCounters.CONTENDED);
            }
        }
    }
}
