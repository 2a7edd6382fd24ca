package dev.mimic.x86.fpu;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import static dev.mimic.x86.fpu.Rounding.DE;
import static dev.mimic.x86.fpu.Rounding.ZE;

/**
 * F2XM1, FYL2X, FPTAN, FPATAN, FYL2XP1, FSINCOS, FSIN and FCOS (SDM vol. 2): the special operands and
 * the argument-range rule of the SDM exactly (C2 set and ST(0) unchanged for |x| >= 2^63), the
 * function values computed by {@link StrictMath} in double precision (precision control does not apply
 * to these instructions, SDM vol. 1 8.1.5.2), so they are within about one double ulp (2^-52 relative) of the true value rather than the
 * hardware's 64-bit result; the logarithms of FYL2X and FYL2XP1 come from {@link Logarithms} in
 * extended precision over the whole extended range.
 */
final class Transcendental {
    private static final int OUT_OF_RANGE_EXPONENT = 63;

    private Transcendental() {
    }

    /** The function numbered {@code which} (low five bits of D9 E0..FF) of {@code x}, ST(0). */
    static void apply(X87 f, int which, Extended x) {
        switch (which) {
            case 0x10 -> unary(f, x, v -> StrictMath.expm1(v * Math.log(2)), null);
            case 0x11 -> binary(f, x, (value, y) -> y * log2(value), true, Logarithms::log2);
            case 0x12 -> periodic(f, x, StrictMath::tan, Extended.ONE);
            case 0x13 -> binary(f, x, (value, y) -> StrictMath.atan2(y, value), false, null);
            case 0x19 -> binary(f, x, (value, y) -> y * StrictMath.log1p(value) / Math.log(2), false, Logarithms::log2OnePlus);
            case 0x1B -> periodic(f, x, StrictMath::sin, x);
            case 0x1E -> periodic(f, x, StrictMath::sin, null);
            case 0x1F -> periodic(f, x, StrictMath::cos, null);
            default -> throw new IllegalArgumentException("no x87 function " + which);
        }
    }

    private static double log2(double v) {
        return StrictMath.log(v) / Math.log(2);
    }

    /** FSIN, FCOS, FPTAN (with 1 pushed) and FSINCOS (with the cosine pushed, marked by {@code pushed} being x). */
    private static void periodic(X87 f, Extended x, DoubleUnaryOperator fn, Extended pushed) {
        if (x.isFinite() && x.exponent() >= OUT_OF_RANGE_EXPONENT) {
            f.outOfRange();
            return;
        }
        if (x.isInfinity()) {
            Extended invalid = f.rounding().invalid();
            f.result(invalid, pushed == null ? null : invalid);
            return;
        }
        Extended cosine = pushed == x ? function(f, x, StrictMath::cos) : pushed;
        unary(f, x, fn, cosine);
        f.clearC2();
    }

    private static void unary(X87 f, Extended x, DoubleUnaryOperator fn, Extended pushed) {
        Extended v = function(f, x, fn);
        f.result(v, pushed != null && v.isNaN() ? v : pushed);
    }

    /** {@code fn(x)} as an extended value, NaNs and exact zeros passed through. */
    private static Extended function(X87 f, Extended x, DoubleUnaryOperator fn) {
        Rounding r = f.rounding();
        if (x.isUnsupported()) {
            return r.invalid();
        }
        if (x.isNaN()) {
            return ExtendedMath.propagate(x, x, r);
        }
        if (x.isDenormal()) {
            r.raise(DE);
        }
        double v = fn.applyAsDouble(toDouble(x));
        if (Double.isNaN(v)) {
            return r.invalid();
        }
        return fromDouble(v, r);
    }

    /**
     * ST(1) = fn(ST(0), ST(1)), then pop: FYL2X ({@code logarithm}: log of zero divides by zero), FPATAN,
     * FYL2XP1. Where the function is a logarithm of an argument in its domain and ST(1) is finite,
     * {@code precise} computes it in extended precision instead of {@code fn} in double.
     */
    private static void binary(X87 f, Extended x, DoubleBinaryOperator fn, boolean logarithm, Logarithm precise) {
        Rounding r = f.rounding();
        Extended y = f.stackTop(1);
        Extended v;
        if (x.isUnsupported() || y.isUnsupported()) {
            v = r.invalid();
        } else if (x.isNaN() || y.isNaN()) {
            v = ExtendedMath.propagate(x, y, r);
        } else {
            if (x.isDenormal() || y.isDenormal()) {
                r.raise(DE);
            }
            if (logarithm && x.isZero() && !y.isZero() && !y.isNaN()) {
                r.raise(ZE);
            }
            boolean inDomain = x.isFinite() && (logarithm ? !x.isZero() && !x.negative() : !x.negative() || x.exponent() < 0);
            if (precise != null && inDomain && y.isFinite()) {
                v = Logarithms.times(y, precise.apply(x, r), r);
            } else {
                double result = fn.applyAsDouble(toDouble(x), toDouble(y));
                v = Double.isNaN(result) ? r.invalid() : fromDouble(result, r);
            }
        }
        f.resultPopped(v);
    }

    /** A base-2 logarithm of an extended argument, rounded to the extended format. */
    private interface Logarithm {
        Extended apply(Extended x, Rounding r);
    }

    private static double toDouble(Extended x) {
        return Double.longBitsToDouble(ExtendedMath.toDouble(x, new Rounding(0x37F)));
    }

    /** A function value, inexact unless it is zero or infinite (the double it comes from is itself rounded). */
    private static Extended fromDouble(double v, Rounding r) {
        Extended e = Extended.ofDouble(Double.doubleToRawLongBits(v));
        return e.isFinite() ? r.roundExtended(e.negative(), e.exponent(), e.normalizedSignificand(), 1) : e;
    }
}
