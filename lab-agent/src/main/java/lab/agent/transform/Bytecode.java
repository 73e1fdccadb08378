package lab.agent.transform;

import lab.agent.runtime.LabCounters;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The one instruction pair the visitors insert: push a slot, {@code invokestatic
 * LabCounters.count(int)}. It needs one extra stack slot, no locals and no branches, so stack map
 * frames stay valid and only {@code max_stack} grows by one.
 */
final class Bytecode {
    static final String OWNER = LabCounters.NAME.replace('.', '/');

    private Bytecode() {
    }

    static void count(MethodVisitor mv, int slot) {
        if (slot <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + slot);
        } else if (slot <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, slot);
        } else if (slot <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, slot);
        } else {
            mv.visitLdcInsn(slot);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "count", "(I)V", false);
    }
}
