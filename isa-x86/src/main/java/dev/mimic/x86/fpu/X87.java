package dev.mimic.x86.fpu;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.x86.cpu.Vector;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static dev.mimic.x86.fpu.Rounding.DE;
import static dev.mimic.x86.fpu.Rounding.IE;
import static dev.mimic.x86.fpu.Rounding.ZE;

/**
 * The x87 FPU (SDM vol. 1 chapter 8): eight 80-bit data registers used as a stack, the control, status
 * and tag words. One object per machine, held in the CPU's {@code fpu} state slot; the x87 instructions
 * are calls of the public static helpers here, which take it as their first argument.
 *
 * <p>Values are {@link Extended}s and every result is rounded as the control word's precision and
 * rounding control ask ({@link Rounding}). A masked exception delivers the SDM's default result; an
 * unmasked one sets ES and B, leaves the destination as the SDM says, and stays pending
 * ({@link #pendingException}) until a waiting x87 instruction delivers it as #MF.
 */
public final class X87 {
    static final int C0 = 1 << 8, C1 = 1 << 9, C2 = 1 << 10, C3 = 1 << 14;
    private static final int SF = 0x40, ES = 0x80, BUSY = 0x8000;
    private static final int TAG_VALID = 0, TAG_ZERO = 1, TAG_SPECIAL = 2, TAG_EMPTY = 3;

    /** Physical registers R0..R7; ST(i) is R[(top + i) mod 8]. */
    private final Extended[] registers = new Extended[8];
    private final boolean[] empty = new boolean[8];
    private int top;
    /**
     * Set when the current instruction read an empty register: its result is then the indefinite, whatever
     * the operation (SDM vol. 1 8.5.1.2, masked stack underflow).
     */
    private boolean underflowed;
    /** Set on a stack overflow or underflow, which hides the operation's other exceptions. */
    private boolean stackFault;
    /** Set when the current instruction's memory operand is a float or double denormal. */
    private boolean denormalSource;
    private int control;
    private int status;
    /** The rounding of the current instruction, reused. */
    private final Rounding rounding = new Rounding(0x37F);

    public X87() {
        Arrays.fill(registers, Extended.zero(false));
        init(this);
    }

    /** Writes the registers, tags, control and status words (for snapshots). */
    public void write(DataOutputStream out) throws IOException {
        for (int r = 0; r < 8; r++) {
            out.writeLong(registers[r].significand());
            out.writeShort(registers[r].signExponent());
            out.writeBoolean(empty[r]);
        }
        out.writeInt(top);
        out.writeInt(control);
        out.writeInt(status);
    }

    /** Reads what {@link #write} wrote. */
    public void read(DataInputStream in) throws IOException {
        for (int r = 0; r < 8; r++) {
            long significand = in.readLong();
            registers[r] = new Extended(in.readUnsignedShort(), significand);
            empty[r] = in.readBoolean();
        }
        top = in.readInt() & 7;
        control = in.readInt();
        status = in.readInt();
    }

    /**
     * Whether an unmasked exception is pending (the status word's ES): the next waiting x87 instruction
     * (all but FNINIT, FNCLEX, FNSTCW, FNSTSW, FNSTENV, FNSAVE) must raise #MF instead of executing
     * (SDM vol. 1 8.6). Returns 1 or 0, as IR helpers do.
     */
    public static int pendingException(X87 f) {
        return (f.status & ES) != 0 ? 1 : 0;
    }

    // ---- the instruction frame: one Rounding per instruction, its flags merged at the end ----

    /** Raises #MF when an unmasked exception is pending: the start of every waiting x87 instruction. */
    private void await() {
        if ((status & ES) != 0) {
            throw Vector.raise(Vector.MF, 0, "x87 floating-point error: status word " + Integer.toHexString(statusWord(this)));
        }
    }

    /** FWAIT: delivers a pending unmasked exception. */
    public static void await(X87 f) {
        f.await();
    }

    /** Starts a waiting instruction. */
    private Rounding begin() {
        await();
        return resume();
    }

    /**
     * Starts an instruction without the wait: for the second helper of an instruction made of two (the
     * high part of FSTP m80 and FBSTP), which must not deliver what the first part raised.
     */
    private Rounding resume() {
        underflowed = false;
        stackFault = false;
        denormalSource = false;
        return rounding.reset(control);
    }

