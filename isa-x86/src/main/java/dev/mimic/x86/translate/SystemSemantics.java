package dev.mimic.x86.translate;

import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Temp;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.OperandKind;
import dev.mimic.x86.protect.Interrupts;
import dev.mimic.x86.system.SystemInstructions;

/**
 * The meaning of the instructions that differ in a system-mode machine: where {@link X86Semantics}
 * gives a Linux process's view (privileged instructions fault, INT n goes to the host kernel), these
 * methods, chosen by the same {@code emit} names, run them on the processor's system state through
 * {@link SystemInstructions}. Checks that depend only on CPL and mode are decided here at translation
 * time, since both are part of the region's {@link CodeMode}.
 */
public final class SystemSemantics {
    private static final Helper SOFTWARE_INTERRUPT = system("softwareInterrupt");
    private static final Helper INTO = system("into");
    private static final Helper FAR_JUMP = system("farJump");
    private static final Helper FAR_CALL = system("farCall");
    private static final Helper FAR_RETURN = system("farReturn");
    private static final Helper INTERRUPT_RETURN = system("interruptReturn");
    private static final Helper SYSENTER = system("sysenter");
    private static final Helper SYSEXIT = system("sysexit");
    private static final Helper CLI = system("cli");
    private static final Helper STI = system("sti");
    private static final Helper PUSHF = system("pushf");
    private static final Helper POPF = system("popf");
    private static final Helper IN = system("in");
    private static final Helper OUT = system("out");
    private static final Helper LOAD_TABLE = system("loadTable");
    private static final Helper STORE_TABLE = system("storeTable");
    private static final Helper LLDT = system("lldt");
    private static final Helper LTR = system("ltr");
    private static final Helper SLDT = system("sldt");
    private static final Helper STR = system("str");
    private static final Helper LAR = system("lar");
    private static final Helper LSL = system("lsl");
    private static final Helper VERIFY = system("verify");
    private static final Helper READ_CONTROL = system("readControl");
    private static final Helper WRITE_CONTROL = system("writeControl");
    private static final Helper LMSW = system("lmsw");
    private static final Helper CLTS = system("clts");
    private static final Helper INVLPG = system("invlpg");
    private static final Helper READ_DEBUG = system("readDebug");
    private static final Helper WRITE_DEBUG = system("writeDebug");
    private static final Helper RDMSR = system("rdmsr");
    private static final Helper WRMSR = system("wrmsr");
    private static final Helper RDTSC = system("rdtsc");
    private static final Helper FEATURES = system("features");

    private static final X86Semantics USER = new X86Semantics();

    private static Helper system(String name) {
        return Helper.of(SystemInstructions.class, name, Effect.READS_STATE, Effect.WRITES_STATE, Effect.MAY_FAULT,
                Effect.TOUCHES_MEMORY);
    }

    /** #GP(0) unless at CPL 0 (real mode is CPL 0, virtual-8086 mode CPL 3); false when it faulted. */
    private static boolean ring0(Emitter e) {
        if (e.mode().cpl() != 0) {
            e.raise(Vector.GP, 0);
            return false;
        }
        return true;
    }

    /** #UD in real-address and virtual-8086 mode (the protected-mode-only instructions); false when it faulted. */
    private static boolean protectedOnly(Emitter e) {
        if (e.mode().realAddressing()) {
            e.raise(Vector.UD, 0);
            return false;
        }
        return true;
    }

    private static Temp next(Emitter e) {
        return e.i32((int) e.insn().next());
    }

    // ---- interrupts and far transfers ----

    private static void softwareInterrupt(Emitter e, int vector, Interrupts.Source source) {
        e.call(SOFTWARE_INTERRUPT, e.i32(vector), next(e), e.i32(source.ordinal()));
        e.exitToStatePc();
    }

    public void int_(Emitter e) {
        softwareInterrupt(e, (int) e.insn().immediate() & 0xFF, Interrupts.Source.SOFTWARE);
    }

    public void int3(Emitter e) {
        softwareInterrupt(e, Vector.BP, Interrupts.Source.SOFTWARE_TRAP);
    }

    public void int1(Emitter e) {
        softwareInterrupt(e, Vector.DB, Interrupts.Source.EXCEPTION);
    }

    public void into(Emitter e) {
        e.call(INTO, e.condition(0), next(e));
        e.exitToStatePc();
    }

    /** The selector and offset of a far pointer operand (Ap immediate, or Mp in memory: offset then selector). */
    private static Temp[] farPointer(Emitter e) {
        int w = e.opsize();
        if (e.insn().operand(0).method() == OperandKind.Method.FAR) {
            return new Temp[] {e.i32(e.insn().immediate2() & 0xFFFF), e.i32((int) e.insn().immediate())};
        }
        Temp address = e.address(0);
        Temp offset = e.load(w, address);
        Temp selector = e.load(2, e.op(Op.ADD, address, w));
        return new Temp[] {selector, offset};
    }

    public void jmpf(Emitter e) {
        Temp[] p = farPointer(e);
        e.call(FAR_JUMP, p[0], p[1], e.i32(e.opsize()), next(e));
        e.exitToStatePc();
    }

