package dev.mimic.x86.cpu;

/**
 * The integer operations whose IR would be long or which may raise an exception: division,
 * rotates, double shifts, bit scans and the decimal adjustments. Pure static helpers (SDM vol. 2
 * pseudo-code of each instruction); results that have two parts come packed in a long, the first
 * part in the low 32 bits.
 */
public final class Alu {
    private Alu() {
    }

    /**
     * DIV of {@code dividend} (AX, DX:AX or EDX:EAX, zero-extended) by {@code divisor} for
     * {@code bytes}-wide operands: quotient in the low half, remainder in the high half. #DE when the
     * divisor is zero or the quotient does not fit.
     */
    public static long divu(long dividend, int divisor, int bytes) {
        long d = Integer.toUnsignedLong(divisor) & mask(bytes);
        if (d == 0) {
            throw Vector.raise(Vector.DE, 0, "divide error: division by zero");
        }
        long q = Long.divideUnsigned(dividend, d);
        if (Long.compareUnsigned(q, mask(bytes)) > 0) {
            throw Vector.raise(Vector.DE, 0, "divide error: quotient too large");
        }
        return q & 0xFFFF_FFFFL | Long.remainderUnsigned(dividend, d) << 32;
    }

    /** IDIV, as {@link #divu} with signed operands ({@code dividend} sign-extended to 64 bits). */
    public static long divs(long dividend, int divisor, int bytes) {
        long d = signExtend(divisor, bytes);
        if (d == 0) {
            throw Vector.raise(Vector.DE, 0, "divide error: division by zero");
        }
        if (dividend == Long.MIN_VALUE && d == -1) {
            throw Vector.raise(Vector.DE, 0, "divide error: quotient too large");
        }
        long q = dividend / d;
        long limit = 1L << (8 * bytes - 1);
        if (q < -limit || q >= limit) {
            throw Vector.raise(Vector.DE, 0, "divide error: quotient too large");
        }
        return q & 0xFFFF_FFFFL | (dividend % d) << 32;
    }

    /**
     * ROL (kind 0), ROR (1), RCL (2) and RCR (3) of {@code bytes}-wide {@code value} by {@code count}
     * (already masked to five bits, not zero) with arithmetic flags {@code flags} before: the result in the
     * low half, the new arithmetic flags (CF and OF changed) in the high half.
     */
    public static long rotate(int kind, int bytes, int value, int count, int flags) {
        int bits = 8 * bytes;
        long v = value & mask(bytes);
        int cf = flags & Flags.CF;
        long r;
        int newCf;
        if (kind < 2) {
            int n = count % bits;
            r = (v << (kind == 0 ? n : bits - n) | v >>> (kind == 0 ? bits - n : n)) & mask(bytes);
            newCf = kind == 0 ? (int) (r & 1) : (int) (r >>> bits - 1 & 1);
        } else {
            int n = count % (bits + 1);
            long wide = v | (long) cf << bits;
            int span = bits + 1;
            long m = (1L << span) - 1;
            long rot = (kind == 2 ? wide << n | wide >>> span - n : wide >>> n | wide << span - n) & m;
            r = rot & mask(bytes);
            newCf = (int) (rot >>> bits & 1);
        }
        int msb = (int) (r >>> bits - 1 & 1);
        int of = kind == 0 || kind == 2 ? msb ^ newCf : msb ^ (int) (r >>> bits - 2 & 1);
        int newFlags = flags & ~(Flags.CF | Flags.OF) | newCf | (of != 0 ? Flags.OF : 0);
        return r | (long) newFlags << 32;
    }

    /** SHLD: {@code dest} shifted left by {@code count} (1..31) with bits from {@code source} shifted in. */
    public static int shld(int bytes, int dest, int source, int count) {
        int bits = 8 * bytes;
        long joined = (dest & mask(bytes)) << bits | source & mask(bytes);
        return (int) (joined << count >>> bits);
    }

