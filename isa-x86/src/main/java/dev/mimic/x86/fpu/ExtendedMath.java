package dev.mimic.x86.fpu;

import static dev.mimic.x86.fpu.Rounding.DE;
import static dev.mimic.x86.fpu.Rounding.IE;
import static dev.mimic.x86.fpu.Rounding.ZE;

/**
 * The correctly rounded arithmetic of the x87 on {@link Extended} values (SDM vol. 1 chapter 4 and 8,
 * vol. 2 for each instruction): exact results computed in 128-bit long arithmetic (no BigInteger), then
 * rounded by a {@link Rounding}, which also collects the exception flags. Special operands follow
 * SDM vol. 1 4.8.3 and table 4-7: unsupported encodings are invalid, SNaNs raise the invalid-operation
 * exception and are quieted, of two NaNs the one with the larger significand wins.
 */
final class ExtendedMath {
    private ExtendedMath() {
    }

    /**
     * The result when {@code a} or {@code b} is unsupported or a NaN, else {@code null}; raises the
     * denormal-operand exception for denormal operands.
     */
    private static Extended special(Extended a, Extended b, Rounding r) {
        if (a.isUnsupported() || b.isUnsupported()) {
            return r.invalid();
        }
        if (a.isNaN() || b.isNaN()) {
            return propagate(a, b, r);
        }
        if (a.isDenormal() || b.isDenormal()) {
            r.raise(DE);
        }
        return null;
    }

    /** The NaN an operation on {@code a} and {@code b} (at least one a NaN) delivers (SDM vol. 1 table 4-7). */
    static Extended propagate(Extended a, Extended b, Rounding r) {
        if (a.isSignalling() || b.isSignalling()) {
            r.raise(IE);
        }
        if (!a.isNaN() || !b.isNaN()) {
            return (a.isNaN() ? a : b).quiet();
        }
        if (a.isSignalling() != b.isSignalling()) {
            return a.isSignalling() ? b : a;
        }
        int bySignificand = Long.compareUnsigned(a.significand(), b.significand());
        boolean pickA = bySignificand > 0 || bySignificand == 0 && !a.negative();
        return (pickA ? a : b).quiet();
    }

    /** The single-operand form of {@link #special}. */
    private static Extended special(Extended a, Rounding r) {
        return special(a, a, r);
    }

    /** {@code a + b}, or {@code a - b} when {@code subtract}. */
    static Extended add(Extended a, Extended b, boolean subtract, Rounding r) {
        Extended s = special(a, b, r);
        if (s != null) {
            return s;
        }
        boolean negA = a.negative();
        boolean negB = b.negative() ^ subtract;
        if (a.isInfinity() || b.isInfinity()) {
            if (a.isInfinity() && b.isInfinity() && negA != negB) {
                return r.invalid();
            }
            return Extended.infinity(a.isInfinity() ? negA : negB);
        }
        if (a.isZero() && b.isZero()) {
            return Extended.zero(negA == negB ? negA : r.mode() == Rounding.DOWN);
        }
        if (a.isZero() || b.isZero()) {
            Extended x = a.isZero() ? b : a;
            return r.round(a.isZero() ? negB : negA, x.exponent(), x.normalizedSignificand(), 0);
        }
        int ea = a.exponent();
        int eb = b.exponent();
        long sa = a.normalizedSignificand();
        long sb = b.normalizedSignificand();
        if (ea < eb || ea == eb && Long.compareUnsigned(sa, sb) < 0) {
            int e = ea;
            ea = eb;
            eb = e;
            long m = sa;
            sa = sb;
            sb = m;
            boolean n = negA;
            negA = negB;
            negB = n;
        }
        int d = ea - eb;
        long bh;
        long bl;
        if (d == 0) {
            bh = sb;
            bl = 0;
        } else if (d < 64) {
            bh = sb >>> d;
            bl = sb << 64 - d;
        } else if (d < 128) {
            bh = 0;
            bl = sb >>> d - 64 | (d > 64 && sb << 128 - d != 0 ? 1 : 0);
        } else {
            bh = 0;
            bl = 1;
        }
        if (negA == negB) {
            long hi = sa + bh;
            long lo = bl;
            if (Long.compareUnsigned(hi, sa) < 0) {
                lo = lo >>> 1 | hi << 63 | lo & 1;
                hi = hi >>> 1 | Long.MIN_VALUE;
                ea++;
            }
            return r.round(negA, ea, hi, lo);
        }
        long lo = -bl;
        long hi = sa - bh - (bl != 0 ? 1 : 0);
        if (hi == 0 && lo == 0) {
            return Extended.zero(r.mode() == Rounding.DOWN);
        }
        return r.round(negA, ea, hi, lo);
    }