    /**
     * Ends an instruction: merges the exception flags, sets C1 from the rounding (cleared unless an
     * inexact result was rounded up, SDM vol. 1 8.1.3.3), ES and B when an exception is unmasked.
     * Returns whether the instruction may write its result.
     */
    private boolean finish() {
        Rounding r = rounding;
        // A stack fault takes precedence over the operation's other exceptions (SDM vol. 1 4.9.2).
        status = status & ~C1 | (r.roundedUp() ? C1 : 0) | (stackFault ? IE : r.flags());
        if ((status & ~control & 0x3F) != 0) {
            status |= ES | BUSY;
        }
        return !r.suppressed();
    }

    /** {@link #finish} for FCMOVcc and FCOMI, which leave C1 alone unless the stack underflows (as the hardware does). */
    private boolean finishKeepingC1() {
        int c1 = status & C1;
        boolean write = finish();
        if (!underflowed) {
            status = status & ~C1 | c1;
        }
        return write;
    }

    // ---- stack ----

    private int physical(int i) {
        return top + i & 7;
    }

    /** ST(i), the QNaN indefinite (with a stack fault) when the register is empty. */
    private Extended st(int i) {
        int r = physical(i);
        if (empty[r]) {
            underflowed = true;
            stackFault = true;
            rounding.raise(IE);
            status |= SF;
            return Extended.INDEFINITE;
        }
        return registers[r];
    }

    private void set(int i, Extended v) {
        int r = physical(i);
        registers[r] = v;
        empty[r] = false;
    }

    /**
     * Whether pushing onto physical register {@code r} overflows the stack: it is not empty, and ST(0)
     * was (an underflow, which the hardware reports instead). Raises the stack fault.
     */
    private boolean overflows(int r) {
        if (empty[r] || underflowed) {
            return false;
        }
        stackFault = true;
        rounding.raise(IE);
        status |= SF;
        return true;
    }

    /** Ends the instruction after a stack overflow check: C1 set on an overflow (SDM vol. 1 8.1.3.1). */
    private boolean finish(boolean overflow) {
        boolean write = finish();
        if (overflow) {
            status |= C1;
        }
        return write;
    }

    /** Pushes {@code v} if the instruction may write; a full register is a stack overflow. */
    private void push(Extended v) {
        int r = top - 1 & 7;
        boolean overflow = overflows(r);
        if (overflow) {
            v = Extended.INDEFINITE;
        }
        if (finish(overflow)) {
            top = r;
            registers[top] = v;
            empty[top] = false;
        }
    }

    private void popRegister() {
        empty[top] = true;
        top = top + 1 & 7;
    }

    /** Sets ST(i) to {@code v} unless an unmasked exception suppresses it; pops afterwards when {@code pop}. */
    private void complete(int i, Extended v, boolean pop) {
        if (finish()) {
            set(i, underflowed ? Extended.INDEFINITE : v);
            if (pop) {
                popRegister();
            }
        }
    }

    // ---- loads ----

    /**
     * A float operand from memory. A denormal there is normal once widened, but still a denormal operand
     * (SDM vol. 1 4.9.1.2), noted for {@link #denormalMemoryOperand}.
     */
    private Extended memoryFloat(int bits) {
        denormalSource = (bits & 0x7F80_0000) == 0 && (bits & 0x7F_FFFF) != 0;
        return Extended.ofFloat(bits);
    }

    /** A double operand from memory, as {@link #memoryFloat}. */
    private Extended memoryDouble(long bits) {
        denormalSource = (bits & 0x7FF0_0000_0000_0000L) == 0 && (bits & 0xF_FFFF_FFFF_FFFFL) != 0;
        return Extended.ofDouble(bits);
    }

    /** Raises the denormal-operand exception for a denormal memory operand, unless ST(0), the other operand, is a NaN. */
    private void denormalMemoryOperand(Extended other) {
        if (denormalSource && !other.isNaN() && !other.isUnsupported()) {
            rounding.raise(DE);
        }
    }

    /** A value loaded from memory in a narrower format: an SNaN is invalid and quieted. */
    private void pushConverted(Extended v) {
        if (v.isSignalling()) {
            rounding.raise(IE);
        }
        denormalMemoryOperand(v);
        push(v.quiet());
    }

