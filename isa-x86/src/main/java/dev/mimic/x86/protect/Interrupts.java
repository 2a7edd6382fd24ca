package dev.mimic.x86.protect;

import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;

/**
 * Delivers an interrupt or exception (SDM vol. 3 6.12 and 20.1.4): through the real-mode IVT, or
 * through an IDT interrupt, trap or task gate, switching to the handler's stack when its privilege is
 * higher, and from virtual-8086 mode with the segment registers saved and cleared.
 */
public final class Interrupts {
    /** What raised the event, which decides the privilege checks and the EXT bit of error codes. */
    public enum Source {
        /** INT n: the gate's DPL must admit the CPL; IOPL-sensitive in virtual-8086 mode (SDM vol. 3 20.2.7). */
        SOFTWARE,
        /** INT3 and INTO: the gate's DPL must admit the CPL, but they are not IOPL-sensitive. */
        SOFTWARE_TRAP,
        /** An exception the processor detected. */
        EXCEPTION,
        /** A maskable interrupt from INTR (or NMI): EXT set in error codes. */
        EXTERNAL
    }

    private Interrupts() {
    }

    /**
     * Delivers {@code vector} with {@code errorCode} (negative: none); the handler returns to
     * {@code returnEip} (the faulting instruction for faults, the next one for traps and INT n).
     */
    public static void deliver(Cpu cpu, int vector, int errorCode, int returnEip, Source source) {
        if (!cpu.protectedMode()) {
            real(cpu, vector, returnEip);
            return;
        }
        int ext = source == Source.EXTERNAL ? 1 : 0;
        if (source == Source.SOFTWARE && VirtualInterrupts.redirected(cpu, vector)) {
            VirtualInterrupts.redirect(cpu, vector, returnEip);
            return;
        }
        if (source == Source.SOFTWARE && cpu.v86() && cpu.iopl() < 3) {
            throw Vector.generalProtection(0, "INT n in virtual-8086 mode with IOPL < 3");
        }
        int gateError = vector * 8 + 2 + ext;
        if (vector * 8 + 7 > cpu.idtLimit) {
            throw Vector.generalProtection(gateError, "vector " + vector + " beyond the IDT limit");
        }
        Descriptor gate = new Descriptor(cpu.readSystem32(cpu.idtBase + vector * 8), cpu.readSystem32(cpu.idtBase + vector * 8 + 4));
        int type = gate.segment() ? -1 : gate.type();
        if (type != Descriptor.TASK_GATE && type != Descriptor.INTERRUPT_GATE16 && type != Descriptor.TRAP_GATE16
                && type != Descriptor.INTERRUPT_GATE32 && type != Descriptor.TRAP_GATE32) {
            throw Vector.generalProtection(gateError, "IDT entry " + vector + " is not a gate");
        }
        if ((source == Source.SOFTWARE || source == Source.SOFTWARE_TRAP) && gate.dpl() < cpu.cpl) {
            throw Vector.generalProtection(gateError, "gate " + vector + " DPL below CPL");
        }
        if (!gate.present()) {
            throw Vector.raise(Vector.NP, gateError, "gate " + vector + " not present");
        }
        if (type == Descriptor.TASK_GATE) {
            int tss = gate.gateSelector();
            TaskSwitch.run(cpu, tss, TaskSwitch.tssDescriptor(cpu, tss), TaskSwitch.Reason.CALL, returnEip);
            if (errorCode >= 0) {
                Stack stack = Stack.current(cpu);
                stack.push(Tss.wide(cpu) ? 4 : 2, errorCode);
                stack.commit();
            }
            return;
        }
        throughGate(cpu, gate, errorCode, returnEip, ext);
    }