    public void callf(Emitter e) {
        Temp[] p = farPointer(e);
        e.call(FAR_CALL, p[0], p[1], e.i32(e.opsize()), next(e));
        e.exitToStatePc();
    }

    public void retf(Emitter e) {
        int release = e.insn().form().operands().isEmpty() ? 0 : (int) e.insn().immediate() & 0xFFFF;
        e.call(FAR_RETURN, e.i32(e.opsize()), e.i32(release));
        e.exitToStatePc();
    }

    /** IRET: may set IF, so interrupts are looked at right after it. */
    public void iret(Emitter e) {
        e.call(INTERRUPT_RETURN, e.i32(e.opsize()), next(e));
        e.stopAtStatePc(X86Semantics.STOP_INTERRUPT_WINDOW);
    }

    public void sysenter(Emitter e) {
        e.call(SYSENTER);
        e.exitToStatePc();
    }

    public void sysexit(Emitter e) {
        e.call(SYSEXIT);
        e.exitToStatePc();
    }

    // ---- IF, EFLAGS and halting ----

    /**
     * NOP, and with an F3 prefix PAUSE, the spin-wait hint (SDM vol. 2 PAUSE): that ends the region
     * with {@link X86Semantics#STOP_PAUSE}, so the machine charges it the time a processor spends
     * there. The other NOP forms do nothing here either.
     */
    public void nop(Emitter e) {
        if (e.insn().pause()) {
            e.stop(X86Semantics.STOP_PAUSE, e.insn().next());
        }
    }

    public void hlt(Emitter e) {
        if (ring0(e)) {
            e.stop(X86Semantics.STOP_HALT, e.insn().next());
        }
    }

    public void cli(Emitter e) {
        e.call(CLI);
    }

    /** STI: interrupts are recognised after the next instruction (SDM vol. 2 STI). */
    public void sti(Emitter e) {
        e.call(STI);
        e.openInterruptWindow();
    }

    public void pushf(Emitter e) {
        int w = e.opsize();
        Temp flags = e.call(PUSHF, e.i32(w));
        Temp esp = e.stackBelow(w);
        e.storeStack(w, esp, e.truncate(flags, w));
        e.setStack(esp);
    }

    /** POPF: may set IF, so interrupts are looked at right after it. */
    public void popf(Emitter e) {
        int w = e.opsize();
        Temp v = e.loadStack(w, 0);
        Temp esp = e.op(Op.ADD, e.stackPointer(), w);
        e.call(POPF, v, e.i32(w));
        e.setStack(esp);
        e.stop(X86Semantics.STOP_INTERRUPT_WINDOW, e.insn().next());
    }

    // ---- port I/O ----

    public void in(Emitter e) {
        int w = e.width(0);
        e.write(0, e.call(IN, e.read(1), e.i32(w)));
    }

    public void out(Emitter e) {
        int w = e.width(1);
        e.call(OUT, e.read(0), e.i32(w), e.read(1));
    }

    public void ins(Emitter e) {
        X86Semantics.string(e, () -> {
            int w = e.width(0);
            Temp v = e.call(IN, e.register(2, 2), e.i32(w));
            e.write(0, v);
            X86Semantics.advance(e, 7, e.stringStep(w));
            return null;
        });
    }

    public void outs(Emitter e) {
        X86Semantics.string(e, () -> {
            int w = e.width(1);
            Temp v = e.read(1);
            e.call(OUT, e.register(2, 2), e.i32(w), v);
            X86Semantics.advance(e, 6, e.stringStep(w));
            return null;
        });
    }

    // ---- identification, time and model-specific registers ----

    /** CPUID with the features of this machine, which reports the APIC only when the platform has one. */
    public void cpuid(Emitter e) {
        X86Semantics.identify(e, e.call(FEATURES));
    }

    public void rdtsc(Emitter e) {
        X86Semantics.timeStamp(e, RDTSC);
    }

    public void rdmsr(Emitter e) {
        if (ring0(e)) {
            Temp v = e.call(RDMSR, e.register(1, 4));
            e.setRegister(0, 4, e.low(v));
            e.setRegister(2, 4, e.high(v));
        }
    }

    public void wrmsr(Emitter e) {
        if (ring0(e)) {
            e.call(WRMSR, e.register(1, 4), e.register(0, 4), e.register(2, 4));
        }
    }

    // ---- descriptor tables ----

    private static void loadTable(Emitter e, int idt) {
        if (ring0(e)) {
            Temp address = e.address(0);
            Temp limit = e.load(2, address);
            Temp base = e.load(4, e.op(Op.ADD, address, 2));
            e.call(LOAD_TABLE, e.i32(idt), limit, base, e.i32(e.opsize()));
        }
    }

    private static void storeTable(Emitter e, int idt) {
        Temp address = e.address(0);
        Temp table = e.call(STORE_TABLE, e.i32(idt));
        e.store(2, address, e.high(table));
        e.store(4, e.op(Op.ADD, address, 2), e.low(table));
    }

