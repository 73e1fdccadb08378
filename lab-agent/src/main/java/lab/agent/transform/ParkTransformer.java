package lab.agent.transform;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import java.util.List;
import java.util.Set;

import lab.agent.runtime.LabCounters;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Counts calls to {@code LockSupport.park*} (all six public forms; a form that calls another, as
 * JDK 25's {@code parkUntil(Object, long)} does, is left to its callee: see {@link Delegation}). A park that returns at once because a permit was available is
 * still a park call and is counted. Every JDK blocking primitive built on AQS, StampedLock,
 * {@code SynchronousQueue}, {@code CompletableFuture} waits, etc. parks through here; a
 * {@code synchronized} monitor wait or {@code Object.wait()} does not (ThreadMXBean's blocked and
 * waited counts in the JMH profiler cover those).
 */
public final class ParkTransformer {

    public static final String LOCK_SUPPORT = "java.util.concurrent.locks.LockSupport";

    public static final List<String> TARGETS = List.of(LOCK_SUPPORT);

    private ParkTransformer() {
    }

    public static AgentBuilder apply(AgentBuilder builder) {
        Set<String> delegating = Delegation.delegating(Delegation.jdk(LOCK_SUPPORT), name -> name.startsWith("park"));
        return builder.type(named(LOCK_SUPPORT)).transform((b, type, loader, module, pd) -> b.visit(
                Advice.to(Parked.class).on(isPublic().and(isStatic()).and(nameStartsWith("park"))
                        .and(Delegation.notIn(delegating)))));
    }

    public static final class Parked {
        private Parked() {
        }

        @Advice.OnMethodEnter
        public static void enter() {
            LabCounters.count(LabCounters.PARK);
        }
    }
}