    static Extended multiply(Extended a, Extended b, Rounding r) {
        Extended s = special(a, b, r);
        if (s != null) {
            return s;
        }
        boolean negative = a.negative() ^ b.negative();
        if (a.isInfinity() || b.isInfinity()) {
            return a.isZero() || b.isZero() ? r.invalid() : Extended.infinity(negative);
        }
        if (a.isZero() || b.isZero()) {
            return Extended.zero(negative);
        }
        long sa = a.normalizedSignificand();
        long sb = b.normalizedSignificand();
        return r.round(negative, a.exponent() + b.exponent() + 1, Math.unsignedMultiplyHigh(sa, sb), sa * sb);
    }

    static Extended divide(Extended a, Extended b, Rounding r) {
        Extended s = special(a, b, r);
        if (s != null) {
            return s;
        }
        boolean negative = a.negative() ^ b.negative();
        if (a.isInfinity()) {
            return b.isInfinity() ? r.invalid() : Extended.infinity(negative);
        }
        if (b.isInfinity()) {
            return Extended.zero(negative);
        }
        if (b.isZero()) {
            if (a.isZero()) {
                return r.invalid();
            }
            r.raise(ZE);
            return Extended.infinity(negative);
        }
        if (a.isZero()) {
            return Extended.zero(negative);
        }
        long divisor = b.normalizedSignificand();
        long remainder = a.normalizedSignificand();
        long qh = 0;
        long ql = 0;
        boolean carry = false;
        // Restoring division, one quotient bit a step: 67 bits, the first of weight 2^0.
        for (int i = 0; i < 67; i++) {
            boolean bit = carry || Long.compareUnsigned(remainder, divisor) >= 0;
            if (bit) {
                remainder -= divisor;
            }
            qh = qh << 1 | ql >>> 63;
            ql = ql << 1 | (bit ? 1 : 0);
            carry = remainder < 0;
            remainder <<= 1;
        }
        if (carry || remainder != 0) {
            ql |= 1;
        }
        return r.round(negative, a.exponent() - b.exponent() + 61, qh, ql);
    }

    static Extended sqrt(Extended a, Rounding r) {
        Extended s = special(a, r);
        if (s != null) {
            return s;
        }
        if (a.isZero()) {
            return a;
        }
        if (a.negative()) {
            return r.invalid();
        }
        if (a.isInfinity()) {
            return a;
        }
        int e = a.exponent();
        long m = a.normalizedSignificand();
        // value = m × 2^(e-63); the root of N = m × 2^64 (e odd) or m × 2^63 (e even) is in [2^63, 2^64).
        boolean odd = (e & 1) != 0;
        long nh = odd ? m : m >>> 1;
        long nl = odd ? 0 : m << 63;
        long root = integerSqrt(nh, nl);
        long sh = Math.unsignedMultiplyHigh(root, root);
        long sl = root * root;
        long rl = nl - sl;
        long rh = nh - sh - (Long.compareUnsigned(nl, sl) < 0 ? 1 : 0);
        // The exact root is root + f with f < 1: f > 1/2 exactly when N - root² > root (never equal).
        boolean half = rh != 0 || Long.compareUnsigned(rl, root) > 0;
        long lo = (half ? Long.MIN_VALUE : 0) | (rh != 0 || rl != 0 ? 1 : 0);
        return r.round(false, Math.floorDiv(e - (odd ? 1 : 0), 2), root, lo);
    }

