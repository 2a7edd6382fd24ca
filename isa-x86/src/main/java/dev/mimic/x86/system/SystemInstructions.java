package dev.mimic.x86.system;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.protect.Cpu;
import dev.mimic.x86.protect.Interrupts;
import dev.mimic.x86.protect.Segments;
import dev.mimic.x86.protect.SystemTables;
import dev.mimic.x86.protect.Transfers;
import dev.mimic.x86.protect.VirtualInterrupts;
import dev.mimic.x86.protect.Tss;

/**
 * The helpers system-mode IR calls for instructions that involve the processor's system state: far
 * transfers, software interrupts, IF and IOPL, port I/O, descriptor tables, control, debug and
 * model-specific registers, SYSENTER and SYSEXIT. Each is a static method taking the
 * {@link ExecutionContext} of an {@link X86System}; the privilege checks that depend on CPL alone are
 * made at translation time (CPL is part of the mode), those that depend on IOPL or tables here.
 */
public final class SystemInstructions {
    /** The bits of DR6 and DR7 a MOV writes; the others are reserved. */
    private static final int DR6_WRITABLE = 0xE00F, DR7_WRITABLE = 0xFFFF_23FF;
    private SystemInstructions() {
    }

    private static Cpu cpu(ExecutionContext ctx) {
        return ctx.machine(X86System.class).cpu();
    }

    /** The pc of {@code eip} in the mode the processor is in now (after a mode change). */
    public static long resume(ExecutionContext ctx, int eip) {
        return cpu(ctx).pc(eip);
    }

    // ---- transfers ----

    /**
     * INT n, INT3 and INT1 ({@code source} the ordinal of their {@link Interrupts.Source}: SOFTWARE,
     * SOFTWARE_TRAP, and EXCEPTION for INT1, which has no DPL check).
     */
    public static void softwareInterrupt(ExecutionContext ctx, int vector, int next, int source) {
        Cpu cpu = cpu(ctx);
        cpu.atomically(() -> Interrupts.deliver(cpu, vector, -1, next, Interrupts.Source.values()[source]));
    }

    /** INTO: #OF as a trap when OF is set, else on to the next instruction. */
    public static void into(ExecutionContext ctx, int overflow, int next) {
        if (overflow != 0) {
            softwareInterrupt(ctx, Vector.OF, next, Interrupts.Source.SOFTWARE_TRAP.ordinal());
        } else {
            cpu(ctx).jump(next);
        }
    }

    public static void farJump(ExecutionContext ctx, int selector, int offset, int opsize, int next) {
        Cpu cpu = cpu(ctx);
        cpu.atomically(() -> Transfers.far(cpu, selector, offset, opsize, next, false));
    }

    public static void farCall(ExecutionContext ctx, int selector, int offset, int opsize, int next) {
        Cpu cpu = cpu(ctx);
        cpu.atomically(() -> Transfers.far(cpu, selector, offset, opsize, next, true));
    }

    public static void farReturn(ExecutionContext ctx, int opsize, int release) {
        Cpu cpu = cpu(ctx);
        cpu.atomically(() -> Transfers.farReturn(cpu, opsize, release));
    }

    /**
     * IRET; {@code next} is where a nested task's return leaves the task it ends. It unblocks NMIs. When
     * it sets RF, the processor looks at it before the next instruction (RF suppresses that
     * instruction's breakpoint and clears as it starts).
     */
    public static void interruptReturn(ExecutionContext ctx, int opsize, int next) {
        Cpu cpu = cpu(ctx);
        cpu.atomically(() -> Transfers.interruptReturn(cpu, opsize, next));
        cpu.nmiBlocked = false;
        if ((cpu.eflags() & Flags.RF) != 0) {
            ctx.machine(X86System.class).recheckAfterInstruction();
        }
    }

    /** SYSENTER (SDM vol. 2): to the flat ring 0 code and stack the MSRs name. */
    public static void sysenter(ExecutionContext ctx) {
        Cpu cpu = cpu(ctx);
        int cs = cpu.msrs.sysenterCs() & 0xFFFC;
        if (!cpu.protectedMode() || cs == 0) {
            throw Vector.generalProtection(0, "SYSENTER with SYSENTER_CS 0 or outside protected mode");
        }
        cpu.setEflags(cpu.eflags() & ~(Flags.VM | Flags.IF | Flags.RF));
        cpu.cpl = 0;
        cpu.setSegment(DecodedInsn.CS, cs, 0, -1, Cpu.FLAT_CODE);
        cpu.setSegment(DecodedInsn.SS, cs + 8, 0, -1, Cpu.FLAT_DATA);
        cpu.setGpr(4, cpu.msrs.sysenterEsp());
        cpu.jump(cpu.msrs.sysenterEip());
    }

