package dev.mimic.x86.fpu;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.memory.GuestMemory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The x87 FPU (SDM vol. 1 chapter 8): eight data registers used as a stack, the control, status and
 * tag words. One object per machine, held in the CPU's {@code fpu} state slot; the x87 instructions
 * are calls of the public static helpers here, which take it as their first argument.
 *
 * <p>Values are kept as doubles, so arithmetic rounds to 53 bits where the hardware's default
 * precision control rounds to 64 first; 80-bit memory operands are converted exactly on store and
 * rounded to nearest on load. Exceptions are masked as the default control word has them: invalid
 * operations produce the QNaN indefinite and set the status word's flags, and #MF is never raised.
 */
public final class X87 {
    static final int C0 = 1 << 8, C1 = 1 << 9, C2 = 1 << 10, C3 = 1 << 14;
    private static final int IE = 1, ZE = 4, SF = 0x40, ES = 0x80;
    private static final int TAG_VALID = 0, TAG_ZERO = 1, TAG_SPECIAL = 2, TAG_EMPTY = 3;
    /** The QNaN floating-point indefinite (SDM vol. 1 4.8.3.7). */
    private static final double INDEFINITE = Double.longBitsToDouble(0xFFF8_0000_0000_0000L);

    /** Physical registers R0..R7; ST(i) is R[(top + i) mod 8]. */
    private final double[] registers = new double[8];
    private final boolean[] empty = new boolean[8];
    private int top;
    /**
     * Set when an instruction read an empty register: its result is then the indefinite, whatever the
     * operation (SDM vol. 1 8.5.1.2, masked stack underflow). Every helper that reads registers clears it first.
     */
    private boolean underflowed;
    private int control;
    private int status;

    public X87() {
        init(this);
    }

    /** Writes the registers, tags, control and status words (for snapshots). */
    public void write(DataOutputStream out) throws IOException {
        for (int r = 0; r < 8; r++) {
            out.writeLong(Double.doubleToRawLongBits(registers[r]));
            out.writeBoolean(empty[r]);
        }
        out.writeInt(top);
        out.writeInt(control);
        out.writeInt(status);
    }

    /** Reads what {@link #write} wrote. */
    public void read(DataInputStream in) throws IOException {
        for (int r = 0; r < 8; r++) {
            registers[r] = Double.longBitsToDouble(in.readLong());
            empty[r] = in.readBoolean();
        }
        top = in.readInt() & 7;
        control = in.readInt();
        status = in.readInt();
    }

    // ---- stack ----

    private int physical(int i) {
        return top + i & 7;
    }

    /** ST(i), the QNaN indefinite (with a stack fault) when the register is empty. */
    double st(int i) {
        int r = physical(i);
        if (empty[r]) {
            underflowed = true;
            status |= IE | SF | ES;
            status &= ~C1;
            return INDEFINITE;
        }
        return registers[r];
    }

    void set(int i, double v) {
        int r = physical(i);
        registers[r] = v;
        empty[r] = false;
    }

    void push(double v) {
        top = top - 1 & 7;
        if (!empty[top]) {
            status |= IE | SF | ES | C1;
            v = INDEFINITE;
        }
        registers[top] = v;
        empty[top] = false;
    }

    void pop() {
        empty[top] = true;
        top = top + 1 & 7;
    }

    // ---- loads and stores ----

    public static void pushFloat(X87 f, int bits) {
        f.push(fromFloat(bits));
    }

    public static void pushDouble(X87 f, long bits) {
        f.push(quiet(Double.longBitsToDouble(bits)));
    }

    // ---- NaNs: the hardware's rules (SDM vol. 1 4.8.3.5 and table 4-7), not Java's, which need not keep payloads ----

    private static final long SIGN = Long.MIN_VALUE;
    private static final long QUIET = 1L << 51;

    /** A NaN made quiet (an SNaN loaded becomes a QNaN); other values unchanged. */
    static double quiet(double v) {
        return Double.isNaN(v) ? Double.longBitsToDouble(Double.doubleToRawLongBits(v) | QUIET) : v;
    }

    /** A single-precision value widened, NaN payloads kept (as FLD m32 does). */
    static double fromFloat(int bits) {
        if ((bits & 0x7F80_0000) == 0x7F80_0000 && (bits & 0x7F_FFFF) != 0) {
            long sign = bits < 0 ? SIGN : 0;
            return Double.longBitsToDouble(sign | 0x7FF0_0000_0000_0000L | QUIET | (long) (bits & 0x7F_FFFF) << 29);
        }
        return Float.intBitsToFloat(bits);
    }

