package dev.mimic.x86.protect;

import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;

/**
 * Far JMP, far CALL, far RET and IRET (SDM vol. 2 and vol. 3 5.8): in real-address and virtual-8086
 * mode a CS:IP pair, in protected mode code segments, call gates with the stack switch of a privilege
 * change, and task switches through TSS descriptors and task gates.
 */
public final class Transfers {
    private Transfers() {
    }

    /** Far JMP ({@code call} false) or far CALL to {@code selector}:{@code offset}; {@code next} is the return EIP. */
    public static void far(Cpu cpu, int selector, int offset, int opsize, int next, boolean call) {
        selector &= 0xFFFF;
        if (opsize == 2) {
            offset &= 0xFFFF;
        }
        if (!cpu.protectedMode() || cpu.v86()) {
            Stack stack = Stack.current(cpu);
            if (call) {
                stack.push(opsize, cpu.selector(DecodedInsn.CS));
                stack.push(opsize, next);
            }
            stack.commit();
            Segments.loadReal(cpu, DecodedInsn.CS, selector);
            cpu.jump(offset);
            return;
        }
        if ((selector & ~3) == 0) {
            throw Vector.generalProtection(0, "far transfer to the null selector");
        }
        Descriptor d = Segments.read(cpu, selector, Vector.GP);
        if (d.code()) {
            checkDirectCode(cpu, selector, d);
            if (call) {
                Stack stack = Stack.current(cpu);
                stack.push(opsize, cpu.selector(DecodedInsn.CS));
                stack.push(opsize, next);
                stack.commit();
            }
            checkOffset(d, offset);
            Segments.loadCode(cpu, selector, d, cpu.cpl);
            cpu.jump(offset);
            return;
        }
        if (d.segment()) {
            throw Vector.generalProtection(selector & ~3, "far transfer to a data segment");
        }
        int rpl = selector & 3;
        switch (d.type()) {
            case Descriptor.CALL_GATE16, Descriptor.CALL_GATE32 -> {
                if (d.dpl() < cpu.cpl || d.dpl() < rpl) {
                    throw Vector.generalProtection(selector & ~3, "call gate privilege");
                }
                present(d, selector);
                callGate(cpu, d, opsize, next, call);
            }
            case Descriptor.TSS16_AVAILABLE, Descriptor.TSS32_AVAILABLE -> {
                if (d.dpl() < cpu.cpl || d.dpl() < rpl) {
                    throw Vector.generalProtection(selector & ~3, "TSS privilege");
                }
                TaskSwitch.run(cpu, selector, d, call ? TaskSwitch.Reason.CALL : TaskSwitch.Reason.JUMP, next);
            }
            case Descriptor.TASK_GATE -> {
                if (d.dpl() < cpu.cpl || d.dpl() < rpl) {
                    throw Vector.generalProtection(selector & ~3, "task gate privilege");
                }
                present(d, selector);
                int tss = d.gateSelector();
                TaskSwitch.run(cpu, tss, TaskSwitch.tssDescriptor(cpu, tss),
                        call ? TaskSwitch.Reason.CALL : TaskSwitch.Reason.JUMP, next);
            }
            default -> throw Vector.generalProtection(selector & ~3, "far transfer to system descriptor type " + d.type());
        }
    }

    /** Far RET, releasing {@code release} bytes of parameters (SDM vol. 2 RET, vol. 3 5.8.6). */
    public static void farReturn(Cpu cpu, int opsize, int release) {
        Stack stack = Stack.current(cpu);
        int eip = stack.pop(opsize);
        int cs = stack.pop(opsize) & 0xFFFF;
        if (opsize == 2) {
            eip &= 0xFFFF;
        }
        if (!cpu.protectedMode() || cpu.v86()) {
            stack.release(release);
            stack.commit();
            Segments.loadReal(cpu, DecodedInsn.CS, cs);
            cpu.jump(eip);
            return;
        }
        Descriptor code = returnCode(cpu, cs);
        checkOffset(code, eip);
        stack.release(release);
        returnTo(cpu, stack, cs, code, eip, opsize, release, () -> { });
    }

    /**
     * The end of RET and IRET: CS:EIP at the same level, or at an outer one with SS:ESP popped too and
     * the outer stack released by {@code release} bytes; {@code flags} sets EFLAGS once CS is loaded.
     */
    private static void returnTo(Cpu cpu, Stack stack, int cs, Descriptor code, int eip, int opsize, int release,
                                 Runnable flags) {
        int rpl = cs & 3;
        if (rpl == cpu.cpl) {
            stack.commit();
            Segments.loadCode(cpu, cs, code, rpl);
            flags.run();
            cpu.jump(eip);
            return;
        }
        int esp = stack.pop(opsize);
        int ss = stack.pop(opsize) & 0xFFFF;
        Descriptor stackSegment = outerStack(cpu, ss, rpl);
        Segments.loadCode(cpu, cs, code, rpl);
        flags.run();
        loadOuterStack(cpu, ss, stackSegment, esp + release);
        cpu.jump(eip);
    }

