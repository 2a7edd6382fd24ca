package dev.mimic.x86.protect;

import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;

/**
 * The virtual-8086 mode extensions and protected-mode virtual interrupts (CR4.VME and CR4.PVI, SDM
 * vol. 3 20.3-20.4), which spare a monitor most of the #GP faults of code that turns interrupts on
 * and off. With IOPL below 3, in virtual-8086 mode with VME or at CPL 3 with PVI, CLI and STI (and in
 * virtual-8086 mode the 16-bit PUSHF, POPF and IRET) work on EFLAGS.VIF instead of faulting; STI, POPF
 * and IRET that would turn interrupts on while VIP says one is waiting raise #GP(0) instead, so the
 * monitor can deliver it. In virtual-8086 mode with VME, INT n whose bit in the TSS's interrupt
 * redirection bitmap (the 32 bytes below the I/O map base) is clear goes through the task's own
 * real-mode interrupt vector table at linear address 0 instead of the IDT.
 */
public final class VirtualInterrupts {
    private static final int REDIRECTION_BITMAP_BYTES = 32;
    private static final int IO_MAP_BASE = 0x66;

    private VirtualInterrupts() {
    }

    /** True where CLI and STI work on VIF: IOPL below 3, and VME in virtual-8086 mode or PVI at CPL 3. */
    public static boolean virtualizes(Cpu cpu) {
        if (cpu.iopl() == 3 || !cpu.protectedMode()) {
            return false;
        }
        return cpu.v86() ? (cpu.cr4 & Cpu.CR4_VME) != 0 : cpu.cpl == 3 && (cpu.cr4 & Cpu.CR4_PVI) != 0;
    }

    /** True where a PUSHF, POPF or IRET of {@code opsize} bytes in virtual-8086 mode with IOPL below 3 uses VIF. */
    public static boolean extendsV86(Cpu cpu, int opsize) {
        return cpu.v86() && opsize == 2 && virtualizes(cpu);
    }

    /** CLI or STI on VIF; STI with VIP set is #GP(0). */
    public static void setInterruptFlag(Cpu cpu, boolean on) {
        int flags = cpu.eflags();
        if (on && (flags & Flags.VIP) != 0) {
            throw Vector.generalProtection(0, "STI with a virtual interrupt pending");
        }
        cpu.setEflags(on ? flags | Flags.VIF : flags & ~Flags.VIF);
    }

    /** The FLAGS a virtualised PUSHF pushes: IF replaced by VIF, IOPL reading 3. */
    public static int pushedFlags(Cpu cpu) {
        int flags = cpu.eflags();
        int interrupt = (flags & Flags.VIF) != 0 ? Flags.IF : 0;
        return flags & 0xFFFF & ~Flags.IF | interrupt | Flags.IOPL;
    }

    /** A virtualised POPF of {@code value}: IF goes to VIF, IOPL stays; #GP(0) when it sets TF, or IF while VIP is set. */
    public static void popFlags(Cpu cpu, int value) {
        int flags = cpu.eflags();
        checkEnable(flags, value);
        int kept = 0xFFFF_0000 | Flags.IF | Flags.IOPL;
        int merged = flags & kept | value & ~kept;
        cpu.setEflags((value & Flags.IF) != 0 ? merged | Flags.VIF : merged & ~Flags.VIF);
    }

    private static void checkEnable(int flags, int value) {
        if ((value & Flags.TF) != 0 || (value & Flags.IF) != 0 && (flags & Flags.VIP) != 0) {
            throw Vector.generalProtection(0, "virtual-8086 POPF or IRET setting TF, or IF with a virtual interrupt pending");
        }
    }

    /** A virtualised 16-bit IRET: IP, CS and FLAGS from the stack, FLAGS as {@link #popFlags} takes them. */
    static void interruptReturn(Cpu cpu) {
        Stack stack = Stack.current(cpu);
        int ip = stack.pop(2) & 0xFFFF;
        int cs = stack.pop(2) & 0xFFFF;
        int flags = stack.pop(2) & 0xFFFF;
        checkEnable(cpu.eflags(), flags);
        stack.commit();
        popFlags(cpu, flags);
        Segments.loadReal(cpu, DecodedInsn.CS, cs);
        cpu.jump(ip);
    }

    /** True when INT {@code vector} goes to the virtual-8086 task's own vector table. */
    static boolean redirected(Cpu cpu, int vector) {
        if (!cpu.v86() || (cpu.cr4 & Cpu.CR4_VME) == 0) {
            return false;
        }
        int bitmap = cpu.trBase + (cpu.readSystem16(cpu.trBase + IO_MAP_BASE) & 0xFFFF) - REDIRECTION_BITMAP_BYTES;
        return (cpu.readSystem16(bitmap + (vector >>> 3)) >>> (vector & 7) & 1) == 0;
    }

    /**
     * INT {@code vector} through the vector table at linear 0, as in real mode: FLAGS (IF replaced by
     * VIF and IOPL reading 3 when IOPL is below 3), CS and IP pushed, then TF and IF (VIF when IOPL is
     * below 3) cleared.
     */
    static void redirect(Cpu cpu, int vector, int returnEip) {
        int offset = cpu.memory.load16(vector * 4L);
        int segment = cpu.memory.load16(vector * 4L + 2);
        int flags = cpu.eflags();
        boolean virtual = cpu.iopl() < 3;
        Stack stack = Stack.current(cpu);
        stack.push(2, virtual ? pushedFlags(cpu) : flags);
        stack.push(2, cpu.selector(DecodedInsn.CS));
        stack.push(2, returnEip);
        stack.commit();
        cpu.setEflags(flags & ~(Flags.TF | (virtual ? Flags.VIF : Flags.IF)));
        Segments.loadReal(cpu, DecodedInsn.CS, segment);
        cpu.jump(offset);
    }
}