    /** SYSEXIT: to flat ring 3 code at EDX with the stack at ECX. */
    public static void sysexit(ExecutionContext ctx) {
        Cpu cpu = cpu(ctx);
        int cs = cpu.msrs.sysenterCs() & 0xFFFC;
        if (!cpu.protectedMode() || cpu.v86() || cpu.cpl != 0 || cs == 0) {
            throw Vector.generalProtection(0, "SYSEXIT outside ring 0 or with SYSENTER_CS 0");
        }
        cpu.cpl = 3;
        cpu.setSegment(DecodedInsn.CS, cs + 16 | 3, 0, -1, Cpu.FLAT_CODE | 3 << 13);
        cpu.setSegment(DecodedInsn.SS, cs + 24 | 3, 0, -1, Cpu.FLAT_DATA | 3 << 13);
        cpu.setGpr(4, cpu.gpr(1));
        cpu.jump(cpu.gpr(2));
    }

    // ---- IF, IOPL and port I/O ----

    /** True when CLI, STI and port I/O without a bitmap are allowed: real mode, or CPL <= IOPL. */
    private static boolean ioPrivileged(Cpu cpu) {
        return !cpu.protectedMode() || cpu.cpl <= cpu.iopl();
    }

    public static void cli(ExecutionContext ctx) {
        setInterruptFlag(cpu(ctx), false);
    }

    public static void sti(ExecutionContext ctx) {
        setInterruptFlag(cpu(ctx), true);
    }

    /** CLI and STI; with IOPL below 3 they work on VIF where CR4.VME or CR4.PVI say so, else fault. */
    private static void setInterruptFlag(Cpu cpu, boolean on) {
        if (!ioPrivileged(cpu)) {
            if (VirtualInterrupts.virtualizes(cpu)) {
                VirtualInterrupts.setInterruptFlag(cpu, on);
                return;
            }
            throw Vector.generalProtection(0, (on ? "STI" : "CLI") + " with CPL > IOPL");
        }
        int flags = cpu.eflags();
        cpu.setEflags(on ? flags | Flags.IF : flags & ~Flags.IF);
    }

    /**
     * PUSHF in virtual-8086 mode needs IOPL 3, or CR4.VME and a 16-bit operand; returns EFLAGS as PUSHF
     * pushes it.
     */
    public static int pushf(ExecutionContext ctx, int opsize) {
        Cpu cpu = cpu(ctx);
        if (cpu.v86() && cpu.iopl() < 3) {
            if (VirtualInterrupts.extendsV86(cpu, opsize)) {
                return VirtualInterrupts.pushedFlags(cpu);
            }
            throw Vector.generalProtection(0, "PUSHF in virtual-8086 mode with IOPL < 3");
        }
        return cpu.eflags() & ~(Flags.VM | Flags.RF);
    }

    /** POPF (SDM vol. 2 POPF): IOPL changes only at CPL 0, IF only at CPL <= IOPL; VM never. */
    public static void popf(ExecutionContext ctx, int value, int opsize) {
        Cpu cpu = cpu(ctx);
        if (cpu.v86() && cpu.iopl() < 3) {
            if (VirtualInterrupts.extendsV86(cpu, opsize)) {
                VirtualInterrupts.popFlags(cpu, value);
                return;
            }
            throw Vector.generalProtection(0, "POPF in virtual-8086 mode with IOPL < 3");
        }
        int changeable = Flags.ARITHMETIC | Flags.TF | Flags.DF | Flags.NT | Flags.AC | Flags.ID
                | (ioPrivileged(cpu) ? Flags.IF : 0) | (cpu.cpl == 0 || !cpu.protectedMode() ? Flags.IOPL : 0);
        if (opsize == 2) {
            changeable &= 0xFFFF;
        }
        cpu.setEflags(cpu.eflags() & ~changeable | value & changeable);
    }

