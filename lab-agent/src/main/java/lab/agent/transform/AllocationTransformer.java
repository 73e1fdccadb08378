package lab.agent.transform;

import static net.bytebuddy.matcher.ElementMatchers.any;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import lab.agent.Counters;
import lab.agent.runtime.LabCounters;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Counts allocation sites executed in included classes, by allocated class: {@code NEW},
 * {@code NEWARRAY}, {@code ANEWARRAY} and {@code MULTIANEWARRAY} (one count per instruction
 * executed, so {@code new int[2][3]} counts once as {@code int[][]}). The count is taken right after
 * the instruction, in bytecode, so it is the program's allocations before escape analysis: JMH's
 * {@code gc.alloc.rate.norm} is bytes that survived it. Each class gets its own counter slot when
 * the class is transformed; the inserted code is a constant push and a static call.
 */
public final class AllocationTransformer {

    private AllocationTransformer() {
    }

    public static AgentBuilder apply(AgentBuilder builder, IncludedTypes included, Counters counters) {
        // One registry call per distinct class, not per allocation site (the registry is a list).
        Map<String, Integer> ids = new ConcurrentHashMap<>();
        Function<String, Integer> idOf = name -> ids.computeIfAbsent(name, counters::classId);
        return builder.type(included).transform((b, type, loader, module, pd) -> b.visit(
                new AsmVisitorWrapper.ForDeclaredMethods().invokable(any(),
                        (t, m, mv, ctx, pool, wf, rf) -> new Counting(mv, idOf))));
    }

    private static final class Counting extends MethodVisitor {
        private final Function<String, Integer> idOf;

        Counting(MethodVisitor mv, Function<String, Integer> idOf) {
            super(OpenedClassReader.ASM_API, mv);
            this.idOf = idOf;
        }

        private void count(String className) {
            Bytecode.count(mv, LabCounters.ALLOC_BASE + idOf.apply(className));
        }

        // The count goes right after the instruction, never before a NEW: stack map frames name an
        // uninitialized object by the offset of its NEW, so code inserted in front of it would
        // leave that offset pointing at the inserted code (a ClassFormatError on JDK 25).

        @Override
        public void visitTypeInsn(int opcode, String type) {
            super.visitTypeInsn(opcode, type);
            if (opcode == Opcodes.NEW) {
                count(Type.getObjectType(type).getClassName());
            } else if (opcode == Opcodes.ANEWARRAY) {
                count(Type.getObjectType(type).getClassName() + "[]");
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            super.visitIntInsn(opcode, operand);
            if (opcode == Opcodes.NEWARRAY) {
                count(primitive(operand) + "[]");
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dims) {
            super.visitMultiANewArrayInsn(descriptor, dims);
            count(Type.getType(descriptor).getClassName());
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 1, maxLocals);
        }

        private static String primitive(int operand) {
            switch (operand) {
                case Opcodes.T_BOOLEAN: return "boolean";
                case Opcodes.T_CHAR: return "char";
                case Opcodes.T_FLOAT: return "float";
                case Opcodes.T_DOUBLE: return "double";
                case Opcodes.T_BYTE: return "byte";
                case Opcodes.T_SHORT: return "short";
                case Opcodes.T_INT: return "int";
                case Opcodes.T_LONG: return "long";
                default: return "?";
            }
        }
    }
}
