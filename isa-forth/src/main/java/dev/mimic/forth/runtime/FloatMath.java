package dev.mimic.forth.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The floating-point word set's functions that are not one IR op: rounding, the elementary
 * functions (Forth-2012 12.6.2), IEEE single conversion, and the double-cell conversions. Pure
 * functions of doubles, so compiled code calls them directly and HotSpot inlines them.
 */
public final class FloatMath {
    private FloatMath() {
    }

    private static final double TWO_64 = 0x1p64;

    public static double abs(double r) {
        return Math.abs(r);
    }

    public static double max(double a, double b) {
        return Math.max(a, b);
    }

    public static double min(double a, double b) {
        return Math.min(a, b);
    }

    public static double sqrt(double r) {
        return Math.sqrt(r);
    }

    public static double floor(double r) {
        return Math.floor(r);
    }

    /** FROUND rounds to nearest, ties to even (IEEE's default, and gforth's). */
    public static double round(double r) {
        return Math.rint(r);
    }

    public static double trunc(double r) {
        return r < 0 ? Math.ceil(r) : Math.floor(r);
    }

    public static double pow(double a, double b) {
        return Math.pow(a, b);
    }

    public static double exp(double r) {
        return Math.exp(r);
    }

    public static double expm1(double r) {
        return Math.expm1(r);
    }

    public static double ln(double r) {
        return Math.log(r);
    }

    public static double lnp1(double r) {
        return Math.log1p(r);
    }

    public static double log(double r) {
        return Math.log10(r);
    }

    public static double alog(double r) {
        return Math.pow(10, r);
    }

    public static double sin(double r) {
        return Math.sin(r);
    }

    public static double cos(double r) {
        return Math.cos(r);
    }

    public static double tan(double r) {
        return Math.tan(r);
    }

    public static double asin(double r) {
        return Math.asin(r);
    }

    public static double acos(double r) {
        return Math.acos(r);
    }

    public static double atan(double r) {
        return Math.atan(r);
    }

    /** FATAN2 ( r1 r2 -- r3 ): the angle of the point (r2, r1). */
    public static double atan2(double r1, double r2) {
        return Math.atan2(r1, r2);
    }

    public static double sinh(double r) {
        return Math.sinh(r);
    }

    public static double cosh(double r) {
        return Math.cosh(r);
    }

    public static double tanh(double r) {
        return Math.tanh(r);
    }

    public static double asinh(double r) {
        double a = Math.abs(r);
        double v = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(v, r);
    }

    public static double acosh(double r) {
        return Math.log(r + Math.sqrt(r * r - 1));
    }

    public static double atanh(double r) {
        return 0.5 * Math.log1p(2 * r / (1 - r));
    }

    /** The IEEE single nearest to r, as its 32 bits (SF!). */
    public static long singleBits(double r) {
        return Float.floatToRawIntBits((float) r) & 0xFFFF_FFFFL;
    }

    /** The double value of an IEEE single given as its 32 bits (SF@). */
    public static double fromSingleBits(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    /** D&gt;F: the double nearest to the signed 128-bit (lo, hi). */
    public static double doubleToFloat(long lo, long hi) {
        if (hi == (lo >> 63)) {
            return lo;
        }
        BigInteger low = BigInteger.valueOf(lo).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        return BigInteger.valueOf(hi).shiftLeft(64).add(low).doubleValue();
    }

    /** The low cell of F&gt;D (truncated toward zero; out of range saturates). */
    public static long floatToDoubleLow(double r) {
        return toDouble(r).longValue();
    }

    /** The high cell of F&gt;D. */
    public static long floatToDoubleHigh(double r) {
        return toDouble(r).shiftRight(64).longValue();
    }

    private static BigInteger toDouble(double r) {
        if (Double.isNaN(r)) {
            return BigInteger.ZERO;
        }
        if (Math.abs(r) < TWO_64 / 2) {
            return BigInteger.valueOf((long) r);
        }
        BigInteger limit = BigInteger.ONE.shiftLeft(127);
        if (Double.isInfinite(r) || Math.abs(r) >= 0x1p127) {
            return r > 0 ? limit.subtract(BigInteger.ONE) : limit.negate();
        }
        return new BigDecimal(r).toBigInteger();
    }

    /**
     * F~ (Forth-2012 12.6.2.1640): with r3 positive, |r1-r2| &lt; r3; zero, r1 and r2 bitwise
     * equal; negative, |r1-r2| &lt; |r3| * (|r1|+|r2|). Returns a Forth flag.
     */
    public static long proximate(double r1, double r2, double r3) {
        boolean result;
        if (r3 > 0) {
            result = Math.abs(r1 - r2) < r3;
        } else if (r3 == 0) {
            result = Double.doubleToRawLongBits(r1) == Double.doubleToRawLongBits(r2);
        } else {
            result = Math.abs(r1 - r2) < -r3 * (Math.abs(r1) + Math.abs(r2));
        }
        return result ? -1 : 0;
    }
}