    /** A double narrowed to single precision, NaN payloads truncated (as FST m32 does). */
    static int toFloat(double v) {
        if (Double.isNaN(v)) {
            long bits = Double.doubleToRawLongBits(v);
            return (int) (bits >>> 32 & 0x8000_0000L) | 0x7FC0_0000 | (int) (bits >>> 29 & 0x7F_FFFF);
        }
        return Float.floatToRawIntBits((float) v);
    }

    /**
     * The result of an operation on {@code a} and {@code b} that computed {@code r}: a NaN operand
     * propagates (of two, the one with the larger significand, the positive one when they tie); a NaN made from numbers is the
     * indefinite, with IE set.
     */
    private double result(double a, double b, double r) {
        if (!Double.isNaN(r)) {
            return r;
        }
        boolean nanA = Double.isNaN(a);
        boolean nanB = Double.isNaN(b);
        if (nanA || nanB) {
            long sa = Double.doubleToRawLongBits(a) & ~SIGN;
            long sb = Double.doubleToRawLongBits(b) & ~SIGN;
            boolean pickA = nanA && (!nanB || sa > sb || sa == sb && Double.doubleToRawLongBits(a) >= 0);
            return quiet(pickA ? a : b);
        }
        status |= IE | ES;
        return INDEFINITE;
    }

    public static void pushExtended(X87 f, long mantissa, int signExponent) {
        f.push(Extended.toDouble(mantissa, signExponent));
    }

    public static void pushInteger(X87 f, long value) {
        f.push(value);
    }

    /** FLD ST(i): ST(i) is read before the push. */
    public static void pushRegister(X87 f, int i) {
        f.push(f.st(i));
    }

    /** FLD1, FLDZ, FLDPI and the other constants, by the low three bits of their opcode. */
    public static void pushConstant(X87 f, int which) {
        f.push(switch (which) {
            case 0 -> 1.0;
            case 1 -> Math.log(10) / Math.log(2);
            case 2 -> 1 / Math.log(2);
            case 3 -> Math.PI;
            case 4 -> Math.log10(2);
            case 5 -> Math.log(2);
            default -> 0.0;
        });
    }

    public static int stFloat(X87 f, int i) {
        return toFloat(f.st(i));
    }

    public static long stDouble(X87 f, int i) {
        return Double.doubleToRawLongBits(f.st(i));
    }

    public static long stExtendedMantissa(X87 f, int i) {
        return Extended.mantissa(f.st(i));
    }

    public static int stExtendedExponent(X87 f, int i) {
        return Extended.signExponent(f.st(i));
    }

    /**
     * ST(0) as a {@code bytes}-wide integer, rounded by the control word's rounding control; the integer
     * indefinite (the most negative value) when it does not fit (SDM vol. 1 4.8.3.7).
     */
    public static long stInteger(X87 f, int bytes) {
        double v = round(f.st(0), f.control >>> 10 & 3);
        double limit = Math.scalb(1.0, 8 * bytes - 1);
        if (Double.isNaN(v) || v >= limit || v < -limit) {
            f.status |= IE | ES;
            return (long) -limit;
        }
        return (long) v;
    }

    /** FBLD: the packed BCD integer of 18 digits in {@code low} and {@code high} (the sign in bit 15). */
    public static void pushBcd(X87 f, long low, int high) {
        long value = 0;
        for (int i = 17; i >= 0; i--) {
            int digit = (int) ((i < 16 ? low >>> 4 * i : high >>> 4 * (i - 16)) & 15);
            value = value * 10 + digit;
        }
        f.push((high & 0x8000) != 0 ? -(double) value : value);
    }

    /** FBSTP: ST(0) rounded as packed BCD, its low eight bytes ({@code part} 0) or its high two bytes (1). */
    public static long stBcd(X87 f, int part) {
        double v = round(f.st(0), f.control >>> 10 & 3);
        if (!(Math.abs(v) < 1e18)) {
            f.status |= IE | ES;
            return part == 0 ? 0 : 0xFFFF;
        }
        long n = (long) Math.abs(v);
        long low = 0;
        long high = 0;
        for (int i = 0; i < 18; i++, n /= 10) {
            if (i < 16) {
                low |= (n % 10) << 4 * i;
            } else {
                high |= (n % 10) << 4 * (i - 16);
            }
        }
        return part == 0 ? low : high | (v < 0 || Double.doubleToRawLongBits(v) < 0 ? 0x8000 : 0);
    }