    /** floor(sqrt(nh:nl)) for 2^126 <= nh:nl < 2^128: a double estimate corrected by a Newton step, then by ones. */
    private static long integerSqrt(long nh, long nl) {
        double estimate = Math.sqrt(unsigned(nh) * 0x1p64 + unsigned(nl));
        long root = (long) (estimate * 0.5) << 1;
        long sh = Math.unsignedMultiplyHigh(root, root);
        long sl = root * root;
        long dl = nl - sl;
        long dh = nh - sh - (Long.compareUnsigned(nl, sl) < 0 ? 1 : 0);
        long corrected = root + Math.round(((double) dh * 0x1p64 + unsigned(dl)) / (2 * unsigned(root)));
        // The root is below 2^64: a correction past it stops at the largest long.
        root = Long.compareUnsigned(corrected, Long.MIN_VALUE) < 0 ? -1 : corrected;
        while (compareSquare(root, nh, nl) > 0) {
            root--;
        }
        while (root != -1 && compareSquare(root + 1, nh, nl) <= 0) {
            root++;
        }
        return root;
    }

    /** The sign of {@code x² - nh:nl}. */
    private static int compareSquare(long x, long nh, long nl) {
        int c = Long.compareUnsigned(Math.unsignedMultiplyHigh(x, x), nh);
        return c != 0 ? c : Long.compareUnsigned(x * x, nl);
    }

