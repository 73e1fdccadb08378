package lab.agent.transform;

import lab.agent.AgentOptions;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The classes whose own bytecode is instrumented for monitors and allocations: those the
 * {@code includes} option names, minus what must never be: the agent itself (its self-test probe
 * aside, which is always included), relocated Byte Buddy, and the JDK packages the counting code
 * runs on ({@code java.lang} holds {@code ThreadLocal} and {@code Thread},
 * {@code java.util.concurrent.atomic} the registry's flag, {@code jdk.internal}/{@code sun} the
 * rest): counting an allocation there would recurse into the counter.
 */
public final class IncludedTypes extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

    public static final String PROBE = "lab.agent.selftest.Probe";

    private static final String[] NEVER = {
        "java.lang.", "java.util.concurrent.atomic.", "jdk.internal.", "sun.", "net.bytebuddy.", "lab.agent."
    };

    private final AgentOptions options;

    public IncludedTypes(AgentOptions options) {
        this.options = options;
    }

    @Override
    public boolean matches(TypeDescription type) {
        return isIncluded(type.getName());
    }

    public boolean isIncluded(String name) {
        if (name.equals(PROBE)) {
            return true;
        }
        for (String prefix : NEVER) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return options.isIncluded(name);
    }
}
