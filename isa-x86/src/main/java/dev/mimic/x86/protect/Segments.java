package dev.mimic.x86.protect;

import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;

/**
 * Segment selectors turned into descriptors and loaded into segment registers with the checks of SDM
 * vol. 3 5.5-5.8 (MOV, POP, LDS..LGS; far transfers use {@link #loadCode}). In real-address and
 * virtual-8086 mode a selector is a paragraph number.
 */
public final class Segments {
    private Segments() {
    }

    /** The descriptor {@code selector} names; #GP(selector) (or {@code vector}) when it lies outside its table. */
    public static Descriptor read(Cpu cpu, int selector, int vector) {
        int index = selector & ~7;
        boolean local = (selector & 4) != 0;
        int tableBase = local ? cpu.ldtBase : cpu.gdtBase;
        int tableLimit = local ? cpu.ldtLimit : cpu.gdtLimit;
        if (local && (cpu.ldtSelector & ~3) == 0 || (index | 7) > (tableLimit & 0xFFFF_FFFFL)) {
            throw Vector.raise(vector, selector & ~3, "selector 0x" + Integer.toHexString(selector) + " outside its table");
        }
        return new Descriptor(cpu.readSystem32(tableBase + index), cpu.readSystem32(tableBase + index + 4));
    }

    /** Sets the accessed bit of a segment descriptor the CPU loads (SDM vol. 3 3.4.5.1). */
    public static void markAccessed(Cpu cpu, int selector, Descriptor d) {
        if ((d.high() & Descriptor.ACCESSED) == 0) {
            int tableBase = (selector & 4) != 0 ? cpu.ldtBase : cpu.gdtBase;
            cpu.writeSystem32(tableBase + (selector & ~7) + 4, d.high() | Descriptor.ACCESSED);
        }
    }

    /** Loads data or stack segment register {@code segment} as MOV, POP and LxS do. */
    public static void load(Cpu cpu, int segment, int selector) {
        selector &= 0xFFFF;
        if (!cpu.protectedMode() || cpu.v86()) {
            loadReal(cpu, segment, selector);
            return;
        }
        if ((selector & ~3) == 0) {
            if (segment == DecodedInsn.SS) {
                throw Vector.generalProtection(0, "null stack segment");
            }
            cpu.setSegment(segment, selector, 0, 0, 0);
            return;
        }
        Descriptor d = read(cpu, selector, Vector.GP);
        int rpl = selector & 3;
        if (segment == DecodedInsn.SS) {
            if (rpl != cpu.cpl || !d.writableData() || d.dpl() != cpu.cpl) {
                throw Vector.generalProtection(selector & ~3, "stack segment 0x" + Integer.toHexString(selector));
            }
            if (!d.present()) {
                throw Vector.raise(Vector.SS, selector & ~3, "stack segment not present");
            }
        } else {
            if (!d.readable() || (d.data() || !d.conforming()) && (rpl > d.dpl() || cpu.cpl > d.dpl())) {
                throw Vector.generalProtection(selector & ~3, "data segment 0x" + Integer.toHexString(selector));
            }
            if (!d.present()) {
                throw Vector.raise(Vector.NP, selector & ~3, "segment not present");
            }
        }
        markAccessed(cpu, selector, d);
        cpu.setSegment(segment, selector, d.base(), d.limit(), d.attributes() | Descriptor.ACCESSED);
    }

    /** A real-mode or virtual-8086 load: base = selector * 16; v86 segments are 64 KiB, DPL 3. */
    public static void loadReal(Cpu cpu, int segment, int selector) {
        if (cpu.v86()) {
            cpu.setSegment(segment, selector, selector << 4, 0xFFFF, segment == DecodedInsn.CS ? 0xF300 | 0x800 : 0xF300);
        } else {
            cpu.setSegment(segment, selector, selector << 4, cpu.limit(segment), cpu.attributes[segment]);
        }
    }

    /** Loads CS with a code segment descriptor at privilege {@code cpl} (the checks are the caller's). */
    public static void loadCode(Cpu cpu, int selector, Descriptor d, int cpl) {
        markAccessed(cpu, selector, d);
        cpu.cpl = cpl;
        cpu.setSegment(DecodedInsn.CS, selector & ~3 | cpl, d.base(), d.limit(), d.attributes() | Descriptor.ACCESSED);
    }

    /**
     * After a return to an outer level, data segment registers the new privilege may not use become null
     * (SDM vol. 3 5.8.6: RET and IRET to a less privileged level).
     */
    public static void nullInaccessible(Cpu cpu) {
        for (int s : new int[] {DecodedInsn.ES, DecodedInsn.DS, DecodedInsn.FS, DecodedInsn.GS}) {
            int a = cpu.attributes[s];
            int dpl = a >>> 13 & 3;
            boolean conformingCode = (a & 0x1C00) == 0x1C00;
            if ((cpu.selector(s) & ~3) != 0 && !conformingCode && dpl < cpu.cpl) {
                cpu.setSegment(s, 0, 0, 0, 0);
            }
        }
    }
}