    /** Checks that the current privilege may use {@code size} ports at {@code port} (SDM vol. 1 18.5). */
    private static void checkPorts(Cpu cpu, int port, int size) {
        if (cpu.protectedMode() && (cpu.cpl > cpu.iopl() || cpu.v86()) && !Tss.allowsPorts(cpu, port, size)) {
            throw Vector.generalProtection(0, "I/O port 0x" + Integer.toHexString(port) + " not permitted");
        }
    }

    public static int in(ExecutionContext ctx, int port, int size) {
        X86System machine = ctx.machine(X86System.class);
        checkPorts(machine.cpu(), port & 0xFFFF, size);
        int value = machine.ports().in(port & 0xFFFF, size);
        machine.portAccessed(port & 0xFFFF, size);
        return value;
    }

    public static void out(ExecutionContext ctx, int port, int size, int value) {
        X86System machine = ctx.machine(X86System.class);
        checkPorts(machine.cpu(), port & 0xFFFF, size);
        machine.ports().out(port & 0xFFFF, size, value);
        machine.portAccessed(port & 0xFFFF, size);
    }

    // ---- descriptor tables ----

    /** LGDT ({@code idt} 0) or LIDT: with a 16-bit operand only 24 bits of the base are loaded. */
    public static void loadTable(ExecutionContext ctx, int idt, int limit, int base, int opsize) {
        Cpu cpu = cpu(ctx);
        int b = opsize == 2 ? base & 0xFF_FFFF : base;
        if (idt != 0) {
            cpu.idtBase = b;
            cpu.idtLimit = limit & 0xFFFF;
        } else {
            cpu.gdtBase = b;
            cpu.gdtLimit = limit & 0xFFFF;
        }
    }

    /** SGDT ({@code idt} 0) or SIDT: the limit in the high half, the base in the low half. */
    public static long storeTable(ExecutionContext ctx, int idt) {
        Cpu cpu = cpu(ctx);
        return idt != 0 ? (long) cpu.idtLimit << 32 | cpu.idtBase & 0xFFFF_FFFFL
                : (long) cpu.gdtLimit << 32 | cpu.gdtBase & 0xFFFF_FFFFL;
    }

    public static void lldt(ExecutionContext ctx, int selector) {
        SystemTables.loadLdt(cpu(ctx), selector, Vector.GP);
    }

    public static void ltr(ExecutionContext ctx, int selector) {
        SystemTables.loadTaskRegister(cpu(ctx), selector);
    }

    public static int sldt(ExecutionContext ctx) {
        return cpu(ctx).ldtSelector;
    }

    public static int str(ExecutionContext ctx) {
        return cpu(ctx).trSelector;
    }

    /** LAR: bit 32 set and the access rights, or 0 when ZF is to be cleared. */
    public static long lar(ExecutionContext ctx, int selector) {
        return found(SystemTables.accessRights(cpu(ctx), selector));
    }

    /** LSL: bit 32 set and the limit, or 0 when ZF is to be cleared. */
    public static long lsl(ExecutionContext ctx, int selector) {
        return found(SystemTables.segmentLimit(cpu(ctx), selector));
    }

    private static long found(long value) {
        return value < 0 ? 0 : 1L << 32 | value;
    }

    public static int verify(ExecutionContext ctx, int selector, int write) {
        return SystemTables.verify(cpu(ctx), selector, write != 0) ? 1 : 0;
    }

    /** Loads a segment register (MOV, POP, LxS) with the checks of its mode; SS opens an interrupt shadow. */
    public static void loadSegment(ExecutionContext ctx, int segment, int selector) {
        Cpu cpu = cpu(ctx);
        Segments.load(cpu, segment, selector);
        cpu.interruptShadow = segment == DecodedInsn.SS;
    }

    // ---- control, debug and model-specific registers ----

    public static int readControl(ExecutionContext ctx, int n) {
        Cpu cpu = cpu(ctx);
        return switch (n) {
            case 0 -> cpu.cr0;
            case 2 -> cpu.cr2;
            case 3 -> cpu.cr3;
            case 4 -> cpu.cr4;
            default -> throw Vector.raise(Vector.UD, 0, "there is no CR" + n);
        };
    }