    public static void pushFloat(X87 f, int bits) {
        f.begin();
        f.pushConverted(f.memoryFloat(bits));
    }

    public static void pushDouble(X87 f, long bits) {
        f.begin();
        f.pushConverted(f.memoryDouble(bits));
    }

    /** FLD m80: the value as it is, SNaNs and unsupported encodings included (SDM vol. 2 FLD). */
    public static void pushExtended(X87 f, long significand, int signExponent) {
        f.begin();
        f.push(new Extended(signExponent, significand));
    }

    public static void pushInteger(X87 f, long value) {
        f.begin();
        f.push(Extended.ofLong(value));
    }

    /** FLD ST(i): ST(i) is read before the push. */
    public static void pushRegister(X87 f, int i) {
        f.begin();
        f.push(f.st(i));
    }

    /**
     * The constants of FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ by the low three bits of their
     * opcode: sign and exponent, the first 64 significand bits and the next 64, from which the rounding
     * control rounds (SDM vol. 1 8.3.8; precision control does not apply, nor the precision exception).
     */
    private static final long[][] CONSTANTS = {
        {0x3FFF, 0x8000_0000_0000_0000L, 0},
        {0x4000, 0xD49A_784B_CD1B_8AFEL, 0x492B_F6FF_0000_0000L},
        {0x3FFF, 0xB8AA_3B29_5C17_F0BBL, 0xBE87_FED0_0000_0000L},
        {0x4000, 0xC90F_DAA2_2168_C234L, 0xC4C6_628B_0000_0000L},
        {0x3FFD, 0x9A20_9A84_FBCF_F798L, 0x8F89_59AC_0000_0000L},
        {0x3FFE, 0xB172_17F7_D1CF_79ABL, 0xC9E3_B398_0000_0000L},
        {0, 0, 0},
    };

    public static void pushConstant(X87 f, int which) {
        long[] c = CONSTANTS[which];
        Rounding r = f.begin();
        long significand = c[1] + (r.roundsUp(false, c[1], c[2]) ? 1 : 0);
        f.push(new Extended((int) c[0], significand));
    }

    /** FBLD: the packed BCD integer of 18 digits in {@code low} and {@code high} (the sign in bit 15). */
    public static void pushBcd(X87 f, long low, int high) {
        long value = 0;
        for (int i = 17; i >= 0; i--) {
            int digit = (int) ((i < 16 ? low >>> 4 * i : high >>> 4 * (i - 16)) & 15);
            value = value * 10 + digit;
        }
        f.begin();
        Extended v = Extended.ofLong(value);
        f.push((high & 0x8000) != 0 ? v.negate() : v);
    }

    // ---- stores ----

    /**
     * The value a store to memory writes: {@code result}, or what the memory held, {@code old}, when an
     * unmasked invalid-operation, overflow or underflow exception leaves the destination unchanged
     * (SDM vol. 1 4.9.1.4, 4.9.1.5); the last two also leave the stack unpopped ({@link Rounding#toMemory}).
     */
    private long stored(long result, long old) {
        rounding.toMemory();
        return finish() ? result : old;
    }

    /** FST m32: ST(i) rounded to single precision; {@code old} is the memory's value (see {@link #stored}). */
    public static int stFloat(X87 f, int i, int old) {
        Rounding r = f.begin();
        return (int) f.stored(ExtendedMath.toFloat(f.st(i), r), old);
    }

    public static long stDouble(X87 f, int i, long old) {
        Rounding r = f.begin();
        return f.stored(ExtendedMath.toDouble(f.st(i), r), old);
    }

    /** FSTP m80, the significand; {@code old} is the memory's value (see {@link #stored}). */
    public static long stExtendedMantissa(X87 f, int i, long old) {
        f.begin();
        return f.stored(f.st(i).significand(), old);
    }

    /** FSTP m80, the sign and exponent (the instruction's second helper). */
    public static int stExtendedExponent(X87 f, int i, int old) {
        f.resume();
        return (int) f.stored(f.st(i).signExponent(), old);
    }

