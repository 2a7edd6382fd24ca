package dev.mimic.x86.difftest;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.jit.Jit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random sequences of user-mode integer instructions, run on the host CPU and in Mimic from the same
 * registers, flags and memory, must end in the same state: registers, the flags the instructions
 * define, the scratch memory, and the same signal at the same instruction when one faults. jqwik
 * shrinks a failing sequence to the instructions that matter.
 */
@AddLifecycleHook(NeedsNativeSandbox.class)
class DifferentialProperties {
    static final NativeSandbox NATIVE = NativeSandbox.start();
    private static final MimicSandbox INTERPRETER = new MimicSandbox(MimicSandbox.interpreterOnly());
    private static final MimicSandbox JIT = new MimicSandbox(new Jit());

    @AfterContainer
    static void stop() {
        if (NATIVE != null) {
            NATIVE.close();
        }
    }

    @Property(tries = 3000)
    void instructionSequencesAgreeWithTheHostCpu(@ForAll @Size(min = 1, max = 6) List<Long> instructions,
                                                @ForAll("states") long stateSeed, @ForAll("engines") EngineKind engine) {
        CaseGenerator generator = new CaseGenerator(CaseGenerator.INTEGER_FORMS);
        instructions.forEach(generator::add);
        check(generator.code(), generator.flagMask(), stateSeed, engine, false);
    }

    /**
     * The same for x87 instructions, under a random precision and rounding control and exception masks
     * (an unmasked exception faults as #MF, SIGFPE, at the next waiting instruction), the control, status
     * and tag words and the stack compared bit for bit through memory at the end. The memory holds random bytes (NaNs, denormals, infinities, unsupported 80-bit encodings) or,
     * half of the time, numbers of moderate size, whose arithmetic goes deeper than special cases.
     */
    @Property(tries = 1500)
    void x87SequencesAgreeWithTheHostCpu(@ForAll @Size(min = 1, max = 8) List<Long> instructions,
                                        @ForAll("states") long stateSeed, @ForAll("engines") EngineKind engine,
                                        @ForAll("controlWords") int controlWord, @ForAll boolean moderateNumbers) {
        CaseGenerator generator = new CaseGenerator(CaseGenerator.X87_FORMS);
        instructions.forEach(generator::add);
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(CaseGenerator.x87Prologue(controlWord));
        code.writeBytes(generator.code());
        code.writeBytes(CaseGenerator.x87Epilogue());
        check(code.toByteArray(), generator.flagMask(), stateSeed, engine, moderateNumbers);
    }

    /**
     * The transcendentals, which this FPU computes in double precision (StrictMath, within 1 ulp; the
     * logarithms in extended precision) where the hardware computes 64 bits: stored as doubles, the two must agree within 2 double ulps. The
     * arguments stay where the hardware's own reduction is accurate (|x| < 1.5 for the periodic
     * functions: near multiples of pi its 66-bit pi loses digits, SDM vol. 1 8.3.10).
     */
    @Property(tries = 600)
    void x87TranscendentalsAreWithinTwoDoubleUlpsOfTheHostCpu(@ForAll("transcendentals") int function,
                                                             @ForAll double seedX, @ForAll double seedY) {
        double x = switch (function) {
            case 0xF1 -> Math.abs(seedX) % 1e10 + 1e-10;
            case 0xF9 -> seedX % 0.29;
            case 0xF0 -> seedX % 1;
            default -> seedX % 1.5;
        };
        double y = seedY % 1e3;
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        Outcome[] outcomes = runTranscendental(function, x, y, false);
        double expected = result(outcomes[0]);
        double actual = result(outcomes[1]);
        double ulps = Math.abs(expected - actual) / Math.ulp(expected);
        if (!(ulps <= 2) && !(expected == actual)) {
            fail(String.format("D9 %02X of x=%s y=%s: host %s, Mimic %s (%.1f ulps)", function, x, y, expected, actual, ulps));
        }
    }

    /**
     * FYL2X and FYL2XP1, whose logarithms this FPU computes in extended precision, against the host's
     * 80-bit results: within 2 extended ulps (the hardware's own error is below one), also for
     * arguments next to 1, where the exponent and the logarithm of the significand cancel.
     */
    @Property(tries = 400)
    void x87LogarithmsAreWithinTwoExtendedUlpsOfTheHostCpu(@ForAll("logarithms") int function, @ForAll double seedX,
                                                          @ForAll double seedY, @ForAll boolean nextToOne) {
        double x = function == 0xF1
                ? nextToOne ? 1 + seedX % 1e-3 : Math.abs(seedX) % 1e10 + 1e-10
                : nextToOne ? seedX % 1e-9 : seedX % 0.29;
        double y = seedY % 1e3;
        if (!Double.isFinite(x) || !Double.isFinite(y) || x == 1 || y == 0) {
            return;
        }
        Outcome[] outcomes = runTranscendental(function, x, y, true);
        BigInteger expected = extendedOrder(outcomes[0]);
        BigInteger actual = extendedOrder(outcomes[1]);
        if (expected.subtract(actual).abs().compareTo(BigInteger.TWO) > 0) {
            fail(String.format("D9 %02X of x=%s y=%s: host %s, Mimic %s (%s extended ulps)", function, x, y,
                    expected.toString(16), actual.toString(16), expected.subtract(actual)));
        }
    }

    @Provide
    Arbitrary<Integer> logarithms() {
        return Arbitraries.of(0xF1, 0xF9);
    }