    /** The code segment a RET or IRET returns to, checked: not more privileged than the current level. */
    private static Descriptor returnCode(Cpu cpu, int cs) {
        if ((cs & ~3) == 0) {
            throw Vector.generalProtection(0, "return to the null selector");
        }
        Descriptor code = Segments.read(cpu, cs, Vector.GP);
        int rpl = cs & 3;
        if (!code.code() || rpl < cpu.cpl || (code.conforming() ? code.dpl() > rpl : code.dpl() != rpl)) {
            throw Vector.generalProtection(cs & ~3, "return code segment 0x" + Integer.toHexString(cs));
        }
        present(code, cs);
        return code;
    }

    private static Descriptor outerStack(Cpu cpu, int ss, int rpl) {
        if ((ss & ~3) == 0) {
            throw Vector.generalProtection(0, "return to the null stack segment");
        }
        Descriptor d = Segments.read(cpu, ss, Vector.GP);
        if ((ss & 3) != rpl || d.dpl() != rpl || !d.writableData()) {
            throw Vector.generalProtection(ss & ~3, "return stack segment 0x" + Integer.toHexString(ss));
        }
        if (!d.present()) {
            throw Vector.raise(Vector.SS, ss & ~3, "return stack segment not present");
        }
        return d;
    }

    private static void loadOuterStack(Cpu cpu, int ss, Descriptor d, int esp) {
        Segments.markAccessed(cpu, ss, d);
        cpu.setSegment(DecodedInsn.SS, ss, d.base(), d.limit(), d.attributes() | Descriptor.ACCESSED);
        cpu.setGpr(4, d.big() ? esp : cpu.gpr(4) & 0xFFFF_0000 | esp & 0xFFFF);
        Segments.nullInaccessible(cpu);
    }

    /** EFLAGS bits no POPF changes, nor an IRET but a 32-bit one at CPL 0: VM, VIF, VIP. */
    private static final int KEEP = Flags.VM | Flags.VIF | Flags.VIP;

    /**
     * IRET (SDM vol. 2 IRET): real mode, virtual-8086, same and outer level, back to v86, nested task;
     * {@code next} is the instruction after it, where the task a nested return leaves resumes.
     */
    public static void interruptReturn(Cpu cpu, int opsize, int next) {
        if (cpu.protectedMode() && !cpu.v86() && (cpu.eflags() & Flags.NT) != 0) {
            TaskSwitch.returnFromNested(cpu, next);
            return;
        }
        if (cpu.v86() && cpu.iopl() < 3) {
            if (VirtualInterrupts.extendsV86(cpu, opsize)) {
                VirtualInterrupts.interruptReturn(cpu);
                return;
            }
            throw Vector.generalProtection(0, "IRET in virtual-8086 mode with IOPL < 3");
        }
        Stack stack = Stack.current(cpu);
        int eip = stack.pop(opsize);
        int cs = stack.pop(opsize) & 0xFFFF;
        int flags = stack.pop(opsize);
        int old = cpu.eflags();
        if (!cpu.protectedMode() || cpu.v86()) {
            int keep = KEEP | (cpu.v86() ? Flags.IOPL : 0) | (opsize == 2 ? 0xFFFF_0000 : 0);
            stack.commit();
            cpu.setEflags(old & keep | flags & ~keep);
            Segments.loadReal(cpu, DecodedInsn.CS, cs);
            cpu.jump(eip & (opsize == 2 ? 0xFFFF : -1));
            return;
        }
        if (opsize == 4 && (flags & Flags.VM) != 0 && cpu.cpl == 0) {
            toV86(cpu, stack, eip, cs, flags);
            return;
        }
        if (opsize == 2) {
            eip &= 0xFFFF;
        }
        Descriptor code = returnCode(cpu, cs);
        checkOffset(code, eip);
        // At CPL 0 a 32-bit IRET loads VIF and VIP too (SDM vol. 2 IRET).
        int virtualFlags = cpu.cpl == 0 && opsize == 4 ? Flags.VM : KEEP;
        int keep = virtualFlags | (opsize == 2 ? 0xFFFF_0000 : 0) | (cpu.cpl > 0 ? Flags.IOPL : 0)
                | (cpu.cpl > cpu.iopl() ? Flags.IF : 0);
        int merged = old & keep | flags & ~keep;
        returnTo(cpu, stack, cs, code, eip, opsize, 0, () -> cpu.setEflags(merged));
    }

    /** IRET from CPL 0 with VM set in the popped EFLAGS: the v86 frame holds ESP, SS, ES, DS, FS, GS too. */
    private static void toV86(Cpu cpu, Stack stack, int eip, int cs, int flags) {
        int esp = stack.pop(4);
        int ss = stack.pop(4);
        int es = stack.pop(4);
        int ds = stack.pop(4);
        int fs = stack.pop(4);
        int gs = stack.pop(4);
        cpu.setEflags(flags);
        cpu.cpl = 3;
        Segments.loadReal(cpu, DecodedInsn.CS, cs);
        Segments.loadReal(cpu, DecodedInsn.SS, ss);
        Segments.loadReal(cpu, DecodedInsn.ES, es);
        Segments.loadReal(cpu, DecodedInsn.DS, ds);
        Segments.loadReal(cpu, DecodedInsn.FS, fs);
        Segments.loadReal(cpu, DecodedInsn.GS, gs);
        cpu.setGpr(4, esp);
        cpu.jump(eip & 0xFFFF);
    }

