package dev.mimic.x86.fpu;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.cpu.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * x87 behaviours pinned one by one: NaN and stack-fault rules the differential tests found on the host
 * CPU, unmasked exceptions and #MF, which the differential tests (all exceptions masked) do not reach,
 * and the constants, remainders and extended range.
 */
class X87Test {
    private static final long INDEFINITE = 0xFFF8_0000_0000_0000L;
    private static final long POSITIVE_QNAN = 0x7FF8_0000_0000_0000L;
    private static final int ADD = 0, MUL = 1, SUBR = 5;

    private static long st0(X87 f) {
        return X87.stDouble(f, 0, 0);
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
    void anUnmaskedUnderflowOfAStoreToMemory_storesNothingAndLeavesTheStackUnpopped() {
        X87 f = new X87();
        X87.setControlWord(f, 0x37F & ~0x10);
        X87.pushExtended(f, 0x8000_0000_0000_0001L, 0x0001);
        assertEquals(0x1234L, X87.stDouble(f, 0, 0x1234L), "the destination keeps its value");
        X87.pop(f);
        int status = X87.statusWord(f);
        assertEquals(7, status >>> 11 & 7, "TOP still points at the value");
        assertEquals(0x8090, status & ~0x3800, "B, ES and UE, and no PE for the result not delivered");
    }

    @Test
    void integerStoreOfAnEmptyRegister_isTheIntegerIndefiniteOfItsSize() {
        assertEquals(0x8000, X87.stInteger(new X87(), 2, 0) & 0xFFFF);
        assertEquals(Long.MIN_VALUE, X87.stInteger(new X87(), 8, 0));
    }

    @Test
    void extendedConversion_isExactForDoubles() {
        for (double v : new double[] {1.0, -0.1, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, 1e-310}) {
            long bits = Double.doubleToRawLongBits(v);
            assertEquals(bits, ExtendedMath.toDouble(Extended.ofDouble(bits), new Rounding(0x37F)));
        }
    }

    private static final int DIV = 6;

    private static Extended top(X87 f) {
        return new Extended(X87.stExtendedExponent(f, 0, 0), X87.stExtendedMantissa(f, 0, 0));
    }

    @Test
    void unmaskedZeroDivide_leavesTheDestinationAndRaisesMfAtTheNextWaitingInstruction() {
        X87 f = new X87();
        X87.setControlWord(f, 0x37B);
        X87.pushDouble(f, Double.doubleToRawLongBits(0.0));
        X87.pushDouble(f, Double.doubleToRawLongBits(3.0));
        X87.arithmeticRegisters(f, DIV, 0, 1, 0);
        assertEquals(1, X87.pendingException(f));
        assertEquals(0x8084, X87.statusWord(f) & 0x80FF);
        GuestFault fault = assertThrows(GuestFault.class, () -> X87.pushConstant(f, 0));
        assertEquals(Vector.MF, Vector.of(fault));
        X87.clearExceptions(f);
        assertEquals(Double.doubleToRawLongBits(3.0), st0(f));
    }

    @Test
    void maskedOverflow_isInfinityAndUnmaskedOverflowWrapsTheExponent() {
        X87 f = new X87();
        X87.pushExtended(f, Long.MIN_VALUE, 0x7FFE);
        X87.arithmeticRegisters(f, ADD, 0, 0, 0);
        assertEquals(Extended.infinity(false), top(f));
        X87.init(f);
        X87.setControlWord(f, 0x377);
        X87.pushExtended(f, Long.MIN_VALUE, 0x7FFE);
        X87.arithmeticRegisters(f, ADD, 0, 0, 0);
        assertEquals(1, X87.pendingException(f));
        X87.clearExceptions(f);
        assertEquals(new Extended(0x7FFF - 24576, Long.MIN_VALUE), top(f));
    }

    @Test
    void valuesBeyondTheDoubleRange_keepTheirFull64BitSignificand() {
        X87 f = new X87();
        X87.pushExtended(f, 0xFFFF_FFFF_FFFF_FFFFL, 0x4000 + 5000);
        X87.pushExtended(f, 0x8000_0000_0000_0000L, 0x3FFF - 5000);
        X87.arithmeticRegisters(f, MUL, 0, 1, 0);
        assertEquals(new Extended(0x4000, 0xFFFF_FFFF_FFFF_FFFFL), top(f));
    }

    @Test
    void fldpi_isRoundedByTheRoundingControl() {
        X87 f = new X87();
        X87.pushConstant(f, 3);
        assertEquals(new Extended(0x4000, 0xC90F_DAA2_2168_C235L), top(f));
        X87.setControlWord(f, 0x77F);
        X87.pushConstant(f, 3);
        assertEquals(new Extended(0x4000, 0xC90F_DAA2_2168_C234L), top(f));
    }

    @Test
    void fprem_ofAHugeQuotient_isPartialWithC2AndFinishesInLaterSteps() {
        X87 f = new X87();
        X87.pushDouble(f, Double.doubleToRawLongBits(3.0));
        X87.pushDouble(f, Double.doubleToRawLongBits(0x1p200));
        X87.function(f, 0x18);
        assertEquals(X87.C2, X87.statusWord(f) & X87.C2);
        while ((X87.statusWord(f) & X87.C2) != 0) {
            X87.function(f, 0x18);
        }
        // 2^200 mod 3 = 1, and the quotient (2^200 - 1) / 3 ends in binary 101: C0 = 1, C3 = 0, C1 = 1
        assertEquals(X87.C0 | X87.C1, X87.statusWord(f) & (X87.C0 | X87.C1 | X87.C3));
        assertEquals(Double.doubleToRawLongBits(1.0), st0(f));
    }

    @Test
    void fsinOfAnArgumentBeyond2To63_setsC2AndLeavesTheOperand() {
        X87 f = new X87();
        X87.pushDouble(f, Double.doubleToRawLongBits(0x1p63));
        X87.function(f, 0x1E);
        assertEquals(X87.C2, X87.statusWord(f) & X87.C2);
        assertEquals(Double.doubleToRawLongBits(0x1p63), st0(f));
    }

    @Test
    void fxam_tellsPseudoDenormalsAndUnsupportedEncodingsApart() {
        X87 f = new X87();
        X87.pushExtended(f, Long.MIN_VALUE, 0);
        X87.examine(f);
        assertEquals(X87.C3 | X87.C2, X87.statusWord(f) & (X87.C0 | X87.C2 | X87.C3));
        X87.pushExtended(f, 0x4000_0000_0000_0000L, 0x3FFF);
        X87.examine(f);
        assertEquals(0, X87.statusWord(f) & (X87.C0 | X87.C2 | X87.C3));
    }

    @Test
    void storeWithAnUnmaskedInvalidOperation_leavesTheMemoryAsItWas() {
        X87 f = new X87();
        X87.setControlWord(f, 0x37E);
        X87.pushDouble(f, Double.doubleToRawLongBits(1e30));
        assertEquals(1234, X87.stInteger(f, 4, 1234));
        assertEquals(1, X87.pendingException(f));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void fsaveThenFrstor_restoresRegistersTagsAndWordsInTheLayoutOfTheOperandSize(int operandBytes) {
        ExecutionContext ctx = new ExecutionContext(new GuestState(Registers.LAYOUT), new FlatMemory(4096), null);
        X87 f = new X87();
        X87.setControlWord(f, 0x0A7F);
        X87.pushExtended(f, 0x8000_0000_0000_0001L, 0x3FFF);
        X87.pushExtended(f, 0x4000_0000_0000_0000L, 0x3FFF);
        X87.pushDouble(f, Double.doubleToRawLongBits(0.0));
        int status = X87.statusWord(f);
        int tags = X87.tagWord(f);
        X87.save(ctx, f, 256, 1, operandBytes);
        assertEquals(0x37F, X87.controlWord(f));
        assertEquals(0x0A7F, ctx.memory.load16(256));
        assertEquals(status, ctx.memory.load16(256 + operandBytes));
        // ST(0) is +0 and comes first after the 7 environment fields.
        assertEquals(0, ctx.memory.load16(256 + 7 * operandBytes + 8));
        X87.restore(ctx, f, 256, 1, operandBytes);
        assertEquals(0x0A7F, X87.controlWord(f));
        assertEquals(status, X87.statusWord(f));
        assertEquals(tags, X87.tagWord(f));
        X87.pop(f);
        assertEquals(new Extended(0x3FFF, 0x4000_0000_0000_0000L), top(f));
    }
}