    /**
     * ST(0) as a {@code bytes}-wide integer, rounded by the control word's rounding control; the integer
     * indefinite (the most negative value) when it does not fit (SDM vol. 1 4.8.3.7).
     */
    public static long stInteger(X87 f, int bytes, long old) {
        Rounding r = f.begin();
        Long value = ExtendedMath.toInteger(f.st(0), bytes, r);
        return f.stored(value == null ? Long.MIN_VALUE >> 64 - 8 * bytes : value, old);
    }

    /** The packed BCD integer indefinite (SDM vol. 1 table 4-3), low eight bytes then high two. */
    private static final long BCD_INDEFINITE_LOW = 0xC000_0000_0000_0000L;
    private static final long BCD_LIMIT = 1_000_000_000_000_000_000L;

    /** FBSTP: ST(0) rounded as packed BCD, its low eight bytes ({@code part} 0) or its high two bytes (1). */
    public static long stBcd(X87 f, int part, long old) {
        Rounding r = part == 0 ? f.begin() : f.resume();
        Extended v = f.st(0);
        Long value = ExtendedMath.toInteger(v, 8, r);
        if (value != null && Math.abs(value) >= BCD_LIMIT) {
            r.raise(IE);
            value = null;
        }
        if (!f.finish()) {
            return old;
        }
        if (value == null) {
            return part == 0 ? BCD_INDEFINITE_LOW : 0xFFFF;
        }
        long n = Math.abs(value);
        long low = 0;
        long high = 0;
        for (int i = 0; i < 18; i++, n /= 10) {
            if (i < 16) {
                low |= (n % 10) << 4 * i;
            } else {
                high |= (n % 10) << 4 * (i - 16);
            }
        }
        return part == 0 ? low : high | (v.negative() ? 0x8000 : 0);
    }

    /** The pop after a store; an unmasked exception of the store leaves the stack as it was. */
    public static void pop(X87 f) {
        if (!f.rounding.suppressed()) {
            f.popRegister();
        }
    }

    /** FST ST(i), FSTP ST(i). */
    public static void storeRegister(X87 f, int i, int pop) {
        f.begin();
        f.complete(i, f.st(0), pop != 0);
    }

    public static void exchange(X87 f, int i) {
        f.begin();
        Extended a = f.st(0);
        Extended b = f.st(i);
        if (f.finish()) {
            f.set(0, b);
            f.set(i, a);
        }
    }

    /** FCMOVcc: ST(0) = ST(i) when {@code condition} is not zero; an empty operand gives the indefinite either way. */
    public static void moveIf(X87 f, int condition, int i) {
        f.begin();
        Extended source = f.st(i);
        Extended destination = f.st(0);
        if (f.finishKeepingC1()) {
            f.set(0, f.underflowed ? Extended.INDEFINITE : condition != 0 ? source : destination);
        }
    }

    /** FFREE: C1 clears (the SDM leaves it undefined; the hardware clears it). */
    public static void free(X87 f, int i) {
        f.await();
        f.empty[f.physical(i)] = true;
        f.status &= ~C1;
    }

    /** FFREEP: FFREE ST(i), then pop. */
    public static void freeAndPop(X87 f, int i) {
        free(f, i);
        f.popRegister();
    }

    /** FINCSTP (+1) and FDECSTP (-1): rotate the stack without changing tags. */
    public static void rotate(X87 f, int by) {
        f.await();
        f.top = f.top + by & 7;
        f.status &= ~C1;
    }

    // ---- arithmetic ----

    /** The arithmetic operations by their ModRM reg field: add, mul, (com, comp,) sub, subr, div, divr. */
    private static Extended apply(int op, Extended a, Extended b, Rounding r) {
        return switch (op) {
            case 0 -> ExtendedMath.add(a, b, false, r);
            case 1 -> ExtendedMath.multiply(a, b, r);
            case 4 -> ExtendedMath.add(a, b, true, r);
            case 5 -> ExtendedMath.add(b, a, true, r);
            case 6 -> ExtendedMath.divide(a, b, r);
            default -> ExtendedMath.divide(b, a, r);
        };
    }

    /** ST(0) = ST(0) op value, for the memory forms. */
    public static void arithmeticFloat(X87 f, int op, int bits) {
        f.begin();
        f.arithmetic(0, op, f.st(0), f.memoryFloat(bits), false);
    }

    public static void arithmeticDouble(X87 f, int op, long bits) {
        f.begin();
        f.arithmetic(0, op, f.st(0), f.memoryDouble(bits), false);
    }

