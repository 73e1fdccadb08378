package lab.core.store;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds threads started since a snapshot: the tests' check that close() released them all. */
final class StoreThreads {

    private StoreThreads() {
    }

    static Set<Thread> snapshot() {
        return Thread.getAllStackTraces().keySet();
    }

    /**
     * Threads alive now that were not alive at {@code before}, ignoring the JVM's own (the
     * "system" group: attach listener, reference handler, ...). Each candidate is given a bounded
     * join first: a thread whose run() has returned is a moment away from being dead, and the
     * bound makes a truly leaked thread fail the test instead of hanging it.
     */
    static List<String> startedSince(Set<Thread> before) throws InterruptedException {
        List<Thread> fresh = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> t.getThreadGroup() != null && !"system".equals(t.getThreadGroup().getName()))
                .collect(Collectors.toList());
        for (Thread t : fresh) {
            t.join(2_000);
        }
        return fresh.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList());
    }
}
