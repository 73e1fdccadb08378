package lab.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * The cost of the agent per counted lock is the code of {@link LabCounters#row()} and
 * {@link LabCounters#count(long[], int)} around the lock's CAS, and {@link LabCounters#count(int)}
 * for everything else (see the class comment). Their bytecode may call only what compiles to a load
 * ({@code Thread.currentThread()} is an intrinsic, {@code getId()} a field read) and their slow
 * path: a {@code ThreadLocal} lookup there cost +4 ns per lock on a quiet machine, measured with
 * {@code OverheadMain} (README, overhead table).
 */
class HotPathTest {

    @Test
    void countCallsNothingButTheCurrentThreadItsIdAndItsSlowPath() throws Exception {
        assertThat(calls("count", "(I)V")).containsExactlyInAnyOrder("java/lang/Thread.currentThread",
                "java/lang/Thread.getId", "lab/agent/runtime/LabCounters.countSlow");
    }

    /** The lock advice's pair: the lookup before the lock's CAS, one increment after it. */
    @Test
    void theLockAdvicesLookupAndIncrementCallNothingElse() throws Exception {
        assertThat(calls("row", "()[J")).containsExactlyInAnyOrder("java/lang/Thread.currentThread",
                "java/lang/Thread.getId");
        assertThat(calls("count", "([JI)V")).containsExactly("lab/agent/runtime/LabCounters.count");
    }

    private static List<String> calls(String method, String descriptor) throws Exception {
        List<String> calls = new ArrayList<>();
        try (InputStream in = LabCounters.class.getResourceAsStream("LabCounters.class")) {
            new ClassReader(in.readAllBytes()).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                        String[] exceptions) {
                    if (!name.equals(method) || !desc.equals(descriptor)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                            calls.add(owner + "." + name);
                        }
                    };
                }
            }, 0);
        }
        return calls;
    }
}