    static double unsigned(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    /**
     * The magnitude of finite {@code a} rounded to an integer by the rounding mode, as an unsigned
     * long (its exponent must be below 64); raises the precision exception when inexact.
     */
    static long integerMagnitude(Extended a, Rounding r) {
        if (a.isZero()) {
            return 0;
        }
        int e = a.exponent();
        long m = a.normalizedSignificand();
        long kept;
        long rest;
        if (e >= 63) {
            return m;
        } else if (e >= 0) {
            kept = m >>> 63 - e;
            rest = m << e + 1;
        } else {
            kept = 0;
            rest = e == -1 ? m : e < -64 ? 1 : m >>> -e - 1 | (m << 65 + e != 0 ? 1 : 0);
        }
        if (rest != 0) {
            boolean up = r.roundsUp(a.negative(), kept, rest);
            r.inexact(up);
            return up ? kept + 1 : kept;
        }
        return kept;
    }

    /** FRNDINT: {@code a} rounded to an integer by the rounding mode. */
    static Extended roundToInteger(Extended a, Rounding r) {
        Extended s = special(a, r);
        if (s != null) {
            return s;
        }
        if (!a.isFinite() || a.exponent() >= 63) {
            return a;
        }
        long magnitude = integerMagnitude(a, r);
        return magnitude == 0 ? Extended.zero(a.negative()) : Extended.of(a.negative(), magnitude, 0);
    }

    /**
     * {@code a} as a signed integer of {@code bytes} bytes (FIST), or {@code null} when it is a NaN, an
     * infinity or out of range: the invalid-operation exception (the caller stores the integer indefinite).
     */
    static Long toInteger(Extended a, int bytes, Rounding r) {
        if (a.isNaN() || a.isUnsupported() || a.isInfinity() || a.isFinite() && a.exponent() >= 64) {
            r.raise(IE);
            return null;
        }
        if (a.isDenormal()) {
            r.raise(DE);
        }
        long magnitude = integerMagnitude(a, r);
        long limit = 1L << 8 * bytes - 1;
        boolean fits = a.negative() ? Long.compareUnsigned(magnitude, limit) <= 0 : Long.compareUnsigned(magnitude, limit) < 0;
        if (!fits) {
            r.invalidInstead();
            return null;
        }
        return a.negative() ? -magnitude : magnitude;
    }

    /** {@code a} rounded to a double's bits (FST m64). */
    static long toDouble(Extended a, Rounding r) {
        return toBinary(a, r, 53, Rounding.DOUBLE_MIN, Rounding.DOUBLE_MAX, 11);
    }

    /** {@code a} rounded to a float's bits (FST m32). */
    static int toFloat(Extended a, Rounding r) {
        return (int) (toBinary(a, r, 24, Rounding.FLOAT_MIN, Rounding.FLOAT_MAX, 8) >>> 32);
    }

    /** {@code a} rounded to an IEEE binary format, encoded in the top bits of a long (sign in bit 63). */
    private static long toBinary(Extended a, Rounding r, int precision, int min, int max, int exponentBits) {
        long sign = a.negative() ? Long.MIN_VALUE : 0;
        long top = (1L << exponentBits) - 1 << 63 - exponentBits;
        if (a.isUnsupported()) {
            r.raise(IE);
            return Long.MIN_VALUE | top | 1L << 62 - exponentBits;
        }
        if (a.isNaN()) {
            if (a.isSignalling()) {
                r.raise(IE);
            }
            return sign | top | (a.significand() | Extended.QUIET_BIT) << 1 >>> exponentBits + 1;
        }
        if (a.isInfinity()) {
            return sign | top;
        }
        if (a.isZero()) {
            return sign;
        }
        if (a.isDenormal()) {
            r.raise(DE);
        }
        Extended v = r.round(a.negative(), a.exponent(), a.normalizedSignificand(), 0, precision, min, max);
        if (v.isInfinity()) {
            return sign | top;
        }
        if (v.isZero()) {
            return sign;
        }
        int e = v.exponent();
        long fraction = v.significand() << 1 >>> exponentBits + 1;
        if (e < min) {
            return sign | v.significand() >>> exponentBits + min - e;
        }
        return sign | (long) (e + (max)) << 63 - exponentBits | fraction;
    }

    /**
     * The order of {@code a} and {@code b}: negative, zero or positive, or {@link Integer#MIN_VALUE}
     * when unordered. Any NaN operand is invalid unless {@code quiet} (FUCOM), where only SNaNs are.
     */
    static int compare(Extended a, Extended b, boolean quiet, Rounding r) {
        if (a.isUnsupported() || b.isUnsupported()) {
            r.raise(IE);
            return Integer.MIN_VALUE;
        }
        if (a.isNaN() || b.isNaN()) {
            if (!quiet || a.isSignalling() || b.isSignalling()) {
                r.raise(IE);
            }
            return Integer.MIN_VALUE;
        }
        if (a.isDenormal() || b.isDenormal()) {
            r.raise(DE);
        }
        if (a.isZero() && b.isZero()) {
            return 0;
        }
        if (a.negative() != b.negative()) {
            return a.negative() ? -1 : 1;
        }
        int magnitude = compareMagnitude(a, b);
        return a.negative() ? -magnitude : magnitude;
    }

    private static int compareMagnitude(Extended a, Extended b) {
        if (a.isZero() || b.isZero()) {
            return a.isZero() ? -1 : 1;
        }
        if (a.isInfinity() || b.isInfinity()) {
            return a.isInfinity() == b.isInfinity() ? 0 : a.isInfinity() ? 1 : -1;
        }
        int e = Integer.compare(a.exponent(), b.exponent());
        return e != 0 ? e : Long.compareUnsigned(a.normalizedSignificand(), b.normalizedSignificand());
    }

    /** FSCALE: {@code a × 2^n}, n being {@code b} truncated toward zero. */
    static Extended scale(Extended a, Extended b, Rounding r) {
        Extended s = special(a, b, r);
        if (s != null) {
            return s;
        }
        if (b.isInfinity()) {
            if (a.isZero() && !b.negative() || a.isInfinity() && b.negative()) {
                return r.invalid();
            }
            return b.negative() ? Extended.zero(a.negative()) : a.isZero() ? a : Extended.infinity(a.negative());
        }
        if (a.isZero() || a.isInfinity()) {
            return a;
        }
        int n = b.isZero() || b.exponent() < 0 ? 0 : b.exponent() > 20 ? 1 << 20 : (int) (b.normalizedSignificand() >>> 63 - b.exponent());
        return r.roundExtended(a.negative(), a.exponent() + (b.negative() ? -n : n), a.normalizedSignificand(), 0);
    }
}
