package dev.mimic.x86.fpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The x87 behaviours the differential tests found on the host CPU around NaNs and stack faults, which
 * the x87 differential property no longer reaches (its memory holds moderate numbers).
 */
class X87Test {
    private static final long INDEFINITE = 0xFFF8_0000_0000_0000L;
    private static final long POSITIVE_QNAN = 0x7FF8_0000_0000_0000L;
    private static final int ADD = 0, MUL = 1, SUBR = 5;

    private static long st0(X87 f) {
        return X87.stDouble(f, 0);
    }

    @Test
    void readingAnEmptyRegister_givesTheIndefiniteWhateverTheOperation() {
        X87 f = new X87();
        X87.pushDouble(f, Double.doubleToRawLongBits(2.0));
        X87.arithmeticRegisters(f, ADD, 0, 5, 0);
        assertEquals(INDEFINITE, st0(f));
    }

    @Test
    void fchsOfAnEmptyRegister_isTheIndefiniteNotItsNegation() {
        X87 f = new X87();
        X87.function(f, 0x00);
        assertEquals(INDEFINITE, st0(f));
    }

    @Test
    void fcmovWithAnEmptySource_givesTheIndefiniteEvenWhenTheConditionIsFalse() {
        X87 f = new X87();
        X87.pushDouble(f, Double.doubleToRawLongBits(1.0));
        X87.moveIf(f, 0, 6);
        assertEquals(INDEFINITE, st0(f));
    }

    @Test
    void twoQuietNansWithEqualSignificands_givePositiveOne() {
        X87 f = new X87();
        X87.pushDouble(f, POSITIVE_QNAN);
        X87.pushDouble(f, INDEFINITE);
        X87.arithmeticRegisters(f, MUL, 1, 0, 1);
        assertEquals(POSITIVE_QNAN, st0(f));
    }

    @Test
    void quietNanInARegister_winsOverASignallingNanInMemory() {
        X87 f = new X87();
        X87.pushDouble(f, INDEFINITE);
        X87.arithmeticFloat(f, SUBR, 0xFFB8_31C0);
        assertEquals(INDEFINITE, st0(f));
    }

    @Test
    void signallingNanInMemory_isQuietedWhenItMeetsANumber() {
        X87 f = new X87();
        X87.pushDouble(f, Double.doubleToRawLongBits(1.0));
        X87.arithmeticDouble(f, ADD, 0x7FF0_0000_0000_0001L);
        assertEquals(0x7FF8_0000_0000_0001L, st0(f));
    }

    @Test
    void integerStoreOfAnEmptyRegister_isTheIntegerIndefiniteOfItsSize() {
        assertEquals(0x8000, X87.stInteger(new X87(), 2) & 0xFFFF);
        assertEquals(Long.MIN_VALUE, X87.stInteger(new X87(), 8));
    }

    @Test
    void extendedConversion_isExactForDoubles() {
        for (double v : new double[] {1.0, -0.1, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, 1e-310}) {
            assertEquals(v, Extended.toDouble(Extended.mantissa(v), Extended.signExponent(v)));
        }
    }
}