    /**
     * Runs D9 {@code function} with ST(0) = x and ST(1) = y on the host and in Mimic; the result is stored
     * at scratch offset 16 as a double or, with {@code extended}, in 80 bits. Fails when either faults.
     */
    private static Outcome[] runTranscendental(int function, double x, double y, boolean extended) {
        int base = (int) MimicSandbox.SCRATCH;
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(CaseGenerator.x87Prologue(0x37F));
        code.writeBytes(new byte[] {(byte) 0xDD, 0x05});
        code.writeBytes(le32(base + 8));
        code.writeBytes(new byte[] {(byte) 0xDD, 0x05});
        code.writeBytes(le32(base));
        code.writeBytes(extended ? new byte[] {(byte) 0xD9, (byte) function, (byte) 0xDB, 0x3D}
                : new byte[] {(byte) 0xD9, (byte) function, (byte) 0xDD, 0x1D});
        code.writeBytes(le32(base + 16));
        byte[] scratch = new byte[MimicSandbox.SCRATCH_SIZE];
        ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN).putDouble(0, x).putDouble(8, y);
        int[] registers = {2, 0, 0, 0, 0, CaseGenerator.ESP, CaseGenerator.EBP, 0, 0};
        Outcome host = NATIVE.run(registers, scratch, code.toByteArray());
        Outcome mimic = INTERPRETER.run(registers, scratch, code.toByteArray(), EngineKind.INTERP);
        if (host.signal() != 0 || mimic.signal() != 0) {
            fail("D9 " + Integer.toHexString(function) + " faulted: host " + host + ", Mimic " + mimic);
        }
        return new Outcome[] {host, mimic};
    }

    /**
     * The 80-bit value at scratch offset 16 as a position on the number line counted in extended ulps
     * (sign and magnitude: exponent × 2^63 plus the significand's fraction), so neighbours differ by one.
     */
    private static BigInteger extendedOrder(Outcome outcome) {
        ByteBuffer b = ByteBuffer.wrap(outcome.scratch()).order(ByteOrder.LITTLE_ENDIAN);
        long significand = b.getLong(16);
        int signExponent = b.getShort(24) & 0xFFFF;
        BigInteger magnitude = BigInteger.valueOf(signExponent & 0x7FFF).shiftLeft(63)
                .add(BigInteger.valueOf(significand & Long.MAX_VALUE));
        return (signExponent & 0x8000) != 0 ? magnitude.negate() : magnitude;
    }

    private static double result(Outcome outcome) {
        return ByteBuffer.wrap(outcome.scratch()).order(ByteOrder.LITTLE_ENDIAN).getDouble(16);
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** F2XM1, FYL2X, FPTAN, FPATAN, FYL2XP1, FSIN, FCOS by the second byte of their D9 encoding. */
    @Provide
    Arbitrary<Integer> transcendentals() {
        return Arbitraries.of(0xF0, 0xF1, 0xF2, 0xF3, 0xF9, 0xFE, 0xFF);
    }

    private static void check(byte[] code, int flagMask, long stateSeed, EngineKind engine, boolean moderateNumbers) {
        Random random = new Random(stateSeed);
        int[] registers = new int[9];
        registers[0] = random.nextInt() & CaseGenerator.COMPARED | 2;
        for (int i = 1; i < 9; i++) {
            registers[i] = interesting(random);
        }
        registers[5] = CaseGenerator.ESP;
        registers[6] = CaseGenerator.EBP;
        byte[] scratch = new byte[MimicSandbox.SCRATCH_SIZE];
        random.nextBytes(scratch);
        if (moderateNumbers) {
            // Every byte 38..47 or B8..C7: any float or double read from it lies within 2^-130..2^130.
            for (int i = 0; i < scratch.length; i++) {
                scratch[i] = (byte) (0x38 + (scratch[i] & 0x0F) | scratch[i] & 0x80);
            }
        }
        Outcome expected = NATIVE.run(registers, scratch, code);
        Outcome actual = (engine == EngineKind.JIT ? JIT : INTERPRETER).run(registers, scratch, code, engine);
        // At a fault the flags are those before the faulting instruction, which the generator does not track.
        int mask = expected.signal() == 0 ? flagMask : 0;
        String diff = expected.differences(actual, mask);
        if (!diff.isEmpty()) {
            fail("host vs Mimic (" + engine + ") differ after " + HexFormat.of().formatHex(code) + ": " + diff
                    + "\n  host:  " + expected + "\n  mimic: " + actual);
        }
    }

    private static int interesting(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> random.nextInt(256) - 128;
            case 2 -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case 3 -> 0xFFFF & random.nextInt() | (random.nextBoolean() ? 0x8000 : 0);
            default -> random.nextInt();
        };
    }

    @Provide
    Arbitrary<Long> states() {
        return Arbitraries.longs();
    }

    /**
     * Precision control 24, 53 or 64 bits; any rounding control; all exceptions masked, or a quarter of
     * the time some unmasked, so that the next waiting instruction faults with #MF (SIGFPE on the host).
     */
    @Provide
    Arbitrary<Integer> controlWords() {
        Arbitrary<Integer> masks = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0x3F)), Tuple.of(1, Arbitraries.integers().between(0, 0x3F)));
        return Combinators.combine(Arbitraries.of(0x0040, 0x0240, 0x0340), Arbitraries.integers().between(0, 3), masks)
                .as((pc, rc, mask) -> pc | rc << 10 | mask);
    }

    @Provide
    Arbitrary<EngineKind> engines() {
        return Arbitraries.of(EngineKind.INTERP, EngineKind.JIT);
    }
}
