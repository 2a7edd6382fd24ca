package dev.mimic.x86.protect;

/**
 * An 8-byte segment or gate descriptor as it sits in the GDT, LDT or IDT (SDM vol. 3 3.4.5, 5.8.3,
 * 6.11): the two doublewords, and the fields the protection checks read.
 */
public record Descriptor(int low, int high) {
    /** System descriptor and gate types (SDM vol. 3 table 3-2). */
    public static final int TSS16_AVAILABLE = 1, LDT = 2, TSS16_BUSY = 3, CALL_GATE16 = 4, TASK_GATE = 5,
            INTERRUPT_GATE16 = 6, TRAP_GATE16 = 7, TSS32_AVAILABLE = 9, TSS32_BUSY = 11, CALL_GATE32 = 12,
            INTERRUPT_GATE32 = 14, TRAP_GATE32 = 15;
    /** The accessed bit of a segment descriptor's type, in {@link #high}. */
    public static final int ACCESSED = 1 << 8;
    /** The busy bit of a TSS descriptor's type, in {@link #high}. */
    public static final int BUSY = 1 << 9;

    public int base() {
        return low >>> 16 | (high & 0xFF) << 16 | high & 0xFF00_0000;
    }

    /** The limit in bytes (granularity applied). */
    public int limit() {
        int raw = low & 0xFFFF | high & 0xF_0000;
        return granular() ? raw << 12 | 0xFFF : raw;
    }

    public boolean granular() {
        return (high & 1 << 23) != 0;
    }

    /** The D/B bit: 32-bit code, a 32-bit stack (ESP), or an expand-down segment reaching 4 GiB. */
    public boolean big() {
        return (high & 1 << 22) != 0;
    }

    /** The four type bits. */
    public int type() {
        return high >>> 8 & 0xF;
    }

    /** The S bit: a code or data segment (true) or a system descriptor or gate (false). */
    public boolean segment() {
        return (high & 1 << 12) != 0;
    }

    public int dpl() {
        return high >>> 13 & 3;
    }

    public boolean present() {
        return (high & 1 << 15) != 0;
    }

    public boolean code() {
        return segment() && (type() & 8) != 0;
    }

    public boolean data() {
        return segment() && (type() & 8) == 0;
    }

    public boolean conforming() {
        return code() && (type() & 4) != 0;
    }

    /** Readable code or any data segment. */
    public boolean readable() {
        return data() || (type() & 2) != 0;
    }

    public boolean writableData() {
        return data() && (type() & 2) != 0;
    }

    public boolean expandDown() {
        return data() && (type() & 4) != 0;
    }

    /** A gate's target selector. */
    public int gateSelector() {
        return low >>> 16;
    }

    /** A gate's target offset (the high half only for 32-bit gates). */
    public int gateOffset() {
        int t = type();
        boolean wide = t == CALL_GATE32 || t == INTERRUPT_GATE32 || t == TRAP_GATE32;
        return low & 0xFFFF | (wide ? high & 0xFFFF_0000 : 0);
    }

    /** A call gate's parameter count. */
    public int gateParameters() {
        return high & 0x1F;
    }

    /** The attribute bits (type, S, DPL, P, AVL, L, D/B, G) as they sit in the high doubleword. */
    public int attributes() {
        return high & 0x00F0_FF00;
    }
}
