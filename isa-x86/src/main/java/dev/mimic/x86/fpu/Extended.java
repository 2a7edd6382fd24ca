package dev.mimic.x86.fpu;

/**
 * The 80-bit double-extended format (SDM vol. 1 4.2.2): a sign and 15-bit exponent word and a 64-bit
 * significand with an explicit integer bit, converted to and from doubles.
 */
final class Extended {
    private static final int BIAS = 16383;

    private Extended() {
    }

    /** The significand of {@code v} in extended form (exact). */
    static long mantissa(double v) {
        if (v == 0) {
            return 0;
        }
        if (Double.isNaN(v)) {
            return 0xC000_0000_0000_0000L;
        }
        if (Double.isInfinite(v)) {
            return 0x8000_0000_0000_0000L;
        }
        double a = Math.abs(v);
        int exponent = Math.getExponent(a);
        if (exponent < Double.MIN_EXPONENT) {
            exponent = Double.MIN_EXPONENT;
            long bits = Double.doubleToRawLongBits(a) & 0xF_FFFF_FFFF_FFFFL;
            int shift = Long.numberOfLeadingZeros(bits);
            return bits << shift;
        }
        long fraction = Double.doubleToRawLongBits(a) & 0xF_FFFF_FFFF_FFFFL;
        return 1L << 63 | fraction << 11;
    }

    /** The sign and exponent word of {@code v} in extended form. */
    static int signExponent(double v) {
        int sign = Double.doubleToRawLongBits(v) < 0 ? 0x8000 : 0;
        if (v == 0) {
            return sign;
        }
        if (!Double.isFinite(v)) {
            return sign | 0x7FFF;
        }
        double a = Math.abs(v);
        int exponent = Math.getExponent(a);
        if (exponent < Double.MIN_EXPONENT) {
            long bits = Double.doubleToRawLongBits(a) & 0xF_FFFF_FFFF_FFFFL;
            exponent = Double.MIN_EXPONENT - (Long.numberOfLeadingZeros(bits) - 11);
        }
        return sign | exponent + BIAS;
    }

    /** The double nearest to the extended value (significand {@code mantissa}, sign and exponent {@code signExponent}). */
    static double toDouble(long mantissa, int signExponent) {
        boolean negative = (signExponent & 0x8000) != 0;
        int exponent = signExponent & 0x7FFF;
        double v;
        if (exponent == 0x7FFF) {
            v = (mantissa << 1) == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (mantissa == 0) {
            v = 0;
        } else {
            // The significand as an unsigned 64-bit integer, rounded to 53 bits by the conversion.
            double significand = mantissa >= 0 ? mantissa : (double) (mantissa >>> 1 | mantissa & 1) * 2;
            v = Math.scalb(significand, (exponent == 0 ? 1 : exponent) - BIAS - 63);
        }
        return negative ? -v : v;
    }
}