    public static void pop(X87 f) {
        f.pop();
    }

    /** FST ST(i), FSTP ST(i). */
    public static void storeRegister(X87 f, int i, int pop) {
        f.set(i, f.st(0));
        if (pop != 0) {
            f.pop();
        }
    }

    public static void exchange(X87 f, int i) {
        double a = f.st(0);
        double b = f.st(i);
        f.set(0, b);
        f.set(i, a);
    }

    /** FCMOVcc: ST(0) = ST(i) when {@code condition} is not zero; an empty operand gives the indefinite either way. */
    public static void moveIf(X87 f, int condition, int i) {
        f.underflowed = false;
        double source = f.st(i);
        f.st(0);
        if (f.underflowed) {
            f.set(0, INDEFINITE);
        } else if (condition != 0) {
            f.set(0, source);
        }
    }

    public static void free(X87 f, int i) {
        f.empty[f.physical(i)] = true;
    }

    /** FINCSTP (+1) and FDECSTP (-1): rotate the stack without changing tags. */
    public static void rotate(X87 f, int by) {
        f.top = f.top + by & 7;
        f.status &= ~C1;
    }

    // ---- arithmetic ----

    /** The arithmetic operations by their ModRM reg field: add, mul, (com, comp,) sub, subr, div, divr. */
    static double apply(int op, double a, double b) {
        return switch (op) {
            case 0 -> a + b;
            case 1 -> a * b;
            case 4 -> a - b;
            case 5 -> b - a;
            case 6 -> a / b;
            default -> b / a;
        };
    }

    /** ST(0) = ST(0) op value, for the memory forms. */
    public static void arithmeticFloat(X87 f, int op, int bits) {
        f.underflowed = false;
        boolean signalling = (bits & 0x7FC0_0000) == 0x7F80_0000 && (bits & 0x3F_FFFF) != 0;
        f.arithmetic(0, op, f.st(0), fromFloat(bits), signalling);
    }

    public static void arithmeticDouble(X87 f, int op, long bits) {
        f.underflowed = false;
        boolean signalling = (bits & 0x7FF8_0000_0000_0000L) == 0x7FF0_0000_0000_0000L && (bits & 0x7_FFFF_FFFF_FFFFL) != 0;
        f.arithmetic(0, op, f.st(0), quiet(Double.longBitsToDouble(bits)), signalling);
    }

    public static void arithmeticInteger(X87 f, int op, long value) {
        f.underflowed = false;
        f.arithmetic(0, op, f.st(0), value, false);
    }

    /** ST(dest) = ST(dest) op ST(other), popping afterwards when {@code pop} is set (FADDP and friends). */
    public static void arithmeticRegisters(X87 f, int op, int dest, int other, int pop) {
        f.underflowed = false;
        f.arithmetic(dest, op, f.st(dest), f.st(other), false);
        if (pop != 0) {
            f.pop();
        }
    }

    /** ST(dest) = a op b; {@code bSignalling} tells that b was an SNaN in memory (registers hold only QNaNs). */
    private void arithmetic(int dest, int op, double a, double b, boolean bSignalling) {
        status &= ~C1;
        double r = apply(op, a, b);
        if (underflowed) {
            r = INDEFINITE;
        } else if (bSignalling && Double.isNaN(a)) {
            r = a; // a QNaN wins over an SNaN (SDM vol. 1 table 4-7)
        } else {
            r = result(a, b, r);
        }
        set(dest, r);
    }

    /** ST(i) = {@code v}, a function's result of ST(0): NaNs follow {@link #result}. */
    private void setResult(int i, double v) {
        status &= ~C1;
        set(i, result(st(0), st(0), v));
    }

    // ---- comparisons ----

