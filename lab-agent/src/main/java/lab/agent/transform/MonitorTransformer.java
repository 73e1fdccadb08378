package lab.agent.transform;

import static net.bytebuddy.matcher.ElementMatchers.any;

import lab.agent.runtime.LabCounters;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Counts monitor acquisitions in included classes: each {@code MONITORENTER} executed (a
 * {@code synchronized} block; counted just before the instruction, i.e. on entry, whether or not
 * the monitor was contended) and each entry into a non-native {@code synchronized} method.
 * Monitor contention is not counted as "contended" (HotSpot's inflation is not visible in
 * bytecode); ThreadMXBean's blocked count in the JMH profiler covers it.
 */
public final class MonitorTransformer {

    private MonitorTransformer() {
    }

    public static AgentBuilder apply(AgentBuilder builder, IncludedTypes included) {
        return builder.type(included).transform((b, type, loader, module, pd) -> b.visit(
                new AsmVisitorWrapper.ForDeclaredMethods().invokable(any(), MonitorTransformer::wrap)));
    }

    private static MethodVisitor wrap(TypeDescription type, MethodDescription method, MethodVisitor mv,
            Implementation.Context context, TypePool pool, int writerFlags, int readerFlags) {
        return new Counting(mv, method.isSynchronized() && !method.isNative());
    }

    private static final class Counting extends MethodVisitor {
        private final boolean synchronizedMethod;

        Counting(MethodVisitor mv, boolean synchronizedMethod) {
            super(OpenedClassReader.ASM_API, mv);
            this.synchronizedMethod = synchronizedMethod;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (synchronizedMethod) {
                Bytecode.count(mv, LabCounters.MONITOR);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                Bytecode.count(mv, LabCounters.MONITOR);
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 1, maxLocals);
        }
    }
}
