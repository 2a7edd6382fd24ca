package dev.mimic.cil.translate;

import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.signature.MethodSig;
import dev.mimic.cil.signature.TypeSig;
import dev.mimic.specs.model.Value;

/**
 * The IR meaning of each CIL instruction, one method per {@code emit} name of {@code cil.isa}
 * (ECMA-335 Partition III; families such as {@code ldc.i4.*} share one). Values follow the CLI's
 * stack types (III.1.1): int32 is I32, int64 and native int are I64, F is F64, O is REF. So far
 * this covers static methods over integers and floats: arguments, locals, constants, arithmetic,
 * comparisons, branches and switches, static calls and return, and one-dimensional arrays of
 * primitives and references, which are plain JVM arrays.
 */
public final class CilSemantics {
    private CilSemantics() {
    }

    public static void nop(Translation t, CilInstruction i) {
        // III.3.51: nothing to do.
    }

    public static void ldarg(Translation t, CilInstruction i) {
        t.push(t.b.mov(t.args[arg(t, i)]));
    }

    public static void starg(Translation t, CilInstruction i) {
        int n = arg(t, i);
        t.b.assign(t.args[n], Types.store(t, t.pop(), t.argTypes[n]));
    }

    public static void ldloc(Translation t, CilInstruction i) {
        t.push(t.b.mov(t.locals[local(t, i)]));
    }

    public static void stloc(Translation t, CilInstruction i) {
        int n = local(t, i);
        t.b.assign(t.locals[n], Types.store(t, t.pop(), t.localTypes[n]));
    }

    public static void ldnull(Translation t, CilInstruction i) {
        t.push(t.b.constantRef(null));
    }

    public static void ldc_i4(Translation t, CilInstruction i) {
        t.push(t.b.i32(Translation.operandOf(i)));
    }

    public static void ldc_i8(Translation t, CilInstruction i) {
        t.push(t.b.i64(i.operand()));
    }

    public static void ldc_r4(Translation t, CilInstruction i) {
        t.push(t.b.f64(i.floatValue()));
    }

    public static void ldc_r8(Translation t, CilInstruction i) {
        t.push(t.b.f64(i.floatValue()));
    }

    public static void dup(Translation t, CilInstruction i) {
        t.push(t.b.mov(t.peek()));
    }

    public static void pop(Translation t, CilInstruction i) {
        t.pop();
    }

    /** III.3.19: a static call to a method of this assembly; arguments are popped last-first. */
    public static void call(Translation t, CilInstruction i) {
        Token token = i.token();
        if (token.table() != Table.METHOD_DEF) {
            throw t.unsupported("call through %s (only methods of this assembly so far)".formatted(token));
        }
        MethodDefinition callee = t.assembly.method(token.row());
        MethodSig sig = callee.signature();
        if (sig.hasThis()) {
            throw t.unsupported("call of instance method %s (only static methods so far)".formatted(callee.name()));
        }
        Temp[] args = new Temp[sig.parameters().size()];
        for (int n = args.length - 1; n >= 0; n--) {
            args[n] = Types.coerce(t, t.pop(), Types.ir(t, sig.parameters().get(n)));
        }
        Type result = sig.returnType() == TypeSig.Primitive.VOID ? null : Types.ir(t, sig.returnType());
        Temp value = t.b.call(t.target(token.row()), result, args);
        if (value != null) {
            t.push(value);
        }
    }

    public static void ret(Translation t, CilInstruction i) {
        TypeSig type = t.method.signature().returnType();
        if (type == TypeSig.Primitive.VOID) {
            t.b.ret();
        } else {
            t.b.ret(Types.coerce(t, t.pop(), Types.ir(t, type)));
        }
    }

    public static void br(Translation t, CilInstruction i) {
        t.jumpTo(i.branchTarget());
    }

    public static void brfalse(Translation t, CilInstruction i) {
        t.branchTo(isZero(t, t.pop()), i.branchTarget(), i.next());
    }

    public static void brtrue(Translation t, CilInstruction i) {
        Temp zero = isZero(t, t.pop());
        t.branchTo(t.b.binary(Op.XOR, zero, t.b.i32(1)), i.branchTarget(), i.next());
    }

    public static void beq(Translation t, CilInstruction i) {
        branch(t, i, Condition.EQ);
    }

    public static void bge(Translation t, CilInstruction i) {
        branch(t, i, Condition.GE);
    }

    public static void bgt(Translation t, CilInstruction i) {
        branch(t, i, Condition.GT);
    }

