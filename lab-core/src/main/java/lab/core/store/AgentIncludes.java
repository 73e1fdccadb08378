package lab.core.store;

/**
 * What the lab agent instruments when it counts the stores: the store classes and the JDK and
 * library classes they call. A HashMap node allocated inside {@code put}, or a lock taken inside
 * a queue, is the store's cost too, so the agent must see those classes; one list, used by every
 * run that attaches the agent to the stores (JMH runs and load runs). Kept beside the stores so that
 * a store bringing a new library brings its package here (DISRUPTOR: the ring's sequencer and wait
 * strategies; INT_SHARD: Agrona's map and its resize).
 */
public final class AgentIncludes {

    /** The agent's {@code includes=} patterns for the stores, {@code :}-separated. */
    public static final String STORES = String.join(":",
            "lab.core.store.*",
            "java.util.HashMap*",
            "java.util.concurrent.ConcurrentHashMap*",
            "java.util.concurrent.ArrayBlockingQueue*",
            "java.util.concurrent.LinkedBlockingQueue*",
            "java.util.concurrent.SynchronousQueue*",
            "java.util.concurrent.CompletableFuture*",
            "org.jctools.maps.*",
            "com.lmax.disruptor.*",
            "org.agrona.collections.*");

    private AgentIncludes() {
    }
}