    public void lgdt(Emitter e) {
        loadTable(e, 0);
    }

    public void lidt(Emitter e) {
        loadTable(e, 1);
    }

    public void sgdt(Emitter e) {
        storeTable(e, 0);
    }

    public void sidt(Emitter e) {
        storeTable(e, 1);
    }

    public void lldt(Emitter e) {
        if (protectedOnly(e) && ring0(e)) {
            e.call(LLDT, e.read(0));
        }
    }

    public void ltr(Emitter e) {
        if (protectedOnly(e) && ring0(e)) {
            e.call(LTR, e.read(0));
        }
    }

    /** SLDT and STR: a register destination takes the selector zero-extended, memory 16 bits. */
    private static void storeSelector(Emitter e, Helper which) {
        if (protectedOnly(e)) {
            Temp selector = e.call(which);
            if (e.isMemory(0)) {
                e.store(2, e.writableAddress(0), selector);
            } else {
                e.setRegister(e.insn().rm(), e.opsize(), selector);
            }
        }
    }

    public void sldt(Emitter e) {
        storeSelector(e, SLDT);
    }

    public void str(Emitter e) {
        storeSelector(e, STR);
    }

    private static void setZero(Emitter e, Temp zero) {
        e.setFlagsValue(e.op(Op.OR, e.op(Op.AND, e.flags(), ~Flags.ZF), e.op(Op.SHL, zero, 6)));
    }

    /** LAR and LSL: the helper answers bit 32 set and the value, or 0 when ZF is to be cleared. */
    private static void examine(Emitter e, Helper which) {
        if (protectedOnly(e)) {
            Temp answer = e.call(which, e.read(1));
            Temp ok = e.op(Op.AND, e.high(answer), 1);
            e.write(0, e.select(ok, e.low(answer), e.read(0)));
            setZero(e, ok);
        }
    }

    public void lar(Emitter e) {
        examine(e, LAR);
    }

    public void lsl(Emitter e) {
        examine(e, LSL);
    }

    public void verr(Emitter e) {
        if (protectedOnly(e)) {
            setZero(e, e.call(VERIFY, e.read(0), e.i32(0)));
        }
    }

    public void verw(Emitter e) {
        if (protectedOnly(e)) {
            setZero(e, e.call(VERIFY, e.read(0), e.i32(1)));
        }
    }

    public void arpl(Emitter e) {
        if (protectedOnly(e)) {
            USER.arpl(e);
        }
    }

    // ---- control and debug registers, caches and the TLB ----

    /** SMSW: allowed at any privilege; a register destination gets all of CR0 with a 32-bit operand. */
    public void smsw(Emitter e) {
        Temp cr0 = e.call(READ_CONTROL, e.i32(0));
        if (e.isMemory(0)) {
            e.store(2, e.writableAddress(0), cr0);
        } else {
            e.setRegister(e.insn().rm(), e.opsize(), cr0);
        }
    }

    public void lmsw(Emitter e) {
        if (ring0(e)) {
            e.call(LMSW, e.read(0));
            e.modeChanged();
        }
    }

    /** CLTS: TS decides whether x87 instructions trap, which is part of the mode. */
    public void clts(Emitter e) {
        if (ring0(e)) {
            e.call(CLTS);
            e.modeChanged();
        }
    }

    public void invlpg(Emitter e) {
        if (ring0(e)) {
            e.call(INVLPG, e.address(0));
            e.modeChanged();
        }
    }

    public void invd(Emitter e) {
        ring0(e);
    }

    public void wbinvd(Emitter e) {
        ring0(e);
    }

    /** MOV from CRn or DRn ({@code which} reads it): to a general register, always 32 bits. */
    private static void moveFrom(Emitter e, Helper which) {
        if (ring0(e)) {
            e.setRegister(e.insn().rm(), 4, e.call(which, e.i32(e.insn().reg())));
        }
    }

    /** MOV to CRn or DRn ({@code which} writes it). */
    private static void moveTo(Emitter e, Helper which) {
        if (ring0(e)) {
            e.call(which, e.i32(e.insn().reg()), e.register(e.insn().rm(), 4));
        }
    }

    public void movFromControl(Emitter e) {
        moveFrom(e, READ_CONTROL);
    }

    /** MOV to CRn: paging and protection bits change the mode. */
    public void movToControl(Emitter e) {
        moveTo(e, WRITE_CONTROL);
        e.modeChanged();
    }

    public void movFromDebug(Emitter e) {
        moveFrom(e, READ_DEBUG);
    }

    /** MOV to DRn ends the region: an instruction breakpoint it arms may be on the very next instruction. */
    public void movToDebug(Emitter e) {
        moveTo(e, WRITE_DEBUG);
        e.modeChanged();
    }

    /** Segment loads through MOV, POP and LxS end the region where they can change the mode. */
    static void segmentLoaded(Emitter e, int segment) {
        if (e.system() && segment != DecodedInsn.FS && segment != DecodedInsn.GS) {
            e.modeChanged();
        }
    }
}
