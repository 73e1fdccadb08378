package lab.agent.transform;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Finds counted entry points that call another counted entry point of the same class, so that only
 * the callee is instrumented and each call is counted once. The JDK changes these shapes between
 * releases (JDK 25's {@code LockSupport.parkUntil(Object, long)} calls {@code parkUntil(long)};
 * JDK 17's does not), so the agent reads the bytecode of the running JDK rather than assuming one.
 */
final class Delegation {

    private Delegation() {
    }

    /** Methods (name + descriptor) of {@code type} whose name is counted and that invoke a counted method of {@code type}. */
    static Set<String> delegating(Class<?> type, Predicate<String> counted) {
        byte[] bytes;
        try {
            bytes = ClassFileLocator.ForClassLoader.read(type);
        } catch (RuntimeException e) {
            throw new IllegalStateException("lab-agent: cannot read the bytecode of " + type.getName(), e);
        }
        String owner = type.getName().replace('.', '/');
        Set<String> found = new HashSet<>();
        new ClassReader(bytes).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (!counted.test(name)) {
                    return null;
                }
                String self = name + descriptor;
                return new MethodVisitor(OpenedClassReader.ASM_API) {
                    @Override
                    public void visitMethodInsn(int opcode, String insnOwner, String insnName, String insnDescriptor, boolean itf) {
                        if (insnOwner.equals(owner) && counted.test(insnName)) {
                            found.add(self);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    /** Matches methods not in {@code skipped} (name + descriptor). */
    static ElementMatcher.Junction<MethodDescription> notIn(Set<String> skipped) {
        return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
            @Override
            public boolean matches(MethodDescription m) {
                return !skipped.contains(m.getInternalName() + m.getDescriptor());
            }
        };
    }

    /** Loads an already preloaded JDK class by name from the bootstrap loader. */
    static Class<?> jdk(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
