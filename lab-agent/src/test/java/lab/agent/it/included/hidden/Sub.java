package lab.agent.it.included.hidden;

import java.util.function.Supplier;

/**
 * Defined by a class loader through which no class file of {@link Base} can be found (as Maven's
 * Sisu proxies are): the agent must still instrument it. One monitor, one Object[] (in Base), one int[].
 */
public class Sub extends Base implements Supplier<Object> {
    @Override
    public Object get() {
        synchronized (this) {
            Object[] p = pair();
            p[0] = new int[3];
            return p;
        }
    }
}