    /** SHRD: {@code dest} shifted right by {@code count} (1..31) with bits from {@code source} shifted in. */
    public static int shrd(int bytes, int dest, int source, int count) {
        int bits = 8 * bytes;
        long joined = (source & mask(bytes)) << bits | dest & mask(bytes);
        return (int) (joined >>> count);
    }

    /** BSF: the index of the lowest set bit (the operand is not zero). */
    public static int bsf(int value) {
        return Integer.numberOfTrailingZeros(value);
    }

    /** BSR: the index of the highest set bit (the operand is not zero). */
    public static int bsr(int value) {
        return 31 - Integer.numberOfLeadingZeros(value);
    }

    public static int bswap(int value) {
        return Integer.reverseBytes(value);
    }

    /** DAA on AL with arithmetic flags {@code flags}: the new AL in the low half, the new flags in the high half. */
    public static long daa(int al, int flags) {
        return decimal(al, flags, 1);
    }

    /** DAS, as {@link #daa}. */
    public static long das(int al, int flags) {
        return decimal(al, flags, -1);
    }

    /** SDM vol. 2 DAA and DAS: adjust by 6 per nibble; DAA clears CF when no high adjustment happens, DAS keeps it. */
    private static long decimal(int al, int flags, int sign) {
        int oldAl = al & 0xFF;
        boolean oldCf = (flags & Flags.CF) != 0;
        boolean cf = false;
        boolean af = false;
        int r = oldAl;
        if ((oldAl & 0xF) > 9 || (flags & Flags.AF) != 0) {
            int adjusted = r + 6 * sign;
            cf = oldCf || adjusted < 0 || adjusted > 0xFF;
            r = adjusted & 0xFF;
            af = true;
        }
        if (oldAl > 0x99 || oldCf) {
            r = (r + 0x60 * sign) & 0xFF;
            cf = true;
        } else if (sign > 0) {
            cf = false;
        }
        return r | (long) result8(r, flags & Flags.OF, cf, af) << 32;
    }

    /** AAA on AX with arithmetic flags {@code flags}: the new AX in the low half, the new flags in the high half. */
    public static long aaa(int ax, int flags) {
        return ascii(ax, flags, 1);
    }

    /** AAS, as {@link #aaa}. */
    public static long aas(int ax, int flags) {
        return ascii(ax, flags, -1);
    }

    /** SDM vol. 2 AAA and AAS (the forms of processors after the 80286: AX adjusted as a whole). */
    private static long ascii(int ax, int flags, int sign) {
        ax &= 0xFFFF;
        boolean adjust = (ax & 0xF) > 9 || (flags & Flags.AF) != 0;
        if (adjust) {
            int t = sign > 0 ? ax + 0x106 : ax - 6;
            ax = sign > 0 ? t : (((t >> 8) - 1) & 0xFF) << 8 | t & 0xFF;
        }
        ax = ax & 0xFF0F;
        return ax | (long) result8(ax & 0xFF, flags & Flags.OF, adjust, adjust) << 32;
    }

    private static int result8(int r, int keep, boolean cf, boolean af) {
        return keep | Flags.parity(r) | (r == 0 ? Flags.ZF : 0) | ((r & 0x80) != 0 ? Flags.SF : 0)
                | (cf ? Flags.CF : 0) | (af ? Flags.AF : 0);
    }

    /** AAM with base {@code base}: the new AX; #DE when the base is zero. */
    public static int aam(int al, int base) {
        if (base == 0) {
            throw Vector.raise(Vector.DE, 0, "divide error: AAM with base 0");
        }
        al &= 0xFF;
        return (al / base) << 8 | al % base;
    }

    private static long mask(int bytes) {
        return bytes == 4 ? 0xFFFF_FFFFL : (1L << 8 * bytes) - 1;
    }

    private static long signExtend(int value, int bytes) {
        return bytes == 4 ? value : bytes == 2 ? (short) value : (byte) value;
    }
}