    public static void ble(Translation t, CilInstruction i) {
        branch(t, i, Condition.LE);
    }

    public static void blt(Translation t, CilInstruction i) {
        branch(t, i, Condition.LT);
    }

    public static void bne_un(Translation t, CilInstruction i) {
        branch(t, i, Condition.NE_UN);
    }

    public static void bge_un(Translation t, CilInstruction i) {
        branch(t, i, Condition.GE_UN);
    }

    public static void bgt_un(Translation t, CilInstruction i) {
        branch(t, i, Condition.GT_UN);
    }

    public static void ble_un(Translation t, CilInstruction i) {
        branch(t, i, Condition.LE_UN);
    }

    public static void blt_un(Translation t, CilInstruction i) {
        branch(t, i, Condition.LT_UN);
    }

    public static void ceq(Translation t, CilInstruction i) {
        t.push(compare(t, Condition.EQ));
    }

    public static void cgt(Translation t, CilInstruction i) {
        t.push(compare(t, Condition.GT));
    }

    public static void cgt_un(Translation t, CilInstruction i) {
        t.push(compare(t, Condition.GT_UN));
    }

    public static void clt(Translation t, CilInstruction i) {
        t.push(compare(t, Condition.LT));
    }

    public static void clt_un(Translation t, CilInstruction i) {
        t.push(compare(t, Condition.LT_UN));
    }

    public static void add(Translation t, CilInstruction i) {
        arithmetic(t, Op.ADD);
    }

    public static void sub(Translation t, CilInstruction i) {
        arithmetic(t, Op.SUB);
    }

    public static void mul(Translation t, CilInstruction i) {
        arithmetic(t, Op.MUL);
    }

    public static void div(Translation t, CilInstruction i) {
        arithmetic(t, Op.DIV);
    }

    public static void div_un(Translation t, CilInstruction i) {
        arithmetic(t, Op.DIVU);
    }

    public static void rem(Translation t, CilInstruction i) {
        arithmetic(t, Op.REM);
    }

    public static void rem_un(Translation t, CilInstruction i) {
        arithmetic(t, Op.REMU);
    }

    public static void and(Translation t, CilInstruction i) {
        arithmetic(t, Op.AND);
    }

    public static void or(Translation t, CilInstruction i) {
        arithmetic(t, Op.OR);
    }

    public static void xor(Translation t, CilInstruction i) {
        arithmetic(t, Op.XOR);
    }

    public static void shl(Translation t, CilInstruction i) {
        shift(t, Op.SHL);
    }

    public static void shr(Translation t, CilInstruction i) {
        shift(t, Op.SAR);
    }

    public static void shr_un(Translation t, CilInstruction i) {
        shift(t, Op.SHR);
    }

    public static void neg(Translation t, CilInstruction i) {
        t.push(t.b.unary(Op.NEG, t.pop()));
    }

    public static void not(Translation t, CilInstruction i) {
        t.push(t.b.unary(Op.NOT, t.pop()));
    }

    /** III.3.66: a jump table; an out-of-range value falls through. */
    public static void switch_(Translation t, CilInstruction i) {
        Temp value = Types.coerce(t, t.pop(), Type.I32);
        int[] targets = i.targets();
        for (int n = 0; n < targets.length; n++) {
            int next = t.b.newBlock();
            t.branchToBlock(t.b.binary(Op.EQ, value, t.b.i32(n)), targets[n], next);
            t.b.switchTo(next);
        }
        t.jumpTo(i.next());
    }

    /** III.4.20: a zero-based one-dimensional array of the element type the token names. */
    public static void newarr(Translation t, CilInstruction i) {
        Temp length = Types.coerce(t, t.pop(), Type.I32);
        t.push(t.b.newArray(Types.elementKind(t, i.token()), length));
    }

    /** III.4.12: the length is a native unsigned int. */
    public static void ldlen(Translation t, CilInstruction i) {
        t.push(t.b.convert(t.b.arrayLength(t.pop()), Type.I64));
    }

    /** III.4.7-8: {@code ldelem.<type>} and {@code ldelem <token>}; unsigned small elements zero-extend. */
    public static void ldelem(Translation t, CilInstruction i) {
        Temp index = Types.coerce(t, t.pop(), Type.I32);
        Temp array = t.pop();
        String type = Types.elementName(t, i);
        Temp value = t.b.arrayLoad(Types.elementKind(t, type), array, index);
        t.push(switch (type) {
            case "u1" -> t.b.zeroExtend(value, 8);
            case "u2" -> t.b.zeroExtend(value, 16);
            default -> value;
        });
    }

