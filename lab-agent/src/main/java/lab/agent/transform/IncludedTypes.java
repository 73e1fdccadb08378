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
        "java.lang.", "java.util.concurrent.atomic.", "jdk.internal.", "sun.", "net.bytebuddy."
    };

    /** The agent's own packages (not {@code lab.agent.*} at large: other code may live under it). */
    private static final String[] AGENT_PACKAGES = {
        "lab.agent.runtime.", "lab.agent.transform.", "lab.agent.jmh.", "lab.agent.shaded.", "lab.agent.selftest."
    };

    /** Whether {@code name} is one of the agent's own classes (the self-test probe aside). */
    public static boolean isAgentClass(String name) {
        if (name.equals(PROBE)) {
            return false;
        }
        if (name.startsWith("lab.agent.") && name.indexOf('.', "lab.agent.".length()) < 0) {
            return true;
        }
        for (String prefix : AGENT_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

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
        if (isAgentClass(name)) {
            return false;
        }
        for (String prefix : NEVER) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return options.isIncluded(name);
    }
}
