package dev.mimic.x86.protect;

import dev.mimic.x86.cpu.Vector;

/**
 * The descriptor-table registers and the instructions that examine descriptors (SDM vol. 2): LGDT,
 * LIDT, LLDT, LTR and their stores, and LAR, LSL, VERR and VERW, which answer in ZF instead of faulting.
 */
public final class SystemTables {
    private SystemTables() {
    }

    /** LLDT (and a task switch, which reports errors as {@code vector}). */
    public static void loadLdt(Cpu cpu, int selector, int vector) {
        selector &= 0xFFFF;
        if ((selector & ~3) == 0) {
            cpu.ldtSelector = 0;
            cpu.ldtBase = 0;
            cpu.ldtLimit = 0;
            return;
        }
        if ((selector & 4) != 0) {
            throw Vector.raise(vector, selector & ~3, "LDT selector in an LDT");
        }
        Descriptor d = Segments.read(cpu, selector, vector);
        if (d.segment() || d.type() != Descriptor.LDT) {
            throw Vector.raise(vector, selector & ~3, "not an LDT descriptor");
        }
        if (!d.present()) {
            throw Vector.raise(Vector.NP, selector & ~3, "LDT not present");
        }
        cpu.ldtSelector = selector;
        cpu.ldtBase = d.base();
        cpu.ldtLimit = d.limit();
    }

    /** LTR: an available TSS in the GDT, which becomes busy. */
    public static void loadTaskRegister(Cpu cpu, int selector) {
        selector &= 0xFFFF;
        if ((selector & ~3) == 0 || (selector & 4) != 0) {
            throw Vector.generalProtection(selector & ~3, "LTR of a null or LDT selector");
        }
        Descriptor d = Segments.read(cpu, selector, Vector.GP);
        if (d.segment() || d.type() != Descriptor.TSS32_AVAILABLE && d.type() != Descriptor.TSS16_AVAILABLE) {
            throw Vector.generalProtection(selector & ~3, "LTR of a descriptor that is not an available TSS");
        }
        if (!d.present()) {
            throw Vector.raise(Vector.NP, selector & ~3, "TSS not present");
        }
        int at = cpu.gdtBase + (selector & ~7) + 4;
        cpu.writeSystem32(at, d.high() | Descriptor.BUSY);
        cpu.trSelector = selector;
        cpu.trBase = d.base();
        cpu.trLimit = d.limit();
        cpu.trAttributes = d.attributes() | Descriptor.BUSY;
    }

    /**
     * The descriptor LAR, LSL, VERR or VERW may look at, or null (ZF clear): it must be in its table and
     * visible at CPL and RPL unless it is conforming code.
     */
    private static Descriptor visible(Cpu cpu, int selector) {
        selector &= 0xFFFF;
        if ((selector & ~3) == 0) {
            return null;
        }
        int limit = (selector & 4) != 0 ? cpu.ldtLimit : cpu.gdtLimit;
        if (((selector & ~7) | 7) > limit) {
            return null;
        }
        Descriptor d = Segments.read(cpu, selector, Vector.GP);
        if (!d.conforming() && (d.dpl() < cpu.cpl || d.dpl() < (selector & 3))) {
            return null;
        }
        return d;
    }

    /** LAR: the access rights (high doubleword masked with 0x00F0FF00), or -1 when ZF is to be cleared. */
    public static long accessRights(Cpu cpu, int selector) {
        Descriptor d = visible(cpu, selector);
        if (d == null || !d.segment() && !larType(d.type())) {
            return -1;
        }
        return d.high() & 0x00F0_FF00L;
    }

    /** LSL: the limit in bytes, or -1 when ZF is to be cleared. */
    public static long segmentLimit(Cpu cpu, int selector) {
        Descriptor d = visible(cpu, selector);
        if (d == null || !d.segment() && !lslType(d.type())) {
            return -1;
        }
        return d.limit() & 0xFFFF_FFFFL;
    }

    /** VERR ({@code write} false) and VERW: true when ZF is to be set. */
    public static boolean verify(Cpu cpu, int selector, boolean write) {
        Descriptor d = visible(cpu, selector);
        if (d == null || !d.segment()) {
            return false;
        }
        return write ? d.writableData() : d.readable();
    }

    private static boolean larType(int type) {
        return switch (type) {
            case Descriptor.TSS16_AVAILABLE, Descriptor.LDT, Descriptor.TSS16_BUSY, Descriptor.CALL_GATE16,
                 Descriptor.TASK_GATE, Descriptor.TSS32_AVAILABLE, Descriptor.TSS32_BUSY, Descriptor.CALL_GATE32 -> true;
            default -> false;
        };
    }

    private static boolean lslType(int type) {
        return switch (type) {
            case Descriptor.TSS16_AVAILABLE, Descriptor.LDT, Descriptor.TSS16_BUSY, Descriptor.TSS32_AVAILABLE,
                 Descriptor.TSS32_BUSY -> true;
            default -> false;
        };
    }
}