    /** MOV to CRn (SDM vol. 3 2.5): paging without protection is #GP(0), as are reserved CR4 bits. */
    public static void writeControl(ExecutionContext ctx, int n, int value) {
        Cpu cpu = cpu(ctx);
        switch (n) {
            case 0 -> {
                if ((value & Cpu.CR0_PG) != 0 && (value & Cpu.CR0_PE) == 0 || (value & Cpu.CR0_NW) != 0 && (value & Cpu.CR0_CD) == 0) {
                    throw Vector.generalProtection(0, "invalid CR0 value 0x" + Integer.toHexString(value));
                }
                cpu.setCr0(value);
            }
            case 2 -> cpu.cr2 = value;
            case 3 -> cpu.setCr3(value);
            case 4 -> {
                if ((value & ~0x1FF) != 0) {
                    throw Vector.generalProtection(0, "reserved CR4 bits in 0x" + Integer.toHexString(value));
                }
                cpu.setCr4(value);
            }
            default -> throw Vector.raise(Vector.UD, 0, "there is no CR" + n);
        }
    }

    /** LMSW: the low four bits of CR0; it can set PE but not clear it. */
    public static void lmsw(ExecutionContext ctx, int value) {
        Cpu cpu = cpu(ctx);
        cpu.setCr0(cpu.cr0 & ~0xE | value & 0xF | cpu.cr0 & Cpu.CR0_PE);
    }

    public static void clts(ExecutionContext ctx) {
        Cpu cpu = cpu(ctx);
        cpu.cr0 &= ~Cpu.CR0_TS;
    }

    public static void invlpg(ExecutionContext ctx, int linear) {
        cpu(ctx).invalidatePage(linear);
    }

    /** MOV from DRn: DR4 and DR5 alias DR6 and DR7 while CR4.DE is clear. */
    public static int readDebug(ExecutionContext ctx, int n) {
        Cpu cpu = cpu(ctx);
        return cpu.dr[debugRegister(cpu, n)];
    }

    /**
     * MOV to DRn. DR6's reserved bits read as after RESET (bits 4-11 and 16-31 set, 12 clear), DR7's
     * as bit 10 set and bits 11, 12, 14 and 15 clear.
     */
    public static void writeDebug(ExecutionContext ctx, int n, int value) {
        Cpu cpu = cpu(ctx);
        int reached = debugRegister(cpu, n);
        cpu.dr[reached] = switch (reached) {
            case 6 -> value & DR6_WRITABLE | Cpu.DR6_FIXED;
            case 7 -> value & DR7_WRITABLE | Cpu.DR7_FIXED;
            default -> value;
        };
        cpu.debugRegistersWritten();
    }

    /**
     * The debug register MOV reaches as DRn. With DR7.GD set the MOV is a #DB fault instead (general
     * detect, SDM vol. 3 17.2.4), with DR6.BD set and GD cleared so the handler may use them.
     */
    private static int debugRegister(Cpu cpu, int n) {
        int reached = n;
        if (n == 4 || n == 5) {
            if ((cpu.cr4 & Cpu.CR4_DE) != 0) {
                throw Vector.raise(Vector.UD, 0, "DR" + n + " with CR4.DE set");
            }
            reached = n + 2;
        }
        if ((cpu.dr[7] & Cpu.DR7_GD) != 0) {
            cpu.dr[6] |= Cpu.DR6_BD;
            cpu.dr[7] &= ~Cpu.DR7_GD;
            throw Vector.raise(Vector.DB, 0, "MOV DR" + n + " with DR7.GD set");
        }
        return reached;
    }

    public static long rdmsr(ExecutionContext ctx, int msr) {
        return cpu(ctx).msrs.read(msr, ctx.instructions);
    }

    public static void wrmsr(ExecutionContext ctx, int msr, int low, int high) {
        cpu(ctx).msrs.write(msr, (long) high << 32 | low & 0xFFFF_FFFFL, ctx.instructions);
    }

    /** The feature bits CPUID leaf 1 reports in EDX on this machine. */
    public static int features(ExecutionContext ctx) {
        return ctx.machine(X86System.class).features();
    }

    /** RDTSC: #GP(0) outside ring 0 when CR4.TSD is set. */
    public static long rdtsc(ExecutionContext ctx) {
        Cpu cpu = cpu(ctx);
        if ((cpu.cr4 & Cpu.CR4_TSD) != 0 && cpu.cpl > 0 && cpu.protectedMode()) {
            throw Vector.generalProtection(0, "RDTSC with CR4.TSD at CPL > 0");
        }
        return cpu.msrs.tsc(ctx.instructions);
    }
}
