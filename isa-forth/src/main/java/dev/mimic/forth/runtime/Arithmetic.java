package dev.mimic.forth.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.forth.exception.ForthError;
import dev.mimic.forth.exception.ThrowCode;

import java.math.BigInteger;

/**
 * Division and double-cell multiplication, which IR has no single op for: floored division (gforth
 * 0.7's / and MOD), 128-by-64-bit division (UM/MOD, SM/REM, FM/MOD) and the mixed-precision scaling
 * words. Division by zero throws -10 and a quotient that does not fit a cell -11, as Forth-2012
 * lets a system do.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    public static long floorDiv(long n1, long n2) {
        return Math.floorDiv(n1, divisor(n2));
    }

    public static long floorMod(long n1, long n2) {
        return Math.floorMod(n1, divisor(n2));
    }

    /** n1*n2/n3 with a 128-bit product, floored. */
    public static long starSlash(long n1, long n2, long n3) {
        long hi = Math.multiplyHigh(n1, n2);
        long lo = n1 * n2;
        return fmDivide(hi, lo, n3);
    }

    public static long unsignedMultiplyHigh(long u1, long u2) {
        return Math.unsignedMultiplyHigh(u1, u2);
    }

    public static long multiplyHigh(long n1, long n2) {
        return Math.multiplyHigh(n1, n2);
    }

    /** The unsigned quotient of the 128-bit (hi, lo) by u. */
    public static long umDivide(long hi, long lo, long u) {
        divisor(u);
        if (Long.compareUnsigned(hi, u) >= 0) {
            throw new ForthError(ThrowCode.OUT_OF_RANGE);
        }
        if (hi == 0) {
            return Long.divideUnsigned(lo, u);
        }
        return unsigned(hi, lo).divide(unsignedValue(u)).longValue();
    }

    /** The quotient of the signed 128-bit (hi, lo) by n, truncated toward zero. */
    public static long smDivide(long hi, long lo, long n) {
        divisor(n);
        if (hi == (lo >> 63) && !(lo == Long.MIN_VALUE && n == -1)) {
            return lo / n;
        }
        return narrow(signed(hi, lo).divide(BigInteger.valueOf(n)));
    }

    /** The quotient of the signed 128-bit (hi, lo) by n, floored. */
    public static long fmDivide(long hi, long lo, long n) {
        divisor(n);
        if (hi == (lo >> 63) && !(lo == Long.MIN_VALUE && n == -1)) {
            return Math.floorDiv(lo, n);
        }
        BigInteger[] qr = signed(hi, lo).divideAndRemainder(BigInteger.valueOf(n));
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != Long.signum(n)) {
            q = q.subtract(BigInteger.ONE);
        }
        return narrow(q);
    }

    /** M*&#47; ( d1 n1 +n2 -- d2 ): d1*n1/n2 with a triple-cell intermediate, floored. */
    public static void mStarSlash(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long n2 = s.pop();
        long n1 = s.pop();
        long hi = s.pop();
        long lo = s.pop();
        divisor(n2);
        BigInteger[] qr = signed(hi, lo).multiply(BigInteger.valueOf(n1)).divideAndRemainder(BigInteger.valueOf(n2));
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != Long.signum(n2)) {
            q = q.subtract(BigInteger.ONE);
        }
        if (q.bitLength() > 127) {
            throw new ForthError(ThrowCode.OUT_OF_RANGE);
        }
        s.push(q.longValue());
        s.push(q.shiftRight(64).longValue());
    }

    private static long divisor(long d) {
        if (d == 0) {
            throw new ForthError(ThrowCode.DIVISION_BY_ZERO);
        }
        return d;
    }

    private static long narrow(BigInteger q) {
        if (q.bitLength() > 63) {
            throw new ForthError(ThrowCode.OUT_OF_RANGE);
        }
        return q.longValue();
    }

    private static BigInteger unsignedValue(long u) {
        BigInteger v = BigInteger.valueOf(u);
        return u < 0 ? v.add(TWO_64) : v;
    }

    private static BigInteger unsigned(long hi, long lo) {
        return unsignedValue(hi).shiftLeft(64).or(unsignedValue(lo));
    }

    private static BigInteger signed(long hi, long lo) {
        return BigInteger.valueOf(hi).shiftLeft(64).or(unsignedValue(lo));
    }
}
