package lab.agent.it.included;

/** Included in the scenario JVM's {@code includes}: its monitors are counted. Allocates one Object (its lock). */
public final class Syncs {
    private final Object lock = new Object();
    private int n;

    /** Three synchronized blocks and two synchronized method entries: 5 monitor acquisitions. */
    public int run() {
        for (int i = 0; i < 3; i++) {
            synchronized (lock) {
                n++;
            }
        }
        bump();
        bump();
        return n;
    }

    private synchronized void bump() {
        n++;
    }
}