    public static void arithmeticInteger(X87 f, int op, long value) {
        f.begin();
        f.arithmetic(0, op, f.st(0), Extended.ofLong(value), false);
    }

    /** ST(dest) = ST(dest) op ST(other), popping afterwards when {@code pop} is set (FADDP and friends). */
    public static void arithmeticRegisters(X87 f, int op, int dest, int other, int pop) {
        f.begin();
        f.arithmetic(dest, op, f.st(dest), f.st(other), pop != 0);
    }

    /** ST(dest) = a op b. */
    private void arithmetic(int dest, int op, Extended a, Extended b, boolean pop) {
        denormalMemoryOperand(a);
        complete(dest, apply(op, a, b, rounding), pop);
    }

    // ---- comparisons ----

    /**
     * FCOM and friends: C3, C2, C0 from comparing ST(0) with {@code b}; {@code how} has the number of
     * pops in bits 0-1 and, in bit 2, that this is FUCOM (QNaNs compare unordered without an exception).
     */
    private void compare(Extended b, int how) {
        Extended a = st(0);
        denormalMemoryOperand(a);
        int order = ExtendedMath.compare(a, b, (how & 4) != 0, rounding);
        boolean write = finish();
        status &= ~(C0 | C1 | C2 | C3);
        status |= order == Integer.MIN_VALUE ? C0 | C2 | C3 : order < 0 ? C0 : order == 0 ? C3 : 0;
        // An unmasked exception still sets the codes (unordered), but the stack stays as it was.
        if (!write) {
            return;
        }
        for (int i = 0; i < (how & 3); i++) {
            popRegister();
        }
    }

    public static void compareFloat(X87 f, int bits, int how) {
        f.begin();
        f.compare(f.memoryFloat(bits), how);
    }

    public static void compareDouble(X87 f, long bits, int how) {
        f.begin();
        f.compare(f.memoryDouble(bits), how);
    }

    public static void compareInteger(X87 f, long value, int how) {
        f.begin();
        f.compare(Extended.ofLong(value), how);
    }

    public static void compareRegister(X87 f, int i, int how) {
        f.begin();
        f.compare(f.st(i), how);
    }

    /**
     * FCOMI, FUCOMI(P) ({@code how} as for {@link #compare}): the comparison as ZF, PF, CF (EFLAGS
     * positions; OF, SF, AF clear).
     */
    public static int compareToFlags(X87 f, int i, int how) {
        Rounding r = f.begin();
        Extended a = f.st(0);
        Extended b = f.st(i);
        int order = ExtendedMath.compare(a, b, (how & 4) != 0, r);
        boolean write = f.finishKeepingC1();
        if (!write) {
            return 0x45;
        }
        if ((how & 3) != 0) {
            f.popRegister();
        }
        return order == Integer.MIN_VALUE ? 0x45 : order < 0 ? 0x01 : order == 0 ? 0x40 : 0;
    }

    /** FXAM: the class of ST(0) in C3, C2, C0 and its sign in C1 (SDM vol. 2 FXAM). */
    public static void examine(X87 f) {
        f.await();
        int r = f.physical(0);
        Extended v = f.registers[r];
        f.status &= ~(C0 | C1 | C2 | C3);
        if (v.negative()) {
            f.status |= C1;
        }
        if (f.empty[r]) {
            f.status |= C3 | C0;
        } else if (v.isUnsupported()) {
            return;
        } else if (v.isNaN()) {
            f.status |= C0;
        } else if (v.isInfinity()) {
            f.status |= C2 | C0;
        } else if (v.isZero()) {
            f.status |= C3;
        } else if (v.isDenormal()) {
            f.status |= C3 | C2;
        } else {
            f.status |= C2;
        }
    }

    // ---- one-operand functions of ST(0), by the low five bits of D9 E0..FF ----

