package dev.mimic.x86.fpu;

/**
 * A value in the x87's 80-bit double-extended format (SDM vol. 1 4.2.2, table 4-3): the sign and
 * 15-bit biased exponent word and the 64-bit significand with its explicit integer bit, exactly as the
 * register holds it and FSTP m80 stores it. It exists because a {@code double} cannot hold 64
 * significant bits nor the 15-bit exponent range; arithmetic on it is {@link ExtendedMath}.
 *
 * <p>Every bit pattern is a value here, including the encodings the 387 and later reject (pseudo-NaNs,
 * pseudo-infinities, unnormals), which the classification methods name.
 *
 * @param signExponent the sign in bit 15 and the biased exponent in bits 0-14
 * @param significand  the significand, integer bit in bit 63
 */
public record Extended(int signExponent, long significand) {
    /** The exponent bias (SDM vol. 1 table 4-2). */
    static final int BIAS = 16383;
    static final int MAX_EXPONENT = 0x7FFF;
    static final long INTEGER_BIT = Long.MIN_VALUE;
    static final long QUIET_BIT = 1L << 62;
    /** The QNaN floating-point indefinite (SDM vol. 1 4.8.3.7). */
    public static final Extended INDEFINITE = new Extended(0xFFFF, 0xC000_0000_0000_0000L);
    public static final Extended ONE = new Extended(BIAS, INTEGER_BIT);

    public Extended {
        signExponent &= 0xFFFF;
    }

    public boolean negative() {
        return (signExponent & 0x8000) != 0;
    }

    /** The biased exponent field. */
    public int exponentField() {
        return signExponent & MAX_EXPONENT;
    }

    public boolean isZero() {
        return exponentField() == 0 && significand == 0;
    }

    /** A denormal or pseudo-denormal: exponent field zero, significand not. */
    public boolean isDenormal() {
        return exponentField() == 0 && significand != 0;
    }

    public boolean isInfinity() {
        return exponentField() == MAX_EXPONENT && significand == INTEGER_BIT;
    }

    public boolean isNaN() {
        return exponentField() == MAX_EXPONENT && significand < 0 && significand != INTEGER_BIT;
    }

    public boolean isSignalling() {
        return isNaN() && (significand & QUIET_BIT) == 0;
    }

    /** Pseudo-NaN, pseudo-infinity or unnormal: an encoding the FPU treats as an invalid operand. */
    public boolean isUnsupported() {
        int e = exponentField();
        return e != 0 && significand >= 0;
    }

    /** A normal or denormal number (not zero, infinity, NaN nor unsupported). */
    boolean isFinite() {
        return !isZero() && exponentField() != MAX_EXPONENT && !isUnsupported();
    }

    /** The unbiased exponent of a finite nonzero value, as if its significand were normalised. */
    int exponent() {
        return exponentField() == 0 ? 1 - BIAS - Long.numberOfLeadingZeros(significand) : exponentField() - BIAS;
    }

    /** The significand of a finite nonzero value shifted until its top bit is set. */
    long normalizedSignificand() {
        return significand << Long.numberOfLeadingZeros(significand);
    }

    /** This value with the sign flipped. */
    public Extended negate() {
        return new Extended(signExponent ^ 0x8000, significand);
    }

    public Extended abs() {
        return new Extended(signExponent & MAX_EXPONENT, significand);
    }

    /** A NaN made quiet; other values unchanged. */
    Extended quiet() {
        return isNaN() ? new Extended(signExponent, significand | QUIET_BIT) : this;
    }

    static Extended zero(boolean negative) {
        return new Extended(negative ? 0x8000 : 0, 0);
    }

    static Extended infinity(boolean negative) {
        return new Extended((negative ? 0x8000 : 0) | MAX_EXPONENT, INTEGER_BIT);
    }

    /** The number {@code magnitude × 2^exponent} (magnitude unsigned and not zero), exactly. */
    static Extended of(boolean negative, long magnitude, int exponent) {
        int shift = Long.numberOfLeadingZeros(magnitude);
        return new Extended((negative ? 0x8000 : 0) | exponent + 63 - shift + BIAS, magnitude << shift);
    }

    /** A signed integer, exactly (FILD). */
    public static Extended ofLong(long value) {
        if (value == 0) {
            return zero(false);
        }
        return of(value < 0, value < 0 ? -value : value, 0);
    }

    /** A double, exactly, NaNs keeping their payload and quietness (FLD m64 quiets them itself). */
    public static Extended ofDouble(long bits) {
        return ofBinary(bits, 11, 1023);
    }

    /** A float, exactly. */
    public static Extended ofFloat(int bits) {
        return ofBinary((long) bits << 32, 8, 127);
    }

    /**
     * An IEEE binary value whose sign is bit 63 of {@code bits}, then {@code exponentBits} of exponent,
     * then the fraction (a float is passed shifted up by 32).
     */
    private static Extended ofBinary(long bits, int exponentBits, int bias) {
        boolean negative = bits < 0;
        int exponent = (int) (bits >>> 63 - exponentBits) & (1 << exponentBits) - 1;
        long fraction = bits << exponentBits + 1 >>> 1;
        if (exponent == (1 << exponentBits) - 1) {
            return new Extended((negative ? 0x8000 : 0) | MAX_EXPONENT, INTEGER_BIT | fraction);
        }
        if (exponent == 0) {
            return fraction == 0 ? zero(negative) : of(negative, fraction, 1 - bias - 63);
        }
        return new Extended((negative ? 0x8000 : 0) | exponent - bias + BIAS, INTEGER_BIT | fraction);
    }
}
