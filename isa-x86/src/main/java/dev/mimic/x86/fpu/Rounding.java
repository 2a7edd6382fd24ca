package dev.mimic.x86.fpu;

/**
 * The rounding of one x87 operation: what the control word asks (precision control, rounding control,
 * exception masks; SDM vol. 1 8.1.5) and what the operation raised (the status word's exception flags
 * and C1's round-up). {@link #round} turns an exact result into the value the hardware delivers,
 * with the masked responses of SDM vol. 1 4.9.1.4-4.9.1.6: overflow to infinity or the largest finite
 * number by the rounding mode, gradual underflow with tininess detected before rounding, and the
 * exponent wrapped by 24576 when overflow or underflow is unmasked.
 *
 * <p>One object is reused by an FPU: {@link #reset} starts each operation.
 */
final class Rounding {
    static final int IE = 0x01, DE = 0x02, ZE = 0x04, OE = 0x08, UE = 0x10, PE = 0x20;
    static final int NEAREST = 0, DOWN = 1, UP = 2, TOWARD_ZERO = 3;
    /** The exponent ranges of the formats results round to: smallest and largest normal unbiased exponent. */
    static final int EXTENDED_MIN = 1 - Extended.BIAS, EXTENDED_MAX = Extended.BIAS;
    static final int DOUBLE_MIN = -1022, DOUBLE_MAX = 1023;
    static final int FLOAT_MIN = -126, FLOAT_MAX = 127;
    /** The exponent adjustment of an unmasked overflow or underflow (SDM vol. 1 4.9.1.4). */
    private static final int WRAP = 24576;

    private int control;
    private int flags;
    private boolean roundedUp;
    /** Set when a store to memory withholds its result (see {@link #toMemory}). */
    private boolean withheld;

    Rounding(int control) {
        reset(control);
    }

    /** Starts an operation under control word {@code control}. */
    Rounding reset(int control) {
        this.control = control;
        flags = 0;
        roundedUp = false;
        withheld = false;
        return this;
    }

    /** The significand bits of precision control: 24, 53, or 64 (also for the reserved setting). */
    int precision() {
        return switch (control >>> 8 & 3) {
            case 0 -> 24;
            case 2 -> 53;
            default -> 64;
        };
    }

    int mode() {
        return control >>> 10 & 3;
    }

    boolean masked(int flag) {
        return (control & flag) != 0;
    }

    void raise(int flag) {
        flags |= flag;
    }

    /** The exception flags raised so far. */
    int flags() {
        return flags;
    }

    /** Whether an inexact result was rounded away from zero (C1 after a precision exception). */
    boolean roundedUp() {
        return roundedUp;
    }

    /**
     * Whether an unmasked invalid-operation, denormal-operand or zero-divide exception stops the
     * instruction before it writes its result (SDM vol. 1 4.9.2).
     */
    boolean suppressed() {
        return withheld || (flags & ~control & (IE | DE | ZE)) != 0;
    }

    /**
     * Notes that the result goes to memory, where an unmasked overflow or underflow stores nothing and
     * leaves the stack as it was (so the result is not inexact either, and the instruction counts as
     * suppressed), as the hardware does (SDM vol. 1 8.5.4, 8.5.5); in a register the result is delivered
     * with its exponent adjusted instead.
     */
    void toMemory() {
        if ((flags & ~control & (OE | UE)) != 0) {
            flags &= ~PE;
            roundedUp = false;
            withheld = true;
        }
    }

    /** The QNaN indefinite, with the invalid-operation exception. */
    Extended invalid() {
        raise(IE);
        return Extended.INDEFINITE;
    }

    /**
     * Whether a magnitude with {@code kept} retained and {@code rest} discarded bits (the first discarded
     * bit in bit 63 of {@code rest}, any lower one making it sticky) rounds up in this mode.
     */
    boolean roundsUp(boolean negative, long kept, long rest) {
        return switch (mode()) {
            case NEAREST -> rest < 0 && (rest != Long.MIN_VALUE || (kept & 1) != 0);
            case DOWN -> negative && rest != 0;
            case UP -> !negative && rest != 0;
            default -> false;
        };
    }