    private static void checkDirectCode(Cpu cpu, int selector, Descriptor d) {
        int rpl = selector & 3;
        boolean ok = d.conforming() ? d.dpl() <= cpu.cpl : rpl <= cpu.cpl && d.dpl() == cpu.cpl;
        if (!ok) {
            throw Vector.generalProtection(selector & ~3, "code segment privilege");
        }
        present(d, selector);
    }

    private static void present(Descriptor d, int selector) {
        if (!d.present()) {
            throw Vector.raise(Vector.NP, selector & ~3, "segment not present");
        }
    }

    private static void checkOffset(Descriptor d, int offset) {
        if (Integer.compareUnsigned(offset, d.limit()) > 0) {
            throw Vector.generalProtection(0, "offset beyond the code segment limit");
        }
    }

    /** Through a call gate (SDM vol. 3 5.8.5): to a more privileged level a CALL switches stacks. */
    private static void callGate(Cpu cpu, Descriptor gate, int opsize, int next, boolean call) {
        int target = gate.gateSelector();
        if ((target & ~3) == 0) {
            throw Vector.generalProtection(0, "call gate to the null selector");
        }
        Descriptor code = Segments.read(cpu, target, Vector.GP);
        if (!code.code() || code.dpl() > cpu.cpl || !call && !code.conforming() && code.dpl() != cpu.cpl) {
            throw Vector.generalProtection(target & ~3, "call gate target");
        }
        present(code, target);
        int offset = gate.gateOffset();
        checkOffset(code, offset);
        int width = gate.type() == Descriptor.CALL_GATE32 ? 4 : 2;
        if (!call) {
            Segments.loadCode(cpu, target, code, cpu.cpl);
            cpu.jump(offset);
            return;
        }
        if (!code.conforming() && code.dpl() < cpu.cpl) {
            int newCpl = code.dpl();
            InnerStack innerStack = innerStack(cpu, newCpl);
            Stack inner = innerStack.stack();
            Stack outer = Stack.current(cpu);
            int count = gate.gateParameters();
            int[] parameters = new int[count];
            for (int i = 0; i < count; i++) {
                parameters[i] = outer.peek(width, i * width);
            }
            int oldSs = cpu.selector(DecodedInsn.SS);
            int oldEsp = cpu.gpr(4);
            int oldCs = cpu.selector(DecodedInsn.CS);
            innerStack.load(cpu, newCpl);
            inner.push(width, oldSs);
            inner.push(width, oldEsp);
            for (int i = count - 1; i >= 0; i--) {
                inner.push(width, parameters[i]);
            }
            inner.push(width, oldCs);
            inner.push(width, next);
            inner.commit();
        } else {
            Stack stack = Stack.current(cpu);
            stack.push(width, cpu.selector(DecodedInsn.CS));
            stack.push(width, next);
            stack.commit();
        }
        Segments.loadCode(cpu, target, code, cpu.cpl);
        cpu.jump(offset);
    }

    /** An inner privilege level's stack read from the TSS and checked, not yet loaded. */
    record InnerStack(int selector, Descriptor descriptor, Stack stack) {
        /** Makes it the current stack at privilege {@code cpl}. */
        void load(Cpu cpu, int cpl) {
            cpu.cpl = cpl;
            Segments.markAccessed(cpu, selector, descriptor);
            cpu.setSegment(DecodedInsn.SS, selector, descriptor.base(), descriptor.limit(),
                    descriptor.attributes() | Descriptor.ACCESSED);
        }
    }

    /** The stack of privilege level {@code dpl} from the TSS, checked (SDM vol. 3 5.8.5 and 6.12.1). */
    static InnerStack innerStack(Cpu cpu, int dpl) {
        long ssEsp = Tss.innerStack(cpu, dpl);
        int ss = (int) (ssEsp >>> 32) & 0xFFFF;
        if ((ss & ~3) == 0) {
            throw Vector.raise(Vector.TS, 0, "null inner stack segment");
        }
        Descriptor d = Segments.read(cpu, ss, Vector.TS);
        if ((ss & 3) != dpl || d.dpl() != dpl || !d.writableData()) {
            throw Vector.raise(Vector.TS, ss & ~3, "inner stack segment 0x" + Integer.toHexString(ss));
        }
        if (!d.present()) {
            throw Vector.raise(Vector.SS, ss & ~3, "inner stack segment not present");
        }
        return new InnerStack(ss, d, new Stack(cpu, d.base(), d.big(), (int) ssEsp));
    }
}