    /** III.4.26-27: {@code stelem.<type>} and {@code stelem <token>}. */
    public static void stelem(Translation t, CilInstruction i) {
        Temp value = t.pop();
        Temp index = Types.coerce(t, t.pop(), Type.I32);
        Temp array = t.pop();
        ArrayKind kind = Types.elementKind(t, Types.elementName(t, i));
        t.b.arrayStore(kind, array, index, Types.coerce(t, value, kind.elementType()));
    }

    /** III.3.27: conversions to the type named by the {@code type} key of cil.isa. */
    public static void conv(Translation t, CilInstruction i) {
        String to = ((Value.Name) i.opcode().spec().entry("type").get(0)).name();
        t.push(Types.convert(t, t.pop(), to));
    }

    private static int arg(Translation t, CilInstruction i) {
        int n = Translation.operandOf(i);
        if (n < 0 || n >= t.args.length) {
            throw t.invalid("argument %d does not exist (%d arguments)".formatted(n, t.args.length));
        }
        return n;
    }

    private static int local(Translation t, CilInstruction i) {
        int n = Translation.operandOf(i);
        if (n < 0 || n >= t.locals.length) {
            throw t.invalid("local %d does not exist (%d locals)".formatted(n, t.locals.length));
        }
        return n;
    }

    /** Binary numeric ops (III.1.5 table 2): int32 with native int widens to native int. */
    private static void arithmetic(Translation t, Op op) {
        Temp b = t.pop();
        Temp a = t.pop();
        Type type = Types.common(t, a, b);
        t.push(t.b.binary(op, Types.coerce(t, a, type), Types.coerce(t, b, type)));
    }

    /** III.3.58-59: the shift amount may be int32 or native int, whatever the value's type. */
    private static void shift(Translation t, Op op) {
        Temp amount = t.pop();
        Temp value = t.pop();
        t.push(t.b.binary(op, value, Types.coerce(t, amount, value.type())));
    }

    private static Temp isZero(Translation t, Temp v) {
        return switch (v.type()) {
            case I32 -> t.b.binary(Op.EQ, v, t.b.i32(0));
            case I64 -> t.b.binary(Op.EQ, v, t.b.i64(0));
            case REF -> t.b.binary(Op.EQ, v, t.b.constantRef(null));
            case F64 -> throw t.invalid("brtrue/brfalse of a float");
        };
    }

    private static void branch(Translation t, CilInstruction i, Condition c) {
        t.branchTo(compare(t, c), i.branchTarget(), i.next());
    }

    /**
     * The comparisons of III.1.5 table 4. "Unsigned or unordered" forms compare integers unsigned
     * and are true for floats when either is NaN, which is the negation of the opposite ordered test.
     */
    private enum Condition {
        EQ, NE_UN, GE, GT, LE, LT, GE_UN, GT_UN, LE_UN, LT_UN
    }

    private static Temp compare(Translation t, Condition c) {
        Temp b = t.pop();
        Temp a = t.pop();
        Type type = Types.common(t, a, b);
        a = Types.coerce(t, a, type);
        b = Types.coerce(t, b, type);
        boolean floats = type == Type.F64;
        return switch (c) {
            case EQ -> t.b.binary(Op.EQ, a, b);
            case NE_UN -> t.b.binary(Op.NE, a, b);
            case GE -> t.b.binary(Op.LE, b, a);
            case GT -> t.b.binary(Op.LT, b, a);
            case LE -> t.b.binary(Op.LE, a, b);
            case LT -> t.b.binary(Op.LT, a, b);
            case GE_UN -> floats ? negate(t, t.b.binary(Op.LT, a, b)) : t.b.binary(Op.LEU, b, a);
            case GT_UN -> floats ? negate(t, t.b.binary(Op.LE, a, b)) : t.b.binary(Op.LTU, b, a);
            case LE_UN -> floats ? negate(t, t.b.binary(Op.LT, b, a)) : t.b.binary(Op.LEU, a, b);
            case LT_UN -> floats ? negate(t, t.b.binary(Op.LE, b, a)) : t.b.binary(Op.LTU, a, b);
        };
    }

    private static Temp negate(Translation t, Temp condition) {
        return t.b.binary(Op.XOR, condition, t.b.i32(1));
    }
}