    /** Turns a rounded result into an invalid one, which is not inexact (FIST of a number out of range). */
    void invalidInstead() {
        flags = flags & ~PE | IE;
        roundedUp = false;
    }

    /** Notes an inexact result, rounded away from zero when {@code up}. */
    void inexact(boolean up) {
        raise(PE);
        roundedUp = up;
    }

    /**
     * The exact value {@code hi:lo / 2^127 × 2^exponent} rounded to the extended format and precision
     * control; only the basic arithmetic obeys the precision control (SDM vol. 1 8.1.5.2).
     */
    Extended round(boolean negative, int exponent, long hi, long lo) {
        return round(negative, exponent, hi, lo, precision(), EXTENDED_MIN, EXTENDED_MAX);
    }

    /** The exact value {@code hi:lo / 2^127 × 2^exponent} rounded to the extended format with all 64 bits. */
    Extended roundExtended(boolean negative, int exponent, long hi, long lo) {
        return round(negative, exponent, hi, lo, 64, EXTENDED_MIN, EXTENDED_MAX);
    }

    /**
     * The exact value {@code hi:lo / 2^127 × 2^exponent} (a 128-bit unsigned magnitude, any lowest bit
     * standing for all discarded ones) rounded to {@code precision} significant bits in a format whose
     * normal exponents are {@code min..max}; returned as an extended value (exact in the target format).
     */
    Extended round(boolean negative, int exponent, long hi, long lo, int precision, int min, int max) {
        if (hi == 0 && lo == 0) {
            return Extended.zero(negative);
        }
        int shift = hi != 0 ? Long.numberOfLeadingZeros(hi) : 64 + Long.numberOfLeadingZeros(lo);
        if (shift >= 64) {
            hi = lo << shift - 64;
            lo = 0;
        } else if (shift > 0) {
            hi = hi << shift | lo >>> 64 - shift;
            lo <<= shift;
        }
        exponent -= shift;
        boolean extended = min == EXTENDED_MIN;
        boolean tiny = exponent < min;
        boolean denormal = false;
        if (tiny && extended && !masked(UE)) {
            raise(UE);
            exponent += WRAP;
        } else if (tiny) {
            int s = min - exponent;
            if (s >= 128) {
                lo = 1;
                hi = 0;
            } else if (s >= 64) {
                long sticky = lo != 0 || s > 64 && hi << 128 - s != 0 ? 1 : 0;
                lo = hi >>> s - 64 | sticky;
                hi = 0;
            } else {
                long sticky = lo << 64 - s != 0 ? 1 : 0;
                lo = hi << 64 - s | lo >>> s | sticky;
                hi >>>= s;
            }
            exponent = min;
            denormal = true;
        }
        long kept = precision == 64 ? hi : hi >>> 64 - precision;
        long rest = precision == 64 ? lo : hi << precision | (lo != 0 ? 1 : 0);
        boolean up = roundsUp(negative, kept, rest);
        if (up) {
            kept++;
            if (precision == 64 ? kept == 0 : kept == 1L << precision) {
                kept = 1L << precision - 1;
                exponent++;
            }
        }
        long significand = kept << 64 - precision;
        if (rest != 0) {
            if (denormal) {
                raise(UE);
            }
            inexact(up);
        }
        if (exponent > max) {
            if (extended && !masked(OE)) {
                raise(OE);
                exponent -= WRAP;
            } else {
                raise(OE);
                int mode = mode();
                boolean infinite = mode == NEAREST || mode == (negative ? DOWN : UP);
                inexact(infinite);
                return infinite ? Extended.infinity(negative)
                        : new Extended((negative ? 0x8000 : 0) | max + Extended.BIAS, -1L << 64 - precision);
            }
        }
        if (significand == 0) {
            return Extended.zero(negative);
        }
        if (significand > 0) {
            return extended ? new Extended(negative ? 0x8000 : 0, significand) : Extended.of(negative, significand, min - 63);
        }
        return new Extended((negative ? 0x8000 : 0) | exponent + Extended.BIAS, significand);
    }
}