    /** FCHS, FABS, FTST, F2XM1, FYL2X, FPTAN, FPATAN, FXTRACT, FPREM1, FPREM, FYL2XP1, FSQRT, FSINCOS, FRNDINT, FSCALE, FSIN, FCOS. */
    public static void function(X87 f, int which) {
        Rounding r = f.begin();
        Extended x = f.st(0);
        switch (which) {
            case 0x00 -> f.complete(0, x.negate(), false);
            case 0x01 -> f.complete(0, x.abs(), false);
            case 0x04 -> f.compare(Extended.zero(false), 0);
            case 0x14 -> f.extract(x);
            case 0x15, 0x18 -> f.remainder(x, f.st(1), which == 0x15);
            case 0x1A -> f.complete(0, ExtendedMath.sqrt(x, r), false);
            case 0x1C -> f.complete(0, ExtendedMath.roundToInteger(x, r), false);
            case 0x1D -> f.complete(0, ExtendedMath.scale(x, f.st(1), r), false);
            default -> Transcendental.apply(f, which, x);
        }
    }

    /** FXTRACT: ST(0) becomes its exponent, then its significand (exponent 0) is pushed. */
    private void extract(Extended x) {
        Extended exponent;
        Extended significand;
        if (x.isNaN() || x.isUnsupported()) {
            exponent = ExtendedMath.propagate(x, x, rounding);
            significand = exponent;
            if (x.isUnsupported()) {
                rounding.raise(IE);
                exponent = significand = Extended.INDEFINITE;
            }
        } else if (x.isInfinity()) {
            exponent = x.abs();
            significand = x;
        } else if (x.isZero()) {
            rounding.raise(ZE);
            exponent = Extended.infinity(true);
            significand = x;
        } else {
            if (x.isDenormal()) {
                rounding.raise(DE);
            }
            exponent = Extended.ofLong(x.exponent());
            significand = new Extended((x.negative() ? 0x8000 : 0) | Extended.BIAS, x.normalizedSignificand());
        }
        result(exponent, significand);
    }

    /** FPREM and FPREM1: see {@link Remainder}. */
    private void remainder(Extended x, Extended y, boolean ieee) {
        Remainder result = Remainder.of(x, y, ieee, rounding);
        // Without a division (stack underflow, invalid or NaN operands) the quotient bits stay as they were.
        status &= ~(underflowed || !result.divided() ? C2 : C0 | C2 | C3);
        boolean write = finish();
        status &= ~C1;
        if (write) {
            set(0, underflowed ? Extended.INDEFINITE : result.value());
            status |= result.conditionCodes();
        }
    }

    /** ST(i) = {@code v}, a function's result, then pushes {@code pushed} when not null (used by the transcendentals). */
    void result(Extended v, Extended pushed) {
        if (pushed == null) {
            complete(0, v, false);
            return;
        }
        int r = top - 1 & 7;
        boolean overflow = overflows(r);
        if (overflow) {
            v = pushed = Extended.INDEFINITE;
        }
        if (finish(overflow)) {
            set(0, underflowed ? Extended.INDEFINITE : v);
            top = r;
            set(0, underflowed ? Extended.INDEFINITE : pushed);
        }
    }

    /** ST(1) = {@code v}, then pop (FYL2X, FPATAN, FYL2XP1). */
    void resultPopped(Extended v) {
        complete(1, v, true);
    }

    /** The source operand is out of range (C2 set, ST(0) unchanged): FSIN, FCOS, FSINCOS, FPTAN with |x| >= 2^63. */
    void outOfRange() {
        finish();
        status |= C2;
    }

    Rounding rounding() {
        return rounding;
    }

    Extended stackTop(int i) {
        return st(i);
    }

    void clearC2() {
        status &= ~C2;
    }

    // ---- control and status ----

    /**
     * FNINIT: control word 037F, everything empty (SDM vol. 1 8.1.10). The registers keep their contents,
     * which FXAM of an empty register shows in C1.
     */
    public static void init(X87 f) {
        f.control = 0x37F;
        f.status = 0;
        f.top = 0;
        Arrays.fill(f.empty, true);
    }

    public static void clearExceptions(X87 f) {
        f.status &= ~(0xFF | BUSY);
    }

    public static int controlWord(X87 f) {
        return f.control;
    }

    /** FLDCW: unmasking a raised exception makes it pending (SDM vol. 1 8.1.5). */
    public static void setControlWord(X87 f, int value) {
        f.await();
        f.loadControlWord(value);
    }

    private void loadControlWord(int value) {
        control = value & 0x1F7F | 0x40;
        status = (status & ~control & 0x3F) != 0 ? status | ES | BUSY : status & ~(ES | BUSY);
    }

