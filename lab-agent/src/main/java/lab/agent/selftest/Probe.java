package lab.agent.selftest;

/**
 * The self-test's instrumented code: the agent always includes this class (and only this one of
 * its own), so the install-time self-test can check that a {@code synchronized} block, a
 * {@code synchronized} method and a {@code new} in an included class are counted exactly once.
 * It is loaded after the agent installed, so it also proves load-time transformation works.
 */
public final class Probe {

    private static final Object LOCK = new Object();

    private Probe() {
    }

    /** One monitor enter, one synchronized method entry, one allocation of {@code Probe}. */
    public static Object run() {
        synchronized (LOCK) {
            return create();
        }
    }

    private static synchronized Probe create() {
        return new Probe();
    }
}