    private static void throughGate(Cpu cpu, Descriptor gate, int errorCode, int returnEip, int ext) {
        int cs = gate.gateSelector();
        if ((cs & ~3) == 0) {
            throw Vector.generalProtection(ext, "gate to the null selector");
        }
        Descriptor code = Segments.read(cpu, cs, Vector.GP);
        if (!code.code() || code.dpl() > cpu.cpl) {
            throw Vector.generalProtection((cs & ~3) + ext, "gate target 0x" + Integer.toHexString(cs));
        }
        if (!code.present()) {
            throw Vector.raise(Vector.NP, (cs & ~3) + ext, "gate target not present");
        }
        int width = gate.type() >= Descriptor.CALL_GATE32 ? 4 : 2;
        boolean fromV86 = cpu.v86();
        int flags = cpu.eflags();
        int oldCs = cpu.selector(DecodedInsn.CS);
        Stack stack;
        int newCpl;
        if (!code.conforming() && code.dpl() < cpu.cpl) {
            if (fromV86 && code.dpl() != 0) {
                throw Vector.generalProtection((cs & ~3) + ext, "v86 interrupt to a ring other than 0");
            }
            newCpl = code.dpl();
            Transfers.InnerStack inner = Transfers.innerStack(cpu, newCpl);
            int oldSs = cpu.selector(DecodedInsn.SS);
            int oldEsp = cpu.gpr(4);
            inner.load(cpu, newCpl);
            stack = inner.stack();
            if (fromV86) {
                stack.push(width, cpu.selector(DecodedInsn.GS));
                stack.push(width, cpu.selector(DecodedInsn.FS));
                stack.push(width, cpu.selector(DecodedInsn.DS));
                stack.push(width, cpu.selector(DecodedInsn.ES));
            }
            stack.push(width, oldSs);
            stack.push(width, oldEsp);
        } else {
            if (fromV86) {
                throw Vector.generalProtection((cs & ~3) + ext, "v86 interrupt to a conforming or ring 3 handler");
            }
            newCpl = cpu.cpl;
            stack = Stack.current(cpu);
        }
        stack.push(width, flags);
        stack.push(width, oldCs);
        stack.push(width, returnEip);
        if (errorCode >= 0) {
            stack.push(width, errorCode);
        }
        stack.commit();
        if (fromV86) {
            for (int s : new int[] {DecodedInsn.GS, DecodedInsn.FS, DecodedInsn.DS, DecodedInsn.ES}) {
                cpu.setSegment(s, 0, 0, 0, 0);
            }
        }
        int cleared = Flags.TF | Flags.NT | Flags.RF | Flags.VM
                | (gate.type() == Descriptor.INTERRUPT_GATE16 || gate.type() == Descriptor.INTERRUPT_GATE32 ? Flags.IF : 0);
        cpu.setEflags(flags & ~cleared);
        Segments.loadCode(cpu, cs, code, newCpl);
        int offset = gate.gateOffset();
        if (Integer.compareUnsigned(offset, code.limit()) > 0) {
            throw Vector.generalProtection(ext, "handler offset beyond the code segment limit");
        }
        cpu.jump(offset);
    }

    /** Real-address mode (SDM vol. 3 20.1.4): FLAGS, CS, IP on the stack, then the IVT's CS:IP. */
    /** Through the IVT; an entry beyond the IDTR limit raises #GP (SDM vol. 2 INT n, real-address mode), so a limit of 0 makes every interrupt a triple fault. */
    private static void real(Cpu cpu, int vector, int returnEip) {
        if (vector * 4 + 3 > cpu.idtLimit) {
            throw Vector.generalProtection(0, "vector " + vector + " beyond the IVT limit");
        }
        int entry = cpu.idtBase + vector * 4;
        int offset = cpu.memory.load16(entry & 0xFFFF_FFFFL);
        int segment = cpu.memory.load16(entry + 2 & 0xFFFF_FFFFL);
        int flags = cpu.eflags();
        Stack stack = Stack.current(cpu);
        stack.push(2, flags);
        stack.push(2, cpu.selector(DecodedInsn.CS));
        stack.push(2, returnEip);
        stack.commit();
        cpu.setEflags(flags & ~(Flags.IF | Flags.TF | Flags.AC));
        Segments.loadReal(cpu, DecodedInsn.CS, segment);
        cpu.jump(offset);
    }
}
