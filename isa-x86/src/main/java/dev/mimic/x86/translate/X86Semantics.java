package dev.mimic.x86.translate;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.x86.cpu.Alu;
import dev.mimic.x86.cpu.Cpuid;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.OpForm;
import dev.mimic.x86.decode.OperandKind;
import dev.mimic.x86.fpu.X87;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * The meaning of every instruction of {@code x86.isa} as IR: one method per {@code emit} name, built
 * from a few generators ({@link #alu}, {@link #shift}, {@link #rotate}, {@link #bitTest},
 * {@link #multiply}, {@link #divide}, {@link #string}). Each follows the pseudo-code of its SDM vol. 2
 * entry. Loads and stores come before register and flag writes so faults stay precise.
 *
 * <p>These are a Linux process's meanings, at privilege level 3: instructions that need CPL 0 or I/O
 * privilege raise #GP(0), as they do for a user program on the hardware; UMIP is taken to be on, so
 * SGDT, SIDT, SLDT, SMSW and STR do too. A system-mode machine replaces the instructions whose meaning
 * differs there with those of {@link SystemSemantics}.
 */
public final class X86Semantics {
    private static final Helper DIVU = Helper.of(Alu.class, "divu", Effect.MAY_FAULT);
    private static final Helper DIVS = Helper.of(Alu.class, "divs", Effect.MAY_FAULT);
    private static final Helper ROTATE = Helper.of(Alu.class, "rotate");
    private static final Helper SHLD = Helper.of(Alu.class, "shld");
    private static final Helper SHRD = Helper.of(Alu.class, "shrd");
    private static final Helper BSF = Helper.of(Alu.class, "bsf");
    private static final Helper BSR = Helper.of(Alu.class, "bsr");
    private static final Helper BSWAP = Helper.of(Alu.class, "bswap");
    private static final Helper DAA = Helper.of(Alu.class, "daa");
    private static final Helper DAS = Helper.of(Alu.class, "das");
    private static final Helper AAA = Helper.of(Alu.class, "aaa");
    private static final Helper AAS = Helper.of(Alu.class, "aas");
    private static final Helper AAM = Helper.of(Alu.class, "aam", Effect.MAY_FAULT);
    private static final Helper CPUID_AB = Helper.of(Cpuid.class, "eaxEbx");
    private static final Helper CPUID_CD = Helper.of(Cpuid.class, "ecxEdx");
    private static final Helper TIME_STAMP = Helper.of(Cpuid.class, "timeStamp", Effect.READS_STATE);

    /** Stop code of a software interrupt: this plus the vector; the machine continues after it. */
    public static final int STOP_INTERRUPT = 0x100;
    /** Stop code of HLT in a system-mode machine, which continues after it. */
    public static final int STOP_HALT = 0x200;
    /** Stop code after STI's shadow or POPF: the machine looks for a maskable interrupt, then continues. */
    public static final int STOP_INTERRUPT_WINDOW = 0x201;
    /** Stop code after PAUSE in a system-mode machine: the machine lets a spin-wait's time pass, then continues. */
    public static final int STOP_PAUSE = 0x202;

    /** EFLAGS bits POPF may change at CPL 3 with IOPL 0 (SDM vol. 2 POPF): not IOPL, IF, VM, RF. */
    private static final int POPF_USER = Flags.ARITHMETIC | Flags.TF | Flags.DF | Flags.NT | Flags.AC | Flags.ID;

    // ---- binary arithmetic and logic ----

    private static void alu(Emitter e, Op op, int kind, boolean carryIn, boolean writes) {
        int w = e.width(0);
        Temp a = e.read(0);
        Temp b = e.read(1);
        Temp r = e.op(op, a, b);
        if (carryIn) {
            r = e.op(op, r, e.carry());
        }
        if (writes) {
            e.write(0, r);
        }
        e.setFlags(kind, w, r, a, b, !carryIn);
    }

    public void add(Emitter e) {
        alu(e, Op.ADD, Flags.ADD, false, true);
    }

    public void adc(Emitter e) {
        alu(e, Op.ADD, Flags.ADD, true, true);
    }

    public void sub(Emitter e) {
        alu(e, Op.SUB, Flags.SUB, false, true);
    }

    public void sbb(Emitter e) {
        alu(e, Op.SUB, Flags.SUB, true, true);
    }

    public void cmp(Emitter e) {
        alu(e, Op.SUB, Flags.SUB, false, false);
    }

    public void and(Emitter e) {
        alu(e, Op.AND, Flags.LOGIC, false, true);
    }

    public void or(Emitter e) {
        alu(e, Op.OR, Flags.LOGIC, false, true);
    }

    public void xor(Emitter e) {
        alu(e, Op.XOR, Flags.LOGIC, false, true);
    }

    public void test(Emitter e) {
        alu(e, Op.AND, Flags.LOGIC, false, false);
    }

    private static void incDec(Emitter e, Op op, int kind) {
        Temp a = e.read(0);
        Temp r = e.op(op, a, 1);
        e.write(0, r);
        e.setFlags(kind, e.width(0), r, a, e.flagsUnobserved() ? e.i32(0) : e.carry());
    }

    public void inc(Emitter e) {
        incDec(e, Op.ADD, Flags.INC);
    }

    public void dec(Emitter e) {
        incDec(e, Op.SUB, Flags.DEC);
    }

    public void not(Emitter e) {
        e.write(0, e.b.unary(Op.NOT, e.read(0)));
    }

    public void neg(Emitter e) {
        Temp b = e.read(0);
        Temp zero = e.i32(0);
        Temp r = e.op(Op.SUB, zero, b);
        e.write(0, r);
        e.setFlags(Flags.SUB, e.width(0), r, zero, b);
    }

    // ---- multiplication and division ----

    /** MUL and IMUL with one operand: AX, DX:AX or EDX:EAX = accumulator * operand. */
    private static void multiply(Emitter e, boolean signed) {
        int w = e.width(0);
        Temp src = signed ? e.readSigned(0) : e.read(0);
        Temp acc = signed ? e.signExtend(e.register(0, w), w) : e.register(0, w);
        Temp product = e.b.mul(widen(e, acc, signed), widen(e, src, signed));
        Temp low = e.truncate(e.low(product), w);
        Temp overflow;
        if (w == 1) {
            Temp ax = e.truncate(e.low(product), 2);
            overflow = signed ? e.op(Op.NE, e.signExtend(low, 1), e.signExtend(ax, 2)) : e.op(Op.NE, e.op(Op.SHR, ax, 8), e.i32(0));
            e.setRegister(0, 2, ax);
        } else {
            Temp high = w == 4 ? e.high(product) : e.truncate(e.op(Op.SHR, e.low(product), 16), 2);
            Temp signFill = e.truncate(e.op(Op.SAR, e.signExtend(low, w), 31), w);
            overflow = e.op(Op.NE, high, signed ? signFill : e.i32(0));
            e.setRegister(0, w, low);
            e.setRegister(2, w, high);
        }
        e.setFlags(Flags.MUL, w, low, overflow, e.i32(0));
    }

    private static Temp widen(Emitter e, Temp v, boolean signed) {
        return signed ? e.b.convert(v, Type.I64) : e.b.convertUnsigned(v);
    }

    public void mul(Emitter e) {
        multiply(e, false);
    }

    /** IMUL: one operand (into the accumulator) or two and three (truncated into a register). */
    public void imul(Emitter e) {
        int n = e.insn().form().operands().size();
        if (n == 1) {
            multiply(e, true);
            return;
        }
        int w = e.width(0);
        Temp a = e.readSigned(n == 2 ? 0 : 1);
        Temp b = e.readSigned(n == 2 ? 1 : 2);
        Temp product = e.b.mul(e.b.convert(a, Type.I64), e.b.convert(b, Type.I64));
        Temp low = e.low(product);
        Temp overflow = e.op(Op.NE, e.b.convert(e.signExtend(low, w), Type.I64), product);
        e.write(0, low);
        e.setFlags(Flags.MUL, w, low, overflow, e.i32(0));
    }

    /** DIV and IDIV: the dividend is AX, DX:AX or EDX:EAX; #DE on a zero divisor or an overflowing quotient. */
    private static void divide(Emitter e, boolean signed) {
        int w = e.width(0);
        Temp divisor = e.read(0);
        Temp dividend;
        if (w == 1) {
            Temp ax = e.register(0, 2);
            dividend = signed ? e.b.convert(e.signExtend(ax, 2), Type.I64) : e.b.convertUnsigned(ax);
        } else {
            Temp lo = e.register(0, w);
            Temp hi = e.register(2, w);
            Temp joined = w == 4 ? e.op(Op.OR, e.b.binary(Op.SHL, e.b.convert(hi, Type.I64), e.b.i64(32)), e.b.convertUnsigned(lo))
                    : e.b.convertUnsigned(e.op(Op.OR, e.op(Op.SHL, hi, 16), lo));
            dividend = signed && w == 2 ? e.b.convert(e.signExtend(e.low(joined), 4), Type.I64) : joined;
        }
        Temp packed = e.call(signed ? DIVS : DIVU, dividend, divisor, e.i32(w));
        Temp quotient = e.low(packed);
        Temp remainder = e.high(packed);
        if (w == 1) {
            e.setRegister(0, 2, e.op(Op.OR, e.truncate(quotient, 1), e.op(Op.SHL, e.truncate(remainder, 1), 8)));
        } else {
            e.setRegister(0, w, quotient);
            e.setRegister(2, w, remainder);
        }
    }

    public void div(Emitter e) {
        divide(e, false);
    }

    public void idiv(Emitter e) {
        divide(e, true);
    }

    // ---- decimal arithmetic ----

    private static void adjust(Emitter e, Helper helper, int bytes) {
        Temp packed = e.call(helper, e.register(0, bytes), e.flags());
        e.setRegister(0, bytes, e.low(packed));
        e.setFlagsValue(e.high(packed));
    }

    public void daa(Emitter e) {
        adjust(e, DAA, 1);
    }

    public void das(Emitter e) {
        adjust(e, DAS, 1);
    }

    public void aaa(Emitter e) {
        adjust(e, AAA, 2);
    }

    public void aas(Emitter e) {
        adjust(e, AAS, 2);
    }

    public void aam(Emitter e) {
        Temp ax = e.call(AAM, e.register(0, 1), e.read(0));
        e.setRegister(0, 2, ax);
        Temp al = e.truncate(ax, 1);
        e.setFlags(Flags.LOGIC, 1, al, al, al);
    }

    public void aad(Emitter e) {
        Temp al = e.register(0, 1);
        Temp ah = e.register(4, 1);
        Temp r = e.truncate(e.op(Op.ADD, al, e.b.mul(ah, e.read(0))), 1);
        e.setRegister(0, 2, r);
        e.setFlags(Flags.LOGIC, 1, r, r, r);
    }

    // ---- shifts and rotates ----

    /** The count operand masked to five bits (SDM: all shifts and rotates of the 80286 on). */
    private static Temp count(Emitter e, int i) {
        return e.op(Op.AND, e.read(i), 31);
    }

    /**
     * Runs {@code shifted(value, count)} when the masked count is not zero; with a count of zero nothing
     * changes, flags included. A count known at translation time needs no test.
     */
    private static void shift(Emitter e, int countOperand, int kind, BinaryOperator<Temp> shifted, boolean signedSource) {
        int w = e.width(0);
        Temp a = e.read(0);
        if (constantCount(e, countOperand) == 0) {
            return;
        }
        Temp source = signedSource ? e.signExtend(a, w) : a;
        Temp n = count(e, countOperand);
        Temp r = shifted.apply(source, n);
        if (constantCount(e, countOperand) > 0) {
            e.write(0, r);
            e.setFlags(kind, w, r, source, n);
            return;
        }
        Temp zero = e.isZero(n);
        e.write(0, e.select(zero, a, r));
        keepFlagsIf(e, zero, kind, w, r, source, n);
    }

    /** The masked count when operand {@code i} is a constant (1, or the instruction's only immediate), else -1. */
    private static int constantCount(Emitter e, int i) {
        return switch (e.insn().operand(i)) {
            case c1 -> 1;
            case Ib -> (int) e.insn().immediate() & 31;
            default -> -1;
        };
    }

    /** Records the flags of {@code kind} unless {@code keep} is set at run time, when the old record stays. */
    private static void keepFlagsIf(Emitter e, Temp keep, int kind, int w, Temp r, Temp a, Temp b) {
        Temp flags = e.flags();
        Temp fresh = e.call(Emitter.COMPUTE, e.i32(Flags.op(kind, w)), e.truncate(r, w), a, b);
        e.setFlagsValue(e.select(keep, flags, fresh));
    }

    public void shl(Emitter e) {
        shift(e, 1, Flags.SHL, (a, n) -> e.op(Op.SHL, a, n), false);
    }

    public void shr(Emitter e) {
        shift(e, 1, Flags.SHR, (a, n) -> e.op(Op.SHR, a, n), false);
    }

    public void sar(Emitter e) {
        shift(e, 1, Flags.SHR, (a, n) -> e.op(Op.SAR, a, n), true);
    }

    public void shld(Emitter e) {
        int w = e.width(0);
        Temp b = e.read(1);
        shift(e, 2, Flags.SHL, (a, n) -> e.call(SHLD, e.i32(w), a, b, n), false);
    }

    public void shrd(Emitter e) {
        int w = e.width(0);
        Temp b = e.read(1);
        shift(e, 2, Flags.SHR, (a, n) -> e.call(SHRD, e.i32(w), a, b, n), false);
    }

    /** ROL, ROR, RCL, RCR (kinds 0..3 of {@link Alu#rotate}): only CF and OF change, and nothing for a zero count. */
    private static void rotate(Emitter e, int kind) {
        int w = e.width(0);
        Temp a = e.read(0);
        int constant = constantCount(e, 1);
        if (constant == 0) {
            return;
        }
        if (kind < 2 && constant > 0) {
            rotateBy(e, kind == 0, w, a, constant % (8 * w));
            return;
        }
        Temp n = count(e, 1);
        Temp flags = e.flags();
        Temp packed = e.call(ROTATE, e.i32(kind), e.i32(w), a, n, flags);
        Temp r = e.low(packed);
        Temp newFlags = e.high(packed);
        if (constant > 0) {
            e.write(0, r);
            e.setFlagsValue(newFlags);
            return;
        }
        Temp zero = e.isZero(n);
        e.write(0, e.select(zero, a, r));
        e.setFlagsValue(e.select(zero, flags, newFlags));
    }

    /**
     * ROL or ROR of {@code w}-byte {@code a} by {@code n} (the count modulo the width, known at translation
     * time) in IR, as {@link Alu#rotate} computes it: CF is the bit rotated around, OF the top bit XOR
     * CF (ROL) or XOR the bit below it (ROR). The flags are left alone when nothing can observe them.
     */
    private static void rotateBy(Emitter e, boolean left, int w, Temp a, int n) {
        int bits = 8 * w;
        Temp r = n == 0 ? a : e.truncate(left
                ? e.op(Op.OR, e.op(Op.SHL, a, n), e.op(Op.SHR, a, bits - n))
                : e.op(Op.OR, e.op(Op.SHR, a, n), e.op(Op.SHL, a, bits - n)), w);
        if (e.flagsUnobserved()) {
            e.write(0, r);
            return;
        }
        Temp flags = e.flags();
        Temp msb = e.op(Op.AND, e.op(Op.SHR, r, bits - 1), 1);
        Temp cf = left ? e.op(Op.AND, r, 1) : msb;
        Temp of = e.op(Op.XOR, msb, left ? cf : e.op(Op.AND, e.op(Op.SHR, r, bits - 2), 1));
        Temp kept = e.op(Op.AND, flags, ~(Flags.CF | Flags.OF));
        e.write(0, r);
        e.setFlagsValue(e.op(Op.OR, e.op(Op.OR, kept, cf), e.op(Op.SHL, of, Integer.numberOfTrailingZeros(Flags.OF))));
    }

    public void rol(Emitter e) {
        rotate(e, 0);
    }

    public void ror(Emitter e) {
        rotate(e, 1);
    }

    public void rcl(Emitter e) {
        rotate(e, 2);
    }

    public void rcr(Emitter e) {
        rotate(e, 3);
    }

    // ---- bit operations ----

    /**
     * BT, BTS, BTR, BTC: CF is the selected bit; {@code change} computes the new value (null for BT). A
     * register bit offset into memory may reach beyond the operand (SDM vol. 2 BT: the offset is signed).
     */
    private static void bitTest(Emitter e, BinaryOperator<Temp> change) {
        int w = e.width(0);
        int bits = 8 * w;
        Temp offset = e.read(1);
        Temp bit = e.op(Op.AND, offset, bits - 1);
        Temp value;
        Temp address = null;
        if (e.isMemory(0)) {
            address = change == null ? e.address(0) : e.writableAddress(0);
            if (e.insn().operand(1).method() == OperandKind.Method.REG) {
                Temp words = e.op(Op.SAR, e.signExtend(offset, w), bits == 32 ? 5 : 4);
                address = e.op(Op.ADD, address, e.op(Op.SHL, words, w == 4 ? 2 : 1));
            }
            value = e.load(w, address);
        } else {
            value = e.read(0);
        }
        Temp mask = e.op(Op.SHL, e.i32(1), bit);
        Temp cf = e.op(Op.AND, e.op(Op.SHR, value, bit), 1);
        if (change != null) {
            Temp updated = change.apply(value, mask);
            if (address != null) {
                e.store(w, address, updated);
            } else {
                e.write(0, updated);
            }
        }
        e.setFlagsValue(e.op(Op.OR, e.op(Op.AND, e.flags(), ~Flags.CF), cf));
    }

    public void bt(Emitter e) {
        bitTest(e, null);
    }

    public void bts(Emitter e) {
        bitTest(e, (v, m) -> e.op(Op.OR, v, m));
    }

    public void btr(Emitter e) {
        bitTest(e, (v, m) -> e.op(Op.AND, v, e.b.unary(Op.NOT, m)));
    }

    public void btc(Emitter e) {
        bitTest(e, (v, m) -> e.op(Op.XOR, v, m));
    }

    /** BSF and BSR: ZF tells whether the source was zero; then the destination keeps its value. */
    private static void bitScan(Emitter e, Helper scan) {
        Temp src = e.read(1);
        Temp old = e.read(0);
        Temp zero = e.isZero(src);
        e.write(0, e.select(zero, old, e.call(scan, e.select(zero, e.i32(1), src))));
        e.setFlags(Flags.LOGIC, e.width(1), src, src, src);
    }

    public void bsf(Emitter e) {
        bitScan(e, BSF);
    }

    public void bsr(Emitter e) {
        bitScan(e, BSR);
    }

    public void setcc(Emitter e) {
        e.write(0, e.condition(e.insn().low()));
    }

    // ---- data transfer ----

    public void mov(Emitter e) {
        e.write(0, e.read(1));
    }

    public void movzx(Emitter e) {
        e.write(0, e.read(1));
    }

    public void movsx(Emitter e) {
        e.write(0, e.readSigned(1));
    }

    /** XCHG: the first operand (the memory one, if any) is written first, for precise faults. */
    public void xchg(Emitter e) {
        Temp a = e.read(0);
        Temp b = e.read(1);
        e.write(0, b);
        e.write(1, a);
    }

    public void nop(Emitter e) {
        // No operation; the ModRM form of 0F 1F does not access its operand.
    }

    public void cmovcc(Emitter e) {
        Temp cond = e.condition(e.insn().low());
        Temp src = e.read(1);
        e.write(0, e.select(cond, src, e.read(0)));
    }

    /** BSWAP of a 16-bit register is undefined (SDM); the hardware clears it, and so does this. */
    public void bswap(Emitter e) {
        if (e.opsize() == 2) {
            e.setRegister(e.insn().low(), 2, e.i32(0));
        } else {
            e.write(0, e.call(BSWAP, e.read(0)));
        }
    }

    public void xadd(Emitter e) {
        int w = e.width(0);
        Temp a = e.read(0);
        Temp b = e.read(1);
        Temp sum = e.op(Op.ADD, a, b);
        writeDestinationThenRegister(e, sum, () -> e.write(1, a));
        e.setFlags(Flags.ADD, w, sum, a, b);
    }

    /**
     * Writes {@code value} to operand 0 and runs {@code registerWrite}: the store first when operand 0 is
     * memory (precise faults), else the register write first so operand 0 wins when both name one register.
     */
    private static void writeDestinationThenRegister(Emitter e, Temp value, Runnable registerWrite) {
        if (e.isMemory(0)) {
            e.write(0, value);
            registerWrite.run();
        } else {
            registerWrite.run();
            e.write(0, value);
        }
    }

    public void cmpxchg(Emitter e) {
        int w = e.width(0);
        Temp acc = e.register(0, w);
        Temp dest = e.read(0);
        Temp src = e.read(1);
        Temp equal = e.eq(acc, dest);
        writeDestinationThenRegister(e, e.select(equal, src, dest), () -> e.setRegister(0, w, e.select(equal, acc, dest)));
        e.setFlags(Flags.SUB, w, e.op(Op.SUB, acc, dest), acc, dest);
    }

    public void cmpxchg8b(Emitter e) {
        Temp address = e.writableAddress(0);
        Temp low = e.load(4, address);
        Temp high = e.load(4, e.op(Op.ADD, address, 4));
        Temp eax = e.register(0, 4);
        Temp edx = e.register(2, 4);
        Temp equal = e.op(Op.AND, e.eq(low, eax), e.eq(high, edx));
        e.store(4, address, e.select(equal, e.register(3, 4), low));
        e.store(4, e.op(Op.ADD, address, 4), e.select(equal, e.register(1, 4), high));
        e.setRegister(0, 4, e.select(equal, eax, low));
        e.setRegister(2, 4, e.select(equal, edx, high));
        Temp flags = e.op(Op.AND, e.flags(), ~Flags.ZF);
        e.setFlagsValue(e.op(Op.OR, flags, e.op(Op.SHL, equal, 6)));
    }

    public void lea(Emitter e) {
        e.write(0, e.effectiveAddress());
    }

    /** CBW and CWDE: AX or EAX = the sign extension of AL or AX. */
    public void cbw(Emitter e) {
        int w = e.opsize();
        e.setRegister(0, w, e.signExtend(e.register(0, w / 2), w / 2));
    }

    /** CWD and CDQ: DX or EDX = the sign of AX or EAX. */
    public void cwd(Emitter e) {
        int w = e.opsize();
        e.setRegister(2, w, e.op(Op.SAR, e.signExtend(e.register(0, w), w), 31));
    }

    public void xlat(Emitter e) {
        Temp offset = e.op(Op.ADD, e.register(3, e.insn().addressSize()), e.register(0, 1));
        offset = e.truncate(offset, e.insn().addressSize());
        e.setRegister(0, 1, e.load(1, e.linear(e.insn().segmentFor(DecodedInsn.DS), offset)));
    }

    public void salc(Emitter e) {
        e.setRegister(0, 1, e.op(Op.SUB, e.i32(0), e.carry()));
    }

    public void lahf(Emitter e) {
        e.setRegister(4, 1, e.op(Op.OR, e.op(Op.AND, e.flags(), 0xD5), Flags.FIXED_ONE));
    }

    public void sahf(Emitter e) {
        int low = Flags.SF | Flags.ZF | Flags.AF | Flags.PF | Flags.CF;
        Temp kept = e.op(Op.AND, e.flags(), Flags.OF);
        e.setFlagsValue(e.op(Op.OR, kept, e.op(Op.AND, e.register(4, 1), low)));
    }

    public void bound(Emitter e) {
        int w = e.width(0);
        Temp index = e.readSigned(0);
        Temp address = e.address(1);
        Temp lower = e.signExtend(e.load(w, address), w);
        Temp upper = e.signExtend(e.load(w, e.op(Op.ADD, address, w)), w);
        e.raiseIf(e.op(Op.OR, e.op(Op.LT, index, lower), e.op(Op.LT, upper, index)), Vector.BR);
    }

    // ---- segment registers ----

    public void movFromSegment(Emitter e) {
        if (e.insn().reg() > DecodedInsn.GS) {
            e.raise(Vector.UD, 0);
            return;
        }
        Temp selector = e.read(1);
        if (e.isMemory(0)) {
            e.store(2, e.writableAddress(0), selector);
        } else {
            e.setRegister(e.insn().rm(), e.opsize(), selector);
        }
    }

    public void movToSegment(Emitter e) {
        int segment = e.insn().reg();
        if (segment == DecodedInsn.CS || segment > DecodedInsn.GS) {
            e.raise(Vector.UD, 0);
            return;
        }
        loadSegment(e, segment, e.read(1));
    }

    private static void loadSegment(Emitter e, int segment, Temp selector) {
        e.call(Emitter.LOAD_SEGMENT, e.i32(segment), selector);
        SystemSemantics.segmentLoaded(e, segment);
    }

    public void popSegment(Emitter e) {
        int w = e.opsize();
        Temp selector = e.truncate(e.loadStack(w, 0), 2);
        Temp esp = e.op(Op.ADD, e.stackPointer(), w);
        loadSegment(e, e.insn().operand(0).segment(), selector);
        e.setStack(esp);
    }

    /** LDS, LES, LSS, LFS, LGS: offset then selector from memory. */
    private static void loadFarPointer(Emitter e, int segment) {
        int w = e.opsize();
        Temp address = e.address(1);
        Temp offset = e.load(w, address);
        Temp selector = e.load(2, e.op(Op.ADD, address, w));
        loadSegment(e, segment, selector);
        e.write(0, offset);
    }

    public void lds(Emitter e) {
        loadFarPointer(e, DecodedInsn.DS);
    }

    public void les(Emitter e) {
        loadFarPointer(e, DecodedInsn.ES);
    }

    public void lss(Emitter e) {
        loadFarPointer(e, DecodedInsn.SS);
    }

    public void lfs(Emitter e) {
        loadFarPointer(e, DecodedInsn.FS);
    }

    public void lgs(Emitter e) {
        loadFarPointer(e, DecodedInsn.GS);
    }

    // ---- stack ----

    /** PUSH: a segment register is pushed zero-extended to the operand size (SDM PUSH). */
    public void push(Emitter e) {
        int w = e.opsize();
        Temp v = e.read(0);
        Temp esp = e.stackBelow(w);
        e.storeStack(w, esp, v);
        e.setStack(esp);
    }

    /** POP: a memory destination addressed through ESP sees ESP already incremented (SDM POP). */
    public void pop(Emitter e) {
        int w = e.opsize();
        Temp v = e.loadStack(w, 0);
        Temp esp = e.op(Op.ADD, e.stackPointer(), w);
        if (e.isMemory(0)) {
            e.overrideRegister(4, esp);
            e.write(0, v);
            e.setStack(esp);
        } else {
            e.setStack(esp);
            e.write(0, v);
        }
    }

    public void pusha(Emitter e) {
        int w = e.opsize();
        Temp esp = e.stackPointer();
        Temp[] values = new Temp[8];
        for (int r = 0; r < 8; r++) {
            values[r] = e.register(r, w);
        }
        for (int r = 0; r < 8; r++) {
            e.storeStack(w, e.op(Op.SUB, esp, (r + 1) * w), values[r]);
        }
        e.setStack(e.op(Op.SUB, esp, 8 * w));
    }

    public void popa(Emitter e) {
        int w = e.opsize();
        Temp[] values = new Temp[8];
        for (int r = 0; r < 8; r++) {
            values[r] = e.loadStack(w, (7 - r) * w);
        }
        Temp esp = e.op(Op.ADD, e.stackPointer(), 8 * w);
        for (int r = 0; r < 8; r++) {
            if (r != 4) {
                e.setRegister(r, w, values[r]);
            }
        }
        e.setStack(esp);
    }

    /** PUSHF: EFLAGS with VM and RF read as zero (SDM PUSHF). */
    public void pushf(Emitter e) {
        int w = e.opsize();
        Temp flags = e.op(Op.AND, e.eflags(), ~(Flags.VM | Flags.RF));
        Temp esp = e.stackBelow(w);
        e.storeStack(w, esp, e.truncate(flags, w));
        e.setStack(esp);
    }

    public void popf(Emitter e) {
        int w = e.opsize();
        int changeable = w == 2 ? POPF_USER & 0xFFFF : POPF_USER;
        Temp v = e.loadStack(w, 0);
        Temp esp = e.op(Op.ADD, e.stackPointer(), w);
        Temp system = e.b.get(Registers.EFLAGS);
        Temp merged = e.op(Op.OR, e.op(Op.AND, system, ~changeable), e.op(Op.AND, v, changeable));
        e.setStack(esp);
        e.b.set(Registers.EFLAGS, e.op(Op.OR, e.op(Op.AND, merged, ~Flags.ARITHMETIC), Flags.FIXED_ONE));
        e.setFlagsValue(e.op(Op.AND, merged, Flags.ARITHMETIC));
    }

    /** ENTER size, level: a frame with {@code level} frame pointers copied from the enclosing frames. */
    public void enter(Emitter e) {
        int w = e.opsize();
        int level = e.insn().immediate2() & 31;
        Temp esp = e.stackPointer();
        Temp ebp = e.register(5, 4);
        Temp at = e.op(Op.SUB, esp, w);
        e.storeStack(w, at, e.truncate(ebp, w));
        Temp frame = at;
        for (int i = 1; i < level; i++) {
            Temp copied = e.load(w, e.linear(DecodedInsn.SS, e.op(Op.SUB, ebp, i * w)));
            at = e.op(Op.SUB, at, w);
            e.storeStack(w, at, copied);
        }
        if (level > 0) {
            at = e.op(Op.SUB, at, w);
            e.storeStack(w, at, e.truncate(frame, w));
        }
        e.setRegister(5, w, frame);
        e.setStack(e.op(Op.SUB, at, (int) e.insn().immediate()));
    }

    public void leave(Emitter e) {
        int w = e.opsize();
        Temp ebp = e.register(5, 4);
        Temp saved = e.load(w, e.linear(DecodedInsn.SS, ebp));
        e.setStack(e.op(Op.ADD, ebp, w));
        e.setRegister(5, w, saved);
    }

    // ---- control transfer ----

    public void jcc(Emitter e) {
        e.branch(e.condition(e.insn().low()), e.target());
    }

    public void jmp(Emitter e) {
        if (e.insn().operand(0).method() == OperandKind.Method.RELATIVE) {
            e.goTo(e.target());
        } else {
            e.jump(e.truncate(e.read(0), e.opsize()));
        }
    }

    public void call(Emitter e) {
        int w = e.opsize();
        boolean relative = e.insn().operand(0).method() == OperandKind.Method.RELATIVE;
        Temp target = relative ? null : e.truncate(e.read(0), w);
        Temp esp = e.stackBelow(w);
        e.storeStack(w, esp, e.i32((int) e.insn().next()));
        e.setStack(esp);
        if (relative) {
            e.goTo(e.target());
        } else {
            e.jump(target);
        }
    }

    public void ret(Emitter e) {
        int w = e.opsize();
        Temp target = e.loadStack(w, 0);
        int release = e.insn().form().operands().isEmpty() ? 0 : (int) e.insn().immediate();
        e.setStack(e.op(Op.ADD, e.stackPointer(), w + release));
        e.jump(target);
    }

    /** LOOP, LOOPE, LOOPNE: decrement eCX (by address size) and branch while it is not zero (and ZF as asked). */
    private static void loop(Emitter e, int zfCondition) {
        int size = e.insn().addressSize();
        Temp count = e.op(Op.SUB, e.register(1, size), 1);
        Temp cond = e.op(Op.NE, e.truncate(count, size), e.i32(0));
        if (zfCondition >= 0) {
            cond = e.op(Op.AND, cond, e.condition(zfCondition));
        }
        e.setRegister(1, size, count);
        e.branch(cond, e.target());
    }

    public void loop(Emitter e) {
        loop(e, -1);
    }

    public void loope(Emitter e) {
        loop(e, 4);
    }

    public void loopne(Emitter e) {
        loop(e, 5);
    }

    public void jcxz(Emitter e) {
        e.branch(e.isZero(e.register(1, e.insn().addressSize())), e.target());
    }

    /** INT n: the machine decides (Linux system calls are INT 0x80); it resumes after the instruction. */
    public void int_(Emitter e) {
        e.stop(STOP_INTERRUPT + (int) e.insn().immediate(), e.insn().next());
    }

    public void int3(Emitter e) {
        e.stop(STOP_INTERRUPT + Vector.BP, e.insn().next());
    }

    public void int1(Emitter e) {
        e.stop(STOP_INTERRUPT + Vector.DB, e.insn().next());
    }

    public void into(Emitter e) {
        e.raiseIf(e.condition(0), Vector.OF);
    }

    public void ud2(Emitter e) {
        e.raise(Vector.UD, 0);
    }

    /** Far transfers load CS, which needs the descriptor tables of a system-mode machine. */
    private static void farTransfer(Emitter e) {
        e.raise(Vector.GP, 0);
    }

    public void jmpf(Emitter e) {
        farTransfer(e);
    }

    public void callf(Emitter e) {
        farTransfer(e);
    }

    public void retf(Emitter e) {
        farTransfer(e);
    }

    public void iret(Emitter e) {
        farTransfer(e);
    }

    // ---- string instructions ----

    /**
     * One string instruction: {@code step} does one element and returns the REPE/REPNE condition input
     * (ZF-setting instructions) or null; with a REP prefix it runs as a loop over eCX.
     */
    static void string(Emitter e, Supplier<Temp> step) {
        DecodedInsn insn = e.insn();
        if (insn.repeat() == 0) {
            step.get();
            return;
        }
        boolean repeatWhileEqual = insn.repeat() == 0xF3;
        e.repeat(() -> {
            Temp zfCondition = step.get();
            return zfCondition == null || insn.form().rep() != OpForm.Rep.REPE ? null
                    : e.condition(repeatWhileEqual ? 4 : 5);
        });
    }

    static void advance(Emitter e, int register, Temp step) {
        int size = e.insn().addressSize();
        e.setRegister(register, size, e.op(Op.ADD, e.register(register, size), step));
    }

    public void movs(Emitter e) {
        string(e, () -> {
            int w = e.width(0);
            Temp v = e.read(1);
            e.write(0, v);
            Temp step = e.stringStep(w);
            advance(e, 6, step);
            advance(e, 7, step);
            return null;
        });
    }

    public void cmps(Emitter e) {
        string(e, () -> {
            int w = e.width(0);
            Temp a = e.read(0);
            Temp b = e.read(1);
            Temp step = e.stringStep(w);
            advance(e, 6, step);
            advance(e, 7, step);
            e.setFlags(Flags.SUB, w, e.op(Op.SUB, a, b), a, b);
            return a;
        });
    }

    public void stos(Emitter e) {
        string(e, () -> {
            int w = e.width(0);
            e.write(0, e.read(1));
            advance(e, 7, e.stringStep(w));
            return null;
        });
    }

    public void lods(Emitter e) {
        string(e, () -> {
            int w = e.width(0);
            Temp v = e.read(1);
            e.write(0, v);
            advance(e, 6, e.stringStep(w));
            return null;
        });
    }

    public void scas(Emitter e) {
        string(e, () -> {
            int w = e.width(1);
            Temp a = e.read(0);
            Temp b = e.read(1);
            advance(e, 7, e.stringStep(w));
            e.setFlags(Flags.SUB, w, e.op(Op.SUB, a, b), a, b);
            return a;
        });
    }

    public void ins(Emitter e) {
        privileged(e);
    }

    public void outs(Emitter e) {
        privileged(e);
    }

    // ---- flag control ----

    private static void setCarry(Emitter e, Temp cf) {
        e.setFlagsValue(e.op(Op.OR, e.op(Op.AND, e.flags(), ~Flags.CF), cf));
    }

    public void clc(Emitter e) {
        setCarry(e, e.i32(0));
    }

    public void stc(Emitter e) {
        setCarry(e, e.i32(1));
    }

    public void cmc(Emitter e) {
        setCarry(e, e.op(Op.XOR, e.carry(), 1));
    }

    private static void setDirection(Emitter e, boolean set) {
        Temp system = e.b.get(Registers.EFLAGS);
        e.b.set(Registers.EFLAGS, set ? e.op(Op.OR, system, Flags.DF) : e.op(Op.AND, system, ~Flags.DF));
    }

    public void cld(Emitter e) {
        setDirection(e, false);
    }

    public void std(Emitter e) {
        setDirection(e, true);
    }

    // ---- identification and time ----

    public void cpuid(Emitter e) {
        identify(e, e.i32(Cpuid.USER_FEATURES));
    }

    /** CPUID, leaf 1 reporting the feature bits {@code features} holds. */
    static void identify(Emitter e, Temp features) {
        Temp leaf = e.register(0, 4);
        Temp ab = e.call(CPUID_AB, leaf);
        Temp cd = e.call(CPUID_CD, leaf, features);
        e.setRegister(0, 4, e.low(ab));
        e.setRegister(3, 4, e.high(ab));
        e.setRegister(1, 4, e.low(cd));
        e.setRegister(2, 4, e.high(cd));
    }

    public void rdtsc(Emitter e) {
        timeStamp(e, TIME_STAMP);
    }

    /** RDTSC: the counter {@code source} answers, in EDX:EAX. */
    static void timeStamp(Emitter e, Helper source) {
        Temp tsc = e.call(source);
        e.setRegister(0, 4, e.low(tsc));
        e.setRegister(2, 4, e.high(tsc));
    }

    // ---- privileged and system instructions: #GP(0) at CPL 3 ----

    private static void privileged(Emitter e) {
        e.raise(Vector.GP, 0);
    }

    public void rdmsr(Emitter e) {
        privileged(e);
    }

    public void wrmsr(Emitter e) {
        privileged(e);
    }

    public void rdpmc(Emitter e) {
        privileged(e);
    }

    public void in(Emitter e) {
        privileged(e);
    }

    public void out(Emitter e) {
        privileged(e);
    }

    public void cli(Emitter e) {
        privileged(e);
    }

    public void sti(Emitter e) {
        privileged(e);
    }

    public void hlt(Emitter e) {
        privileged(e);
    }

    /** WAIT: a pending unmasked x87 exception is raised as #MF. */
    public void fwait(Emitter e) {
        x87(e, "await");
    }

    public void arpl(Emitter e) {
        Temp dest = e.read(0);
        Temp rpl = e.op(Op.AND, e.read(1), 3);
        Temp raise = e.op(Op.LTU, e.op(Op.AND, dest, 3), rpl);
        e.write(0, e.select(raise, e.op(Op.OR, e.op(Op.AND, dest, ~3), rpl), dest));
        Temp flags = e.op(Op.AND, e.flags(), ~Flags.ZF);
        e.setFlagsValue(e.op(Op.OR, flags, e.op(Op.SHL, raise, 6)));
    }

    public void sldt(Emitter e) {
        privileged(e);
    }

    public void str(Emitter e) {
        privileged(e);
    }

    public void lldt(Emitter e) {
        privileged(e);
    }

    public void ltr(Emitter e) {
        privileged(e);
    }

    /** VERR, VERW, LAR, LSL: no descriptor is visible to these in user mode; ZF is cleared. */
    private static void descriptorCheck(Emitter e, boolean writes) {
        e.read(writes ? 1 : 0);
        e.setFlagsValue(e.op(Op.AND, e.flags(), ~Flags.ZF));
    }

    public void verr(Emitter e) {
        descriptorCheck(e, false);
    }

    public void verw(Emitter e) {
        descriptorCheck(e, false);
    }

    public void lar(Emitter e) {
        descriptorCheck(e, true);
    }

    public void lsl(Emitter e) {
        descriptorCheck(e, true);
    }

    public void sgdt(Emitter e) {
        privileged(e);
    }

    public void sidt(Emitter e) {
        privileged(e);
    }

    public void lgdt(Emitter e) {
        privileged(e);
    }

    public void lidt(Emitter e) {
        privileged(e);
    }

    public void smsw(Emitter e) {
        privileged(e);
    }

    public void lmsw(Emitter e) {
        privileged(e);
    }

    public void invlpg(Emitter e) {
        privileged(e);
    }

    public void clts(Emitter e) {
        privileged(e);
    }

    public void invd(Emitter e) {
        privileged(e);
    }

    public void wbinvd(Emitter e) {
        privileged(e);
    }

    public void movFromControl(Emitter e) {
        privileged(e);
    }

    public void movFromDebug(Emitter e) {
        privileged(e);
    }

    public void movToControl(Emitter e) {
        privileged(e);
    }

    public void movToDebug(Emitter e) {
        privileged(e);
    }

    /** SYSENTER and SYSEXIT: a process has no SYSENTER_CS (it reads 0), which is #GP(0). */
    public void sysenter(Emitter e) {
        privileged(e);
    }

    public void sysexit(Emitter e) {
        privileged(e);
    }

    public void rsm(Emitter e) {
        e.raise(Vector.UD, 0);
    }

    // ---- x87 floating point (SDM vol. 1 chapter 8): each instruction is a call of its X87 helper ----

    private static final Map<String, Helper> X87_HELPERS = x87Helpers();

    private static Map<String, Helper> x87Helpers() {
        Map<String, Helper> helpers = new HashMap<>();
        for (Method m : X87.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                boolean memory = m.getParameterCount() > 0 && m.getParameterTypes()[0] == ExecutionContext.class;
                helpers.put(m.getName(), memory ? Helper.of(X87.class, m.getName(), Effect.TOUCHES_MEMORY, Effect.MAY_FAULT)
                        : Helper.of(X87.class, m.getName()));
            }
        }
        return Map.copyOf(helpers);
    }

    /** Calls X87 helper {@code name} on this machine's FPU with {@code args}. */
    private static Temp x87(Emitter e, String name, Temp... args) {
        Temp[] all = new Temp[args.length + 1];
        all[0] = e.fpu();
        System.arraycopy(args, 0, all, 1, args.length);
        return e.call(X87_HELPERS.get(name), all);
    }

    /**
     * The wait of a waiting x87 instruction with a memory operand: a pending exception is #MF before the
     * operand's address is checked or read (the helpers of register forms wait themselves).
     */
    private static void awaitBeforeMemory(Emitter e) {
        if (e.isMemory(0)) {
            x87(e, "await");
        }
    }

    /** The x87 register an operand names: 0 for ST, the r/m field for ST(i). */
    private static int stackIndex(Emitter e, int i) {
        return e.insn().operand(i) == OperandKind.ST ? 0 : e.insn().rm();
    }

    /** A memory integer operand (m16, m32, m64) as an I64. */
    private static Temp loadInteger(Emitter e, int i) {
        Temp address = e.address(i);
        return switch (e.insn().operand(i)) {
            case Mw -> e.b.convert(e.signExtend(e.load(2, address), 2), Type.I64);
            case Md -> e.b.convert(e.load(4, address), Type.I64);
            default -> e.load64(address);
        };
    }

    public void fld(Emitter e) {
        awaitBeforeMemory(e);
        switch (e.insn().operand(0)) {
            case Md -> x87(e, "pushFloat", e.load(4, e.address(0)));
            case Mq -> x87(e, "pushDouble", e.load64(e.address(0)));
            case Mt -> {
                Temp address = e.address(0);
                Temp mantissa = e.load64(address);
                x87(e, "pushExtended", mantissa, e.load(2, e.op(Op.ADD, address, 8)));
            }
            default -> x87(e, "pushRegister", e.i32(e.insn().rm()));
        }
    }

    /** FST and FSTP: ST(0) to memory in the operand's format, or to ST(i). */
    private static void store(Emitter e, boolean pop) {
        awaitBeforeMemory(e);
        switch (e.insn().operand(0)) {
            case Md -> {
                Temp address = e.writableAddress(0);
                e.store(4, address, x87(e, "stFloat", e.i32(0), e.load(4, address)));
            }
            case Mq -> {
                Temp address = e.writableAddress(0);
                e.store64(address, x87(e, "stDouble", e.i32(0), e.load64(address)));
            }
            case Mt -> {
                Temp address = e.writableAddress(0);
                Temp high = e.op(Op.ADD, address, 8);
                Temp mantissa = x87(e, "stExtendedMantissa", e.i32(0), e.load64(address));
                Temp exponent = x87(e, "stExtendedExponent", e.i32(0), e.load(2, high));
                e.store64(address, mantissa);
                e.store(2, high, exponent);
            }
            default -> {
                x87(e, "storeRegister", e.i32(e.insn().rm()), e.i32(pop ? 1 : 0));
                return;
            }
        }
        if (pop) {
            x87(e, "pop");
        }
    }

    public void fst(Emitter e) {
        store(e, false);
    }

    public void fstp(Emitter e) {
        store(e, true);
    }

    public void fild(Emitter e) {
        awaitBeforeMemory(e);
        x87(e, "pushInteger", loadInteger(e, 0));
    }

    /** FIST and FISTP: ST(0) rounded to an integer of the operand's size. */
    private static void storeInteger(Emitter e, boolean pop) {
        awaitBeforeMemory(e);
        int bytes = e.width(0);
        Temp address = e.writableAddress(0);
        Temp value = x87(e, "stInteger", e.i32(bytes), bytes == 8 ? e.load64(address) : e.b.convert(e.load(bytes, address), Type.I64));
        if (bytes == 8) {
            e.store64(address, value);
        } else {
            e.store(bytes, address, e.low(value));
        }
        if (pop) {
            x87(e, "pop");
        }
    }

    public void fist(Emitter e) {
        storeInteger(e, false);
    }

    public void fistp(Emitter e) {
        storeInteger(e, true);
    }

    public void fbld(Emitter e) {
        awaitBeforeMemory(e);
        Temp address = e.address(0);
        Temp low = e.load64(address);
        x87(e, "pushBcd", low, e.load(2, e.op(Op.ADD, address, 8)));
    }

    public void fbstp(Emitter e) {
        awaitBeforeMemory(e);
        Temp address = e.writableAddress(0);
        Temp low = x87(e, "stBcd", e.i32(0), e.load64(address));
        Temp high = e.low(x87(e, "stBcd", e.i32(1), e.b.convert(e.load(2, e.op(Op.ADD, address, 8)), Type.I64)));
        e.store64(address, low);
        e.store(2, e.op(Op.ADD, address, 8), high);
        x87(e, "pop");
    }

    public void fxch(Emitter e) {
        x87(e, "exchange", e.i32(e.insn().rm()));
    }

    /** FCMOVcc: DA is B, E, BE, U by the reg field; DB the negations (SDM vol. 2 FCMOVcc). */
    public void fcmov(Emitter e) {
        int cc = new int[] {2, 4, 6, 10}[e.insn().reg() & 3] + (e.insn().form().opcode() == 0xDB ? 1 : 0);
        x87(e, "moveIf", e.condition(cc), e.i32(e.insn().rm()));
    }

    /**
     * The arithmetic of FADD, FMUL, FSUB, FSUBR, FDIV, FDIVR ({@code op} as {@link X87}'s apply numbers
     * them): with memory, ST(0) = ST(0) op value; with registers, the first operand = first op second.
     */
    private static void arithmetic(Emitter e, int op, boolean pop, boolean integer) {
        awaitBeforeMemory(e);
        if (e.isMemory(0)) {
            if (integer) {
                x87(e, "arithmeticInteger", e.i32(op), loadInteger(e, 0));
            } else if (e.insn().operand(0) == OperandKind.Md) {
                x87(e, "arithmeticFloat", e.i32(op), e.load(4, e.address(0)));
            } else {
                x87(e, "arithmeticDouble", e.i32(op), e.load64(e.address(0)));
            }
            return;
        }
        x87(e, "arithmeticRegisters", e.i32(op), e.i32(stackIndex(e, 0)), e.i32(stackIndex(e, 1)), e.i32(pop ? 1 : 0));
    }

    public void fadd(Emitter e) {
        arithmetic(e, 0, false, false);
    }

    public void faddp(Emitter e) {
        arithmetic(e, 0, true, false);
    }

    public void fiadd(Emitter e) {
        arithmetic(e, 0, false, true);
    }

    public void fmul(Emitter e) {
        arithmetic(e, 1, false, false);
    }

    public void fmulp(Emitter e) {
        arithmetic(e, 1, true, false);
    }

    public void fimul(Emitter e) {
        arithmetic(e, 1, false, true);
    }

    public void fsub(Emitter e) {
        arithmetic(e, 4, false, false);
    }

    public void fsubp(Emitter e) {
        arithmetic(e, 4, true, false);
    }

    public void fisub(Emitter e) {
        arithmetic(e, 4, false, true);
    }

    public void fsubr(Emitter e) {
        arithmetic(e, 5, false, false);
    }

    public void fsubrp(Emitter e) {
        arithmetic(e, 5, true, false);
    }

    public void fisubr(Emitter e) {
        arithmetic(e, 5, false, true);
    }

    public void fdiv(Emitter e) {
        arithmetic(e, 6, false, false);
    }

    public void fdivp(Emitter e) {
        arithmetic(e, 6, true, false);
    }

    public void fidiv(Emitter e) {
        arithmetic(e, 6, false, true);
    }

    public void fdivr(Emitter e) {
        arithmetic(e, 7, false, false);
    }

    public void fdivrp(Emitter e) {
        arithmetic(e, 7, true, false);
    }

    public void fidivr(Emitter e) {
        arithmetic(e, 7, false, true);
    }

    /** The compare helpers' {@code how}: the pops, and bit 2 for the unordered compares (FUCOM and friends). */
    private static Temp compareHow(Emitter e, int pops) {
        return e.i32(pops | (e.insn().form().mnemonic().startsWith("fu") ? 4 : 0));
    }

    /** FCOM, FCOMP, FUCOM, FUCOMP, FICOM, FICOMP: C3, C2, C0 from ST(0) compared with the operand. */
    private static void compare(Emitter e, int pops) {
        awaitBeforeMemory(e);
        Temp n = compareHow(e, pops);
        if (!e.isMemory(0)) {
            x87(e, "compareRegister", e.i32(e.insn().rm()), n);
        } else if (e.insn().form().mnemonic().startsWith("fi")) {
            x87(e, "compareInteger", loadInteger(e, 0), n);
        } else if (e.insn().operand(0) == OperandKind.Md) {
            x87(e, "compareFloat", e.load(4, e.address(0)), n);
        } else {
            x87(e, "compareDouble", e.load64(e.address(0)), n);
        }
    }

    public void fcom(Emitter e) {
        compare(e, 0);
    }

    public void fcomp(Emitter e) {
        compare(e, 1);
    }

    public void fucom(Emitter e) {
        compare(e, 0);
    }

    public void fucomp(Emitter e) {
        compare(e, 1);
    }

    public void ficom(Emitter e) {
        compare(e, 0);
    }

    public void ficomp(Emitter e) {
        compare(e, 1);
    }

    /** FCOMPP and FUCOMPP: compare with ST(1), pop twice. */
    public void fcompp(Emitter e) {
        x87(e, "compareRegister", e.i32(1), compareHow(e, 2));
    }

    /** FCOMI and FUCOMI: the comparison goes to ZF, PF, CF. */
    private static void compareToFlags(Emitter e, boolean pop) {
        e.setFlagsValue(x87(e, "compareToFlags", e.i32(e.insn().rm()), compareHow(e, pop ? 1 : 0)));
    }

    public void fcomi(Emitter e) {
        compareToFlags(e, false);
    }

    public void fcomip(Emitter e) {
        compareToFlags(e, true);
    }

    public void fxam(Emitter e) {
        x87(e, "examine");
    }

    /** The D9 E0..FF functions of ST(0), numbered by the low five bits of their second byte. */
    private static void function(Emitter e) {
        x87(e, "function", e.i32((e.insn().reg() - 4) * 8 + e.insn().rm()));
    }

    public void fchs(Emitter e) {
        function(e);
    }

    public void fabs(Emitter e) {
        function(e);
    }

    public void ftst(Emitter e) {
        function(e);
    }

    public void f2xm1(Emitter e) {
        function(e);
    }

    public void fyl2x(Emitter e) {
        function(e);
    }

    public void fptan(Emitter e) {
        function(e);
    }

    public void fpatan(Emitter e) {
        function(e);
    }

    public void fxtract(Emitter e) {
        function(e);
    }

    public void fprem1(Emitter e) {
        function(e);
    }

    public void fprem(Emitter e) {
        function(e);
    }

    public void fyl2xp1(Emitter e) {
        function(e);
    }

    public void fsqrt(Emitter e) {
        function(e);
    }

    public void fsincos(Emitter e) {
        function(e);
    }

    public void frndint(Emitter e) {
        function(e);
    }

    public void fscale(Emitter e) {
        function(e);
    }

    public void fsin(Emitter e) {
        function(e);
    }

    public void fcos(Emitter e) {
        function(e);
    }

    public void fdecstp(Emitter e) {
        x87(e, "rotate", e.i32(-1));
    }

    public void fincstp(Emitter e) {
        x87(e, "rotate", e.i32(1));
    }

    /** FNOP does nothing but is a waiting instruction: it delivers a pending exception as #MF. */
    public void fnop(Emitter e) {
        x87(e, "await");
    }

    /** FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ by their r/m field. */
    public void fldconst(Emitter e) {
        x87(e, "pushConstant", e.i32(e.insn().rm()));
    }

    public void ffree(Emitter e) {
        x87(e, "free", e.i32(e.insn().rm()));
    }

    public void ffreep(Emitter e) {
        x87(e, "freeAndPop", e.i32(e.insn().rm()));
    }

    public void fninit(Emitter e) {
        x87(e, "init");
    }

    public void fnclex(Emitter e) {
        x87(e, "clearExceptions");
    }

    public void fnstcw(Emitter e) {
        e.store(2, e.writableAddress(0), x87(e, "controlWord"));
    }

    public void fldcw(Emitter e) {
        awaitBeforeMemory(e);
        x87(e, "setControlWord", e.load(2, e.address(0)));
    }

    public void fnstsw(Emitter e) {
        Temp status = x87(e, "statusWord");
        if (e.isMemory(0)) {
            e.store(2, e.writableAddress(0), status);
        } else {
            e.setRegister(0, 2, status);
        }
    }

    /** FNSTENV, FNSAVE, FLDENV, FRSTOR: the layout is the operand size's (SDM vol. 1 8.1.10). */
    private static void environment(Emitter e, String helper, boolean registers) {
        x87(e, helper, e.address(0), e.i32(registers ? 1 : 0), e.i32(e.opsize()));
    }

    public void fnstenv(Emitter e) {
        environment(e, "save", false);
    }

    public void fnsave(Emitter e) {
        environment(e, "save", true);
    }

    public void fldenv(Emitter e) {
        awaitBeforeMemory(e);
        environment(e, "restore", false);
    }

    public void frstor(Emitter e) {
        awaitBeforeMemory(e);
        environment(e, "restore", true);
    }
}
