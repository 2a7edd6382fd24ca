package dev.mimic.x86.translate;

import dev.mimic.x86.decode.OpForm;

/**
 * What the translation of a piece of x86 code depends on besides its bytes: the code segment's base,
 * limit and default size, the stack size, the privilege level, the operating mode and whether the
 * FPU is available. A region is decoded
 * under one mode and is only entered under the same one: a system-mode machine interns every mode to a
 * number and puts it above the 32-bit EIP in the pc the engine keys regions by.
 *
 * @param system        a full machine (privileged instructions, far transfers, interrupts through the
 *                      IDT or IVT), not a user-mode process whose kernel is the host
 * @param csBase        the code segment's base: linear address = csBase + EIP
 * @param code32        32-bit default operand and address size (CS.D in protected mode)
 * @param stack32       ESP rather than SP addresses the stack (SS.B)
 * @param cpl           the current privilege level (3 in virtual-8086 mode)
 * @param protectedMode CR0.PE
 * @param v86           EFLAGS.VM
 * @param flat          CS, DS, ES and SS have base 0 and a 4 GiB limit, so only FS and GS add a base and
 *                      no access needs a limit check
 * @param csLimit       the last EIP code may be fetched from (-1, all, outside protected mode)
 * @param fpuTraps      CR0.EM or CR0.TS: x87 instructions raise #NM
 * @param waitTraps     CR0.TS with CR0.MP: WAIT raises #NM
 */
public record CodeMode(boolean system, int csBase, boolean code32, boolean stack32, int cpl, boolean protectedMode,
                       boolean v86, boolean flat, int csLimit, boolean fpuTraps, boolean waitTraps) {
    /** A Linux process: flat 32-bit protected mode at CPL 3. */
    public static final CodeMode USER = new CodeMode(false, 0, true, true, 3, true, false, true, -1, false, false);

    /** True when {@code form} raises #NM (device not available) in this mode (SDM vol. 3 2.5, table 2-2). */
    public boolean deviceNotAvailable(OpForm form) {
        if (form.map() != OpForm.ONE_BYTE) {
            return false;
        }
        return form.opcode() >= 0xD8 && form.opcode() <= 0xDF ? fpuTraps : form.opcode() == 0x9B && waitTraps;
    }

    /** Real-address or virtual-8086 mode: segments are selector times 16, no descriptors, no limit checks. */
    public boolean realAddressing() {
        return !protectedMode || v86;
    }
}