    /** The status word with TOP in bits 11-13. */
    public static int statusWord(X87 f) {
        return f.status & ~0x3800 | f.top << 11;
    }

    /** Sets the status word, TOP included, as FLDENV would (for a debugger's register write). */
    static void setStatusWord(X87 f, int value) {
        f.status = value & 0xFFFF & ~0x3800;
        f.top = value >>> 11 & 7;
    }

    /** ST(i) as it is held, without the underflow an instruction reading an empty register takes. */
    static Extended stackRegister(X87 f, int i) {
        return f.registers[f.physical(i)];
    }

    /** Sets ST(i)'s contents, leaving its tag as it was (for a debugger's register write). */
    static void setStackRegister(X87 f, int i, Extended v) {
        f.registers[f.physical(i)] = v;
    }

    /** Sets which physical registers are empty from a tag word, as FLDENV does (the other tags are computed). */
    static void setTagWord(X87 f, int tags) {
        for (int r = 0; r < 8; r++) {
            f.empty[r] = (tags >>> 2 * r & 3) == TAG_EMPTY;
        }
    }

    /** The tag word: two bits per physical register (SDM vol. 1 8.1.7). */
    static int tagWord(X87 f) {
        int tags = 0;
        for (int r = 0; r < 8; r++) {
            Extended v = f.registers[r];
            int tag = f.empty[r] ? TAG_EMPTY : v.isZero() ? TAG_ZERO
                    : v.isFinite() && !v.isDenormal() ? TAG_VALID : TAG_SPECIAL;
            tags |= tag << 2 * r;
        }
        return tags;
    }

    /**
     * FNSTENV and FNSAVE: the environment in the protected-mode layout of the operand size (SDM vol. 1
     * 8.1.10, figures 8-9 to 8-12): 28 bytes of doublewords for 32 bits, 14 bytes of words for 16; then for
     * FNSAVE the registers ST(0)..ST(7) in 80-bit form, after which the FPU is initialised. The
     * instruction and operand pointers are saved as zero (this FPU does not track them), so the real-mode
     * layouts, which differ only in those, are the same. FNSTENV then masks all exceptions, so that
     * none is pending any more.
     */
    public static void save(ExecutionContext ctx, X87 f, int address, int withRegisters, int operandBytes) {
        GuestMemory m = ctx.memory;
        long a = address & 0xFFFF_FFFFL;
        int[] environment = {f.control, statusWord(f), tagWord(f), 0, 0, 0, 0};
        int unit = operandBytes;
        for (int i = 0; i < environment.length; i++) {
            if (unit == 4) {
                m.store32(a + 4L * i, environment[i] | (i < 3 ? 0xFFFF_0000 : 0));
            } else {
                m.store16(a + 2L * i, environment[i]);
            }
        }
        long registersAt = a + 7L * unit;
        if (withRegisters != 0) {
            for (int i = 0; i < 8; i++) {
                Extended v = f.registers[f.physical(i)];
                m.store64(registersAt + 10L * i, v.significand());
                m.store16(registersAt + 8 + 10L * i, v.signExponent());
            }
            init(f);
        } else {
            f.loadControlWord(f.control | 0x3F);
        }
    }

    /** FLDENV and FRSTOR: the inverse of {@link #save}. */
    public static void restore(ExecutionContext ctx, X87 f, int address, int withRegisters, int operandBytes) {
        f.await();
        GuestMemory m = ctx.memory;
        long a = address & 0xFFFF_FFFFL;
        int unit = operandBytes;
        int controlWord = m.load16(a);
        int statusWord = m.load16(a + unit);
        int tags = m.load16(a + 2L * unit);
        Extended[] values = new Extended[8];
        long registersAt = a + 7L * unit;
        if (withRegisters != 0) {
            for (int i = 0; i < 8; i++) {
                values[i] = new Extended(m.load16(registersAt + 8 + 10L * i), m.load64(registersAt + 10L * i));
            }
        }
        setStatusWord(f, statusWord);
        f.loadControlWord(controlWord);
        setTagWord(f, tags);
        if (withRegisters != 0) {
            for (int i = 0; i < 8; i++) {
                f.registers[f.physical(i)] = values[i];
            }
        }
    }
}
