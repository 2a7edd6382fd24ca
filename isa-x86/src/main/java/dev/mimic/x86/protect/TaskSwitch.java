package dev.mimic.x86.protect;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;

/**
 * The hardware task switch between 32-bit TSSs (SDM vol. 3 7.3): the running task's registers go to
 * its TSS, the new task's come from its TSS, and the busy bits, the previous-task link and EFLAGS.NT
 * record nesting for CALL, INT through a task gate, and the IRET that returns. A new task whose TSS
 * has the T bit set starts with a debug trap (DR6.BT).
 */
public final class TaskSwitch {
    /** What started the switch. */
    public enum Reason { JUMP, CALL, IRET }

    private static final int LINK = 0, CR3 = 0x1C, EIP = 0x20, EFLAGS = 0x24, EAX = 0x28, ES = 0x48, LDT = 0x60, TRAP = 0x64;
    private static final int MINIMUM_LIMIT = 0x67;

    private TaskSwitch() {
    }

    /** The TSS descriptor a task gate names: #GP(selector) unless an available TSS in the GDT. */
    static Descriptor tssDescriptor(Cpu cpu, int selector) {
        if ((selector & 4) != 0) {
            throw Vector.generalProtection(selector & ~3, "task gate to an LDT selector");
        }
        Descriptor d = Segments.read(cpu, selector, Vector.GP);
        if (d.segment() || d.type() != Descriptor.TSS32_AVAILABLE && d.type() != Descriptor.TSS16_AVAILABLE) {
            throw Vector.generalProtection(selector & ~3, "task gate to a descriptor that is not an available TSS");
        }
        return d;
    }

    /** IRET with NT set: back to the task in the current TSS's link field. */
    static void returnFromNested(Cpu cpu, int next) {
        int link = cpu.readSystem16(cpu.trBase + LINK);
        Descriptor d = Segments.read(cpu, link, Vector.TS);
        if (d.segment() || d.type() != Descriptor.TSS32_BUSY || (link & 4) != 0) {
            throw Vector.raise(Vector.TS, link & ~3, "IRET to a task that is not busy");
        }
        run(cpu, link, d, Reason.IRET, next);
    }

    /** Switches to the task of TSS {@code selector} (descriptor {@code d}); the old task resumes at {@code returnEip}. */
    public static void run(Cpu cpu, int selector, Descriptor d, Reason reason, int returnEip) {
        if (d.type() != Descriptor.TSS32_AVAILABLE && d.type() != Descriptor.TSS32_BUSY) {
            throw Vector.raise(Vector.TS, selector & ~3, "only 32-bit TSSs are supported");
        }
        if (!d.present()) {
            throw Vector.raise(Vector.NP, selector & ~3, "TSS not present");
        }
        if (d.limit() < MINIMUM_LIMIT) {
            throw Vector.raise(Vector.TS, selector & ~3, "TSS limit below 0x67");
        }
        int oldTss = cpu.trBase;
        int oldSelector = cpu.trSelector;
        int flags = cpu.eflags();
        if (reason != Reason.CALL) {
            setBusy(cpu, oldSelector, false);
        }
        int savedFlags = reason == Reason.IRET ? flags & ~Flags.NT : flags;
        cpu.writeSystem32(oldTss + EIP, returnEip);
        cpu.writeSystem32(oldTss + EFLAGS, savedFlags);
        for (int r = 0; r < 8; r++) {
            cpu.writeSystem32(oldTss + EAX + 4 * r, cpu.gpr(r));
        }
        for (int s = 0; s < 6; s++) {
            cpu.writeSystem16(oldTss + ES + 4 * s, cpu.selector(s));
        }
        int base = d.base();
        if (reason == Reason.CALL) {
            cpu.writeSystem16(base + LINK, oldSelector);
        }
        if (reason != Reason.IRET) {
            setBusy(cpu, selector, true);
        }
        Descriptor loaded = Segments.read(cpu, selector, Vector.GP);
        cpu.trSelector = selector;
        cpu.trBase = base;
        cpu.trLimit = d.limit();
        cpu.trAttributes = loaded.attributes();
        cpu.cr0 |= Cpu.CR0_TS;
        load(cpu, base, reason == Reason.CALL);
        if ((cpu.readSystem16(base + TRAP) & 1) != 0) {
            cpu.raiseDebugTrap(Cpu.DR6_BT);
        }
    }

    private static void setBusy(Cpu cpu, int selector, boolean busy) {
        int at = cpu.gdtBase + (selector & ~7) + 4;
        int high = cpu.readSystem32(at);
        cpu.writeSystem32(at, busy ? high | Descriptor.BUSY : high & ~Descriptor.BUSY);
    }

    /** Loads the new task's state from its TSS at {@code base}; segment errors are #TS (SDM vol. 3 7.3 step 12). */
    private static void load(Cpu cpu, int base, boolean nested) {
        if (cpu.paging()) {
            int cr3 = cpu.readSystem32(base + CR3);
            if (cr3 != cpu.cr3) {
                cpu.setCr3(cr3);
            }
        }
        int eip = cpu.readSystem32(base + EIP);
        int flags = cpu.readSystem32(base + EFLAGS) | (nested ? Flags.NT : 0);
        for (int r = 0; r < 8; r++) {
            cpu.setGpr(r, cpu.readSystem32(base + EAX + 4 * r));
        }
        int[] selectors = new int[6];
        for (int s = 0; s < 6; s++) {
            selectors[s] = cpu.readSystem16(base + ES + 4 * s);
        }
        int ldt = cpu.readSystem16(base + LDT);
        cpu.setEflags(flags);
        SystemTables.loadLdt(cpu, ldt, Vector.TS);
        if ((flags & Flags.VM) != 0) {
            cpu.cpl = 3;
            for (int s = 0; s < 6; s++) {
                Segments.loadReal(cpu, s, selectors[s]);
            }
            cpu.jump(eip & 0xFFFF);
            return;
        }
        int cs = selectors[DecodedInsn.CS];
        if ((cs & ~3) == 0) {
            throw Vector.raise(Vector.TS, 0, "new task's CS is null");
        }
        Descriptor code = Segments.read(cpu, cs, Vector.TS);
        if (!code.code()) {
            throw Vector.raise(Vector.TS, cs & ~3, "new task's CS is not a code segment");
        }
        if (!code.present()) {
            throw Vector.raise(Vector.NP, cs & ~3, "new task's CS not present");
        }
        Segments.loadCode(cpu, cs, code, cs & 3);
        for (int s : new int[] {DecodedInsn.SS, DecodedInsn.DS, DecodedInsn.ES, DecodedInsn.FS, DecodedInsn.GS}) {
            try {
                Segments.load(cpu, s, selectors[s]);
            } catch (GuestFault f) {
                if (Vector.of(f) == Vector.GP) {
                    throw Vector.raise(Vector.TS, Vector.errorCode(f), f.getMessage());
                }
                throw f;
            }
        }
        cpu.jump(eip);
    }
}
