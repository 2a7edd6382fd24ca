package dev.mimic.x86.fpu;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The base-2 logarithms of FYL2X and FYL2XP1 to about 100 bits, in double-double arithmetic (a value
 * is the unevaluated sum of two doubles), rounded once to the extended format: within an extended ulp
 * or so of the true value for every argument, so the result is deterministic and also right where a
 * double computation loses digits (FYL2X of a number near 1, where the exponent and the logarithm of
 * the significand cancel). The natural logarithm comes from the series of 2·atanh((m-1)/(m+1)) with
 * m within [1/√2, √2].
 */
final class Logarithms {
    /** ln 2 as a double-double. */
    private static final double LN2_HI = 0x1.62e42fefa39efp-1, LN2_LO = 0x1.abc9e3b39803fp-56;
    private static final double SQRT2 = 1.4142135623730951;
    /** Terms of the series: (1/√2 - 1)²/(1/√2 + 1)² < 0.03, and 0.03^23 < 2^-110. */
    private static final int TERMS = 23;
    /** Below this exponent a value no longer fits a double-double's range comfortably. */
    private static final int SMALLEST_EXPONENT = -1000;

    private Logarithms() {
    }

    /** log2(x) of a finite positive x, rounded to the extended format. */
    static Extended log2(Extended x, Rounding r) {
        long significand = x.normalizedSignificand();
        double[] m = {(significand >>> 11) * 0x1p-52, (significand & 0x7FF) * 0x1p-63};
        return toExtended(log2(m, x.exponent()), r);
    }

    /** log2(1 + x) of a finite x above -1, rounded to the extended format. */
    static Extended log2OnePlus(Extended x, Rounding r) {
        if (x.isZero()) {
            return x;
        }
        if (x.exponent() < SMALLEST_EXPONENT) {
            // log2(1 + x) = x / ln 2 to far more digits than the format keeps.
            return ExtendedMath.divide(x, toExtended(new double[] {LN2_HI, LN2_LO}, r), r);
        }
        long significand = x.normalizedSignificand();
        double scale = Math.scalb(1.0, x.exponent());
        double[] v = {(significand >>> 11) * 0x1p-52 * scale, (significand & 0x7FF) * 0x1p-63 * scale};
        if (x.negative()) {
            v = negate(v);
        }
        double[] onePlus = add(v, new double[] {1, 0});
        if (Math.abs(v[0]) < 0.25) {
            // 1 + x = (1 + s)/(1 - s) with s = x/(2 + x), small; no digits of x are lost in 1 + x.
            double[] s = divide(v, add(v, new double[] {2, 0}));
            return toExtended(divide(atanhTwice(s), new double[] {LN2_HI, LN2_LO}), r);
        }
        int e = Math.getExponent(onePlus[0]);
        return toExtended(log2(new double[] {Math.scalb(onePlus[0], -e), Math.scalb(onePlus[1], -e)}, e), r);
    }

    /** y × l, rounded to the extended format with all 64 bits (precision control does not apply). */
    static Extended times(Extended y, Extended l, Rounding r) {
        boolean negative = y.negative() ^ l.negative();
        if (y.isZero() || l.isZero()) {
            return Extended.zero(negative);
        }
        long a = y.normalizedSignificand();
        long b = l.normalizedSignificand();
        return r.roundExtended(negative, y.exponent() + l.exponent() + 1, Math.unsignedMultiplyHigh(a, b), a * b);
    }

    /** log2(m × 2^e) for m within [1, 2). */
    private static double[] log2(double[] m, int e) {
        double[] reduced = m;
        int exponent = e;
        if (m[0] > SQRT2) {
            reduced = new double[] {m[0] * 0.5, m[1] * 0.5};
            exponent++;
        }
        double[] one = {1, 0};
        double[] s = divide(add(reduced, negate(one)), add(reduced, one));
        double[] ln = atanhTwice(s);
        return add(new double[] {exponent, 0}, divide(ln, new double[] {LN2_HI, LN2_LO}));
    }

    /** 2·atanh(s) = 2(s + s³/3 + s⁵/5 + ...), the natural logarithm of (1 + s)/(1 - s), for small s. */
    private static double[] atanhTwice(double[] s) {
        double[] s2 = multiply(s, s);
        double[] sum = divide(new double[] {1, 0}, new double[] {2 * TERMS + 1, 0});
        for (int k = TERMS - 1; k >= 0; k--) {
            sum = add(multiply(sum, s2), divide(new double[] {1, 0}, new double[] {2 * k + 1, 0}));
        }
        double[] product = multiply(s, sum);
        return new double[] {2 * product[0], 2 * product[1]};
    }

    // ---- double-double arithmetic (Dekker, Knuth): a value is {hi, lo} with |lo| <= ulp(hi)/2 ----

    private static double[] twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return new double[] {s, a - (s - bb) + (b - bb)};
    }

    private static double[] quickTwoSum(double a, double b) {
        double s = a + b;
        return new double[] {s, b - (s - a)};
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = twoSum(a[0], b[0]);
        double[] t = twoSum(a[1], b[1]);
        s = quickTwoSum(s[0], s[1] + t[0]);
        return quickTwoSum(s[0], s[1] + t[1]);
    }

    private static double[] negate(double[] a) {
        return new double[] {-a[0], -a[1]};
    }

    private static double[] multiply(double[] a, double[] b) {
        double p = a[0] * b[0];
        double e = Math.fma(a[0], b[0], -p) + (a[0] * b[1] + a[1] * b[0]);
        return quickTwoSum(p, e);
    }

    private static double[] divide(double[] a, double[] b) {
        double q1 = a[0] / b[0];
        double[] r = add(a, negate(multiply(b, new double[] {q1, 0})));
        double q2 = r[0] / b[0];
        r = add(r, negate(multiply(b, new double[] {q2, 0})));
        double q3 = r[0] / b[0];
        return add(quickTwoSum(q1, q2), new double[] {q3, 0});
    }

    /** The exact value hi + lo rounded to the extended format (all 64 bits, in the rounding mode). */
    private static Extended toExtended(double[] v, Rounding r) {
        BigDecimal exact = new BigDecimal(v[0]).add(new BigDecimal(v[1]));
        if (exact.signum() == 0) {
            return Extended.zero(false);
        }
        boolean negative = exact.signum() < 0;
        int exponent = Math.getExponent(v[0]);
        BigDecimal scaled = exact.abs().multiply(new BigDecimal(BigInteger.ONE.shiftLeft(127 - exponent)));
        BigInteger whole = scaled.toBigInteger();
        long sticky = scaled.compareTo(new BigDecimal(whole)) != 0 ? 1 : 0;
        if (whole.bitLength() > 128) {
            sticky |= whole.testBit(0) ? 1 : 0;
            whole = whole.shiftRight(1);
            exponent++;
        }
        return r.roundExtended(negative, exponent, whole.shiftRight(64).longValue(), whole.longValue() | sticky);
    }
}
