package lab.agent.it.included.hidden;

/** The supertype {@link Sub} is defined against; see {@link lab.agent.it.HiddenLoaders}. */
public class Base {
    /** One Object[] allocation. */
    protected Object[] pair() {
        return new Object[2];
    }
}
