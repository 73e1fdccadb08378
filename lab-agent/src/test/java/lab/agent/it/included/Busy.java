package lab.agent.it.included;

/** The included work of {@link lab.agent.it.LoadedTarget}'s busy threads: each step allocates one Widget and one Object[]. */
public final class Busy {
    private Busy() {
    }

    public static Object step() {
        Object[] pair = new Object[2];
        pair[0] = new Widget();
        return pair;
    }
}