    /** FCOM and friends: C3, C2, C0 from comparing ST(0) with {@code b}; {@code pops} times popped. */
    private static void compare(X87 f, double b, int pops) {
        double a = f.st(0);
        f.status &= ~(C0 | C1 | C2 | C3);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            f.status |= C0 | C2 | C3;
        } else if (a < b) {
            f.status |= C0;
        } else if (a == b) {
            f.status |= C3;
        }
        for (int i = 0; i < pops; i++) {
            f.pop();
        }
    }

    public static void compareFloat(X87 f, int bits, int pops) {
        compare(f, Float.intBitsToFloat(bits), pops);
    }

    public static void compareDouble(X87 f, long bits, int pops) {
        compare(f, Double.longBitsToDouble(bits), pops);
    }

    public static void compareInteger(X87 f, long value, int pops) {
        compare(f, value, pops);
    }

    public static void compareRegister(X87 f, int i, int pops) {
        compare(f, f.st(i), pops);
    }

    /** FCOMI, FUCOMI(P): the comparison as ZF, PF, CF (EFLAGS positions; OF, SF, AF clear). */
    public static int compareToFlags(X87 f, int i, int pop) {
        double a = f.st(0);
        double b = f.st(i);
        f.status &= ~C1;
        if (pop != 0) {
            f.pop();
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return 0x45;
        }
        return a < b ? 0x01 : a == b ? 0x40 : 0;
    }

    /** FXAM: the class of ST(0) in C3, C2, C0 and its sign in C1 (SDM vol. 2 FXAM). */
    public static void examine(X87 f) {
        int r = f.physical(0);
        double v = f.registers[r];
        f.status &= ~(C0 | C1 | C2 | C3);
        if ((Double.doubleToRawLongBits(v) < 0)) {
            f.status |= C1;
        }
        if (f.empty[r]) {
            f.status |= C3 | C0;
        } else if (Double.isNaN(v)) {
            f.status |= C0;
        } else if (Double.isInfinite(v)) {
            f.status |= C2 | C0;
        } else if (v == 0) {
            f.status |= C3;
        } else if (Math.abs(v) < Double.MIN_NORMAL) {
            f.status |= C3 | C2;
        } else {
            f.status |= C2;
        }
    }

    // ---- one-operand functions of ST(0), by the low five bits of D9 E0..FF ----

    /** FCHS, FABS, FTST, F2XM1, FYL2X, FPTAN, FPATAN, FXTRACT, FPREM1, FPREM, FYL2XP1, FSQRT, FSINCOS, FRNDINT, FSCALE, FSIN, FCOS. */
    public static void function(X87 f, int which) {
        f.underflowed = false;
        double x = f.st(0);
        if (f.underflowed && which != 0x04) {
            f.set(0, INDEFINITE);
            return;
        }
        switch (which) {
            case 0x00 -> f.set(0, Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ SIGN));
            case 0x01 -> f.set(0, Double.longBitsToDouble(Double.doubleToRawLongBits(x) & ~SIGN));
            case 0x04 -> compare(f, 0.0, 0);
            case 0x10 -> f.setResult(0, Math.pow(2, x) - 1);
            case 0x11 -> {
                double y = f.st(1);
                f.pop();
                f.setResult(0, y * Math.log(x) / Math.log(2));
            }
            case 0x12 -> {
                f.setResult(0, Math.tan(x));
                f.status &= ~C2;
                f.push(1.0);
            }
            case 0x13 -> {
                double y = f.st(1);
                f.pop();
                f.setResult(0, Math.atan2(y, x));
            }
            case 0x14 -> {
                int exponent = x == 0 || !Double.isFinite(x) ? 0 : Math.getExponent(x);
                f.setResult(0, x == 0 ? Double.NEGATIVE_INFINITY : exponent);
                f.push(x == 0 || !Double.isFinite(x) ? x : Math.scalb(x, -exponent));
            }
            case 0x15, 0x18 -> remainder(f, x, f.st(1), which == 0x15);
            case 0x19 -> {
                double y = f.st(1);
                f.pop();
                f.setResult(0, y * Math.log1p(x) / Math.log(2));
            }
            case 0x1A -> f.setResult(0, Math.sqrt(x));
            case 0x1B -> {
                f.setResult(0, Math.sin(x));
                f.status &= ~C2;
                f.push(Math.cos(x));
            }
            case 0x1C -> f.setResult(0, round(x, f.control >>> 10 & 3));
            case 0x1D -> f.setResult(0, Math.scalb(x, (int) Math.max(Math.min(f.st(1), 1 << 16), -(1 << 16))));
            case 0x1E -> {
                f.setResult(0, Math.sin(x));
                f.status &= ~C2;
            }
            case 0x1F -> {
                f.setResult(0, Math.cos(x));
                f.status &= ~C2;
            }
            default -> throw new IllegalArgumentException("no x87 function " + which);
        }
    }

    /** FPREM (truncating quotient) and FPREM1 (IEEE, nearest): the remainder, and the quotient's low bits in C0, C3, C1. */
    private static void remainder(X87 f, double x, double y, boolean ieee) {
        double q = ieee ? Math.rint(x / y) : x / y < 0 ? Math.ceil(x / y) : Math.floor(x / y);
        double r = ieee ? Math.IEEEremainder(x, y) : x % y;
        long bits = Double.isFinite(q) ? (long) Math.abs(q) : 0;
        f.status &= ~(C0 | C1 | C2 | C3);
        f.status |= ((bits & 4) != 0 ? C0 : 0) | ((bits & 2) != 0 ? C3 : 0) | ((bits & 1) != 0 ? C1 : 0);
        f.set(0, r);
    }

    /** Rounds by rounding-control mode {@code mode}: nearest even, down, up, toward zero. */
    static double round(double v, int mode) {
        return switch (mode) {
            case 0 -> Math.rint(v);
            case 1 -> Math.floor(v);
            case 2 -> Math.ceil(v);
            default -> v < 0 ? Math.ceil(v) : Math.floor(v);
        };
    }

    // ---- control and status ----

    /** FNINIT: control word 037F, everything empty (SDM vol. 1 8.1.10). */
    public static void init(X87 f) {
        f.control = 0x37F;
        f.status = 0;
        f.top = 0;
        Arrays.fill(f.empty, true);
    }

    public static void clearExceptions(X87 f) {
        f.status &= ~0x80FF;
    }

    public static int controlWord(X87 f) {
        return f.control;
    }

    public static void setControlWord(X87 f, int value) {
        f.control = value & 0x1F7F | 0x40;
    }

    /** The status word with TOP in bits 11-13. */
    public static int statusWord(X87 f) {
        return f.status & ~0x3800 | f.top << 11;
    }

    /** The tag word: two bits per physical register. */
    static int tagWord(X87 f) {
        int tags = 0;
        for (int r = 0; r < 8; r++) {
            double v = f.registers[r];
            int tag = f.empty[r] ? TAG_EMPTY : v == 0 ? TAG_ZERO : Double.isFinite(v) && Math.abs(v) >= Double.MIN_NORMAL
                    ? TAG_VALID : TAG_SPECIAL;
            tags |= tag << 2 * r;
        }
        return tags;
    }

    /**
     * FNSTENV and FNSAVE: the environment in the 32-bit protected-mode layout (28 bytes; SDM vol. 1
     * 8.1.10), then for FNSAVE the registers ST(0)..ST(7) in 80-bit form, after which the FPU is
     * initialised. The instruction and operand pointers are saved as zero.
     */
    public static void save(ExecutionContext ctx, X87 f, int address, int withRegisters) {
        GuestMemory m = ctx.memory;
        long a = address & 0xFFFF_FFFFL;
        int[] environment = {f.control | 0xFFFF_0000, statusWord(f) | 0xFFFF_0000, tagWord(f) | 0xFFFF_0000, 0, 0, 0, 0};
        for (int i = 0; i < environment.length; i++) {
            m.store32(a + 4L * i, environment[i]);
        }
        if (withRegisters != 0) {
            for (int i = 0; i < 8; i++) {
                double v = f.registers[f.physical(i)];
                m.store64(a + 28 + 10L * i, Extended.mantissa(v));
                m.store16(a + 36 + 10L * i, Extended.signExponent(v));
            }
            init(f);
        }
    }

    /** FLDENV and FRSTOR: the inverse of {@link #save}. */
    public static void restore(ExecutionContext ctx, X87 f, int address, int withRegisters) {
        GuestMemory m = ctx.memory;
        long a = address & 0xFFFF_FFFFL;
        int control = m.load32(a);
        int statusWord = m.load32(a + 4);
        int tags = m.load32(a + 8);
        double[] values = new double[8];
        if (withRegisters != 0) {
            for (int i = 0; i < 8; i++) {
                values[i] = Extended.toDouble(m.load64(a + 28 + 10L * i), m.load16(a + 36 + 10L * i));
            }
        }
        setControlWord(f, control);
        f.status = statusWord & ~0x3800;
        f.top = statusWord >>> 11 & 7;
        for (int r = 0; r < 8; r++) {
            f.empty[r] = (tags >>> 2 * r & 3) == TAG_EMPTY;
        }
        if (withRegisters != 0) {
            for (int i = 0; i < 8; i++) {
                f.registers[f.physical(i)] = values[i];
            }
        }
    }
}
