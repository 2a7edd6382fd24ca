package dev.mimic.x86.protect;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;

/**
 * The hardware task switch (SDM vol. 3 7.3): the running task's registers go to its TSS, the new
 * task's come from its TSS, and the busy bits, the previous-task link and EFLAGS.NT record nesting for
 * CALL, INT through a task gate, and the IRET that returns. A TSS is 32-bit or, as the 80286 had
 * them, 16-bit (7.6): no CR3, FS, GS or T bit; a new task from one keeps the upper halves of the
 * general registers (as QEMU does), gets those of EIP and EFLAGS cleared, and null FS and GS. A new 32-bit task
 * whose TSS has the T bit set starts with a debug trap (DR6.BT).
 */
public final class TaskSwitch {
    /** What started the switch. */
    public enum Reason { JUMP, CALL, IRET }

    private static final int LINK = 0, CR3 = 0x1C, TRAP = 0x64;

    /** Where a TSS format keeps what a task switch saves and loads; {@code width} is its register size. */
    private record Format(int width, int eip, int eflags, int registers, int segments, int segmentCount, int ldt, int minimumLimit) {
        static final Format WIDE = new Format(4, 0x20, 0x24, 0x28, 0x48, 6, 0x60, 0x67);
        static final Format NARROW = new Format(2, 0x0E, 0x10, 0x12, 0x22, 4, 0x2A, 0x2B);

        static Format of(int type) {
            return type == Descriptor.TSS16_AVAILABLE || type == Descriptor.TSS16_BUSY ? NARROW : WIDE;
        }

        void write(Cpu cpu, int at, int value) {
            if (width == 4) {
                cpu.writeSystem32(at, value);
            } else {
                cpu.writeSystem16(at, value);
            }
        }

        int read(Cpu cpu, int at) {
            return width == 4 ? cpu.readSystem32(at) : cpu.readSystem16(at) & 0xFFFF;
        }
    }

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
        if (d.segment() || d.type() != Descriptor.TSS32_BUSY && d.type() != Descriptor.TSS16_BUSY || (link & 4) != 0) {
            throw Vector.raise(Vector.TS, link & ~3, "IRET to a task that is not busy");
        }
        run(cpu, link, d, Reason.IRET, next);
    }

    /** Switches to the task of TSS {@code selector} (descriptor {@code d}); the old task resumes at {@code returnEip}. */
    public static void run(Cpu cpu, int selector, Descriptor d, Reason reason, int returnEip) {
        Format format = Format.of(d.type());
        if (!d.present()) {
            throw Vector.raise(Vector.NP, selector & ~3, "TSS not present");
        }
        if (d.limit() < format.minimumLimit()) {
            throw Vector.raise(Vector.TS, selector & ~3, "TSS limit below 0x" + Integer.toHexString(format.minimumLimit()));
        }
        Format old = Tss.wide(cpu) ? Format.WIDE : Format.NARROW;
        int oldTss = cpu.trBase;
        int oldSelector = cpu.trSelector;
        int flags = cpu.eflags();
        if (reason != Reason.CALL) {
            setBusy(cpu, oldSelector, false);
        }
        int savedFlags = reason == Reason.IRET ? flags & ~Flags.NT : flags;
        old.write(cpu, oldTss + old.eip(), returnEip);
        old.write(cpu, oldTss + old.eflags(), savedFlags);
        for (int r = 0; r < 8; r++) {
            old.write(cpu, oldTss + old.registers() + old.width() * r, cpu.gpr(r));
        }
        for (int s = 0; s < old.segmentCount(); s++) {
            cpu.writeSystem16(oldTss + old.segments() + old.width() * s, cpu.selector(s));
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
        load(cpu, base, format, reason == Reason.CALL);
        if (format == Format.WIDE && (cpu.readSystem16(base + TRAP) & 1) != 0) {
            cpu.raiseDebugTrap(Cpu.DR6_BT);
        }
    }

    private static void setBusy(Cpu cpu, int selector, boolean busy) {
        int at = cpu.gdtBase + (selector & ~7) + 4;
        int high = cpu.readSystem32(at);
        cpu.writeSystem32(at, busy ? high | Descriptor.BUSY : high & ~Descriptor.BUSY);
    }

    /** Loads the new task's state from its TSS at {@code base}; segment errors are #TS (SDM vol. 3 7.3 step 12). */
    private static void load(Cpu cpu, int base, Format format, boolean nested) {
        boolean wide = format == Format.WIDE;
        if (wide && cpu.paging()) {
            int cr3 = cpu.readSystem32(base + CR3);
            if (cr3 != cpu.cr3) {
                cpu.setCr3(cr3);
            }
        }
        int eip = format.read(cpu, base + format.eip());
        int flags = format.read(cpu, base + format.eflags()) | (nested ? Flags.NT : 0);
        for (int r = 0; r < 8; r++) {
            int upper = wide ? 0 : cpu.gpr(r) & 0xFFFF_0000;
            cpu.setGpr(r, upper | format.read(cpu, base + format.registers() + format.width() * r));
        }
        int[] selectors = new int[6];
        for (int s = 0; s < format.segmentCount(); s++) {
            selectors[s] = cpu.readSystem16(base + format.segments() + format.width() * s);
        }
        int ldt = cpu.readSystem16(base + format.ldt());
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
