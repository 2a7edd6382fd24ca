package dev.mimic.x86.fpu;

import static dev.mimic.x86.fpu.Rounding.DE;

/**
 * FPREM and FPREM1 (SDM vol. 2): the partial remainder of ST(0) by ST(1). When the exponents differ by
 * less than 64 the remainder is complete and exact, and the quotient's three low bits go to C0, C3, C1;
 * otherwise one step reduces the exponent difference and C2 says the remainder is incomplete. The step
 * size N, "implementation-dependent between 32 and 63", is 32 + (difference mod 32) as AMD documents it.
 * FPREM truncates the quotient; FPREM1 rounds it to nearest even, as IEEE 754 remainder does.
 *
 * @param value          the (partial) remainder
 * @param conditionCodes C0, C1, C3 (quotient bits) and C2 (incomplete) in status word positions
 * @param divided        whether there was a division: a NaN or invalid operand leaves C0 and C3 as they were
 */
record Remainder(Extended value, int conditionCodes, boolean divided) {
    private Remainder(Extended value) {
        this(value, 0, false);
    }

    private Remainder(Extended value, int conditionCodes) {
        this(value, conditionCodes, true);
    }

    static Remainder of(Extended x, Extended y, boolean ieee, Rounding r) {
        if (x.isUnsupported() || y.isUnsupported()) {
            return new Remainder(r.invalid());
        }
        if (x.isNaN() || y.isNaN()) {
            return new Remainder(ExtendedMath.propagate(x, y, r));
        }
        if (x.isInfinity() || y.isZero()) {
            return new Remainder(r.invalid());
        }
        if (x.isDenormal() || y.isDenormal()) {
            r.raise(DE);
        }
        if (x.isZero() || y.isInfinity()) {
            return new Remainder(x, 0);
        }
        int d = x.exponent() - y.exponent();
        long a = x.normalizedSignificand();
        long b = y.normalizedSignificand();
        boolean negative = x.negative();
        if (d < 0) {
            if (!ieee || d < -1 || Long.compareUnsigned(a, b) <= 0) {
                return new Remainder(x, 0);
            }
            // |x| is more than half |y|: the quotient rounds to 1 and the remainder is |y| - |x|.
            return new Remainder(exact(!negative, y.exponent() - 1, 2 * b - a, r), X87.C1);
        }
        boolean complete = d < 64;
        int bits = complete ? d : 32 + d % 32;
        long quotient = 0;
        boolean carry = false;
        for (int k = bits; k >= 0; k--) {
            boolean bit = carry || Long.compareUnsigned(a, b) >= 0;
            if (bit) {
                a -= b;
            }
            quotient = quotient << 1 | (bit ? 1 : 0);
            if (k > 0) {
                carry = a < 0;
                a <<= 1;
            }
        }
        int exponent = y.exponent() + d - bits;
        if (!complete) {
            return new Remainder(exact(negative, exponent, a, r), X87.C2);
        }
        if (ieee && Long.compareUnsigned(a, b - a) > 0 || ieee && a == b - a && (quotient & 1) != 0) {
            quotient++;
            a = b - a;
            negative = !negative;
        }
        int codes = ((quotient & 4) != 0 ? X87.C0 : 0) | ((quotient & 2) != 0 ? X87.C3 : 0) | ((quotient & 1) != 0 ? X87.C1 : 0);
        return new Remainder(a == 0 ? Extended.zero(x.negative()) : exact(negative, exponent, a, r), codes);
    }

    /** {@code magnitude × 2^(exponent - 63)}, which the extended format holds exactly unless it is tiny. */
    private static Extended exact(boolean negative, int exponent, long magnitude, Rounding r) {
        return r.roundExtended(negative, exponent, magnitude, 0);
    }
}
