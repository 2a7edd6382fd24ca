package dev.mimic.cil.translate;

import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.model.FieldSlot;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
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
        int n = arg(t, i);
        t.push(Values.loaded(t, t.argCells[n] ? Cells.load(t, t.args[n], t.argTypes[n]) : t.b.mov(t.args[n]),
                t.argTypes[n]));
    }

    public static void starg(Translation t, CilInstruction i) {
        int n = arg(t, i);
        Temp v = Values.stored(t, t.pop(), t.argTypes[n]);
        if (t.argCells[n]) {
            Cells.store(t, t.args[n], t.argTypes[n], v);
        } else {
            t.b.assign(t.args[n], v);
        }
    }

    public static void ldloc(Translation t, CilInstruction i) {
        int n = local(t, i);
        t.push(Values.loaded(t, t.localCells[n] ? Cells.load(t, t.locals[n], t.localTypes[n]) : t.b.mov(t.locals[n]),
                t.localTypes[n]));
    }

    public static void stloc(Translation t, CilInstruction i) {
        int n = local(t, i);
        Temp v = Values.stored(t, t.pop(), t.localTypes[n]);
        if (t.localCells[n]) {
            Cells.store(t, t.locals[n], t.localTypes[n], v);
        } else {
            if (t.pinned[n]) {
                t.op("repin", Types.coerce(t, t.locals[n], Type.I64), Types.coerce(t, v, Type.I64));
            }
            t.b.assign(t.locals[n], v);
        }
    }

    /** III.3.39: a struct's address is its object; other locals live in cells. */
    public static void ldarga(Translation t, CilInstruction i) {
        int n = arg(t, i);
        t.push(t.argCells[n] ? Pointers.element(t, t.args[n], t.b.i32(0), t.argTypes[n]) : t.b.mov(t.args[n]));
    }

    public static void ldloca(Translation t, CilInstruction i) {
        int n = local(t, i);
        t.push(t.localCells[n] ? Pointers.element(t, t.locals[n], t.b.i32(0), t.localTypes[n]) : t.b.mov(t.locals[n]));
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

    /** III.3.33: a duplicated struct value is a copy, so storing both never aliases them. */
    public static void dup(Translation t, CilInstruction i) {
        Temp top = t.peek();
        t.push(top.type() == Type.REF ? t.op("copy", top) : t.b.mov(top));
    }

    public static void pop(Translation t, CilInstruction i) {
        t.pop();
    }

    /** III.3.19: a call of the method the token names, without dispatch. */
    public static void call(Translation t, CilInstruction i) {
        RuntimeType array = t.types.arrayMethodOwner(t.assembly, i.token(), t.context);
        if (array != null) {
            MdArrays.call(t, array, t.assembly.metadata().string(dev.mimic.cil.metadata.Table.MEMBER_REF,
                    i.token().row(), 1));
        } else {
            RuntimeMethod m = t.methodOf(i.token());
            Objects.call(t, m, false, m.signature().isVararg() ? Varargs.argumentList(t, i.token()) : null);
        }
    }

    /** III.3.4: the handle of a vararg method's extra arguments, for {@code System.ArgIterator}. */
    public static void arglist(Translation t, CilInstruction i) {
        if (t.argumentList == null) {
            throw t.invalid("arglist outside a vararg method");
        }
        t.push(t.argumentList);
    }

    /** III.3.20: a call of the method a function pointer names, with the arguments the signature describes. */
    public static void calli(Translation t, CilInstruction i) {
        if (!(t.assembly.standAloneSignature(i.token().row()) instanceof dev.mimic.cil.signature.MethodSig sig)) {
            throw t.invalid("calli signature " + i.token() + " is not a method signature");
        }
        Temp pointer = Types.coerce(t, t.pop(), Type.I64);
        int count = sig.parameters().size() + (sig.hasThis() ? 1 : 0);
        Temp[] args = new Temp[count + 1];
        java.util.List<Type> types = new java.util.ArrayList<>();
        for (int n = sig.parameters().size() - 1; n >= 0; n--) {
            RuntimeType p = t.types.resolve(t.assembly, sig.parameters().get(n), t.context);
            args[n + count - sig.parameters().size()] = Values.stored(t, t.pop(), p);
        }
        if (sig.hasThis()) {
            args[0] = Types.coerce(t, t.pop(), Type.REF);
        }
        for (int n = 0; n < count; n++) {
            types.add(args[n].type());
        }
        args[count] = pointer;
        RuntimeType r = sig.returnType() == dev.mimic.cil.signature.TypeSig.Primitive.VOID ? null
                : t.types.resolve(t.assembly, sig.returnType(), t.context);
        Type result = r == null ? null : r.stackType();
        Temp value = t.b.call(t.runtime.indirectTarget(types, result), result, args);
        if (value != null) {
            t.push(Values.loaded(t, value, r));
        }
    }

    /** III.3.37: leaves this method for another with the same signature, passing it the current arguments. */
    public static void jmp(Translation t, CilInstruction i) {
        Temp[] args = new Temp[t.args.length];
        for (int n = 0; n < args.length; n++) {
            args[n] = t.argCells[n] ? Cells.load(t, t.args[n], t.argTypes[n]) : t.args[n];
        }
        Temp result = Objects.callWith(t, t.methodOf(i.token()), args);
        if (result != null) {
            t.push(result);
        }
        ret(t, i);
    }

    /** III.4.2: a call that dispatches on the receiver's type; a {@code constrained.} prefix picks the receiver form. */
    public static void callvirt(Translation t, CilInstruction i) {
        if (t.types.arrayMethodOwner(t.assembly, i.token(), t.context) != null) {
            call(t, i);
        } else {
            RuntimeMethod m = t.methodOf(i.token());
            Objects.call(t, m, true, m.signature().isVararg() ? Varargs.argumentList(t, i.token()) : null);
        }
    }

    /** III.4.21: allocate and construct. */
    public static void newobj(Translation t, CilInstruction i) {
        RuntimeType array = t.types.arrayMethodOwner(t.assembly, i.token(), t.context);
        if (array != null) {
            var sig = (dev.mimic.cil.signature.MethodSig) t.assembly.memberRefSignature(i.token().row());
            MdArrays.newobj(t, array, sig.parameters().size());
        } else {
            Objects.newobj(t, t.methodOf(i.token()));
        }
    }

    public static void ret(Translation t, CilInstruction i) {
        if (t.localMark != null) {
            t.op("localRelease", t.localMark);
        }
        RuntimeType type = t.method.returnType();
        if (type == null) {
            t.b.ret();
        } else {
            t.b.ret(Values.stored(t, t.pop(), type));
        }
    }

    public static void ldfld(Translation t, CilInstruction i) {
        Objects.ldfld(t, t.field(i.token()));
    }

    public static void stfld(Translation t, CilInstruction i) {
        Objects.stfld(t, t.field(i.token()));
    }

    public static void ldflda(Translation t, CilInstruction i) {
        Objects.ldflda(t, t.field(i.token()));
    }

    public static void ldsfld(Translation t, CilInstruction i) {
        FieldSlot f = t.field(i.token());
        t.push(Values.loaded(t, t.b.getField(f.cell(), Objects.statics(t, f)), f.type()));
    }

    public static void stsfld(Translation t, CilInstruction i) {
        FieldSlot f = t.field(i.token());
        Temp v = Values.stored(t, t.pop(), f.type());
        t.b.putField(f.cell(), Objects.statics(t, f), v);
    }

    public static void ldsflda(Translation t, CilInstruction i) {
        FieldSlot f = t.field(i.token());
        Temp statics = Objects.statics(t, f);
        t.push(f.type().isObjectStruct() ? t.b.getField(f.cell(), statics)
                : t.op("fieldPointer", statics, t.b.i32(f.cell().index())));
    }

    /** III.4.16: strings are JVM strings, so a literal is a constant. */
    public static void ldstr(Translation t, CilInstruction i) {
        t.push(t.b.constantRef(t.assembly.metadata().userStrings().get(i.intValue() & 0xFFFFFF)));
    }

    public static void castclass(Translation t, CilInstruction i) {
        t.push(t.op("castClass", t.pop(), t.b.constantRef(t.type(i.token()))));
    }

    public static void isinst(Translation t, CilInstruction i) {
        Temp v = t.pop();
        Temp is = t.op("isInstance", v, t.b.constantRef(t.type(i.token())));
        t.push(t.b.select(is, v, t.b.constantRef(null)));
    }

    public static void box(Translation t, CilInstruction i) {
        t.push(Objects.box(t, t.type(i.token()), t.pop()));
    }

    public static void unbox_any(Translation t, CilInstruction i) {
        t.push(Objects.unboxAny(t, t.type(i.token()), t.pop()));
    }

    public static void unbox(Translation t, CilInstruction i) {
        t.push(Objects.unbox(t, t.type(i.token()), t.pop()));
    }

    public static void ldobj(Translation t, CilInstruction i) {
        t.push(Pointers.load(t, t.type(i.token()), t.pop()));
    }

    public static void stobj(Translation t, CilInstruction i) {
        Temp value = t.pop();
        Pointers.store(t, t.type(i.token()), t.pop(), value);
    }

    /** III.4.5: zero the value at the address. */
    public static void initobj(Translation t, CilInstruction i) {
        RuntimeType type = t.type(i.token());
        Pointers.store(t, type, t.pop(), type.isObjectStruct() ? t.b.constantRef(null) : Values.zero(t, type));
    }

    public static void ldind(Translation t, CilInstruction i) {
        t.push(Pointers.load(t, Pointers.typeOf(t, i), t.pop()));
    }

    public static void stind(Translation t, CilInstruction i) {
        Temp value = t.pop();
        Pointers.store(t, Pointers.typeOf(t, i), t.pop(), value);
    }

    public static void ldelema(Translation t, CilInstruction i) {
        Temp index = Types.coerce(t, t.pop(), Type.I32);
        Temp array = t.pop();
        RuntimeType element = t.type(i.token());
        if (element.isObjectStruct()) {
            t.push(t.b.arrayLoad(ArrayKind.REF, array, t.op("checkIndex", array, index)));
        } else {
            t.push(Pointers.element(t, array, index, element));
        }
    }

    /** III.4.31: a new throw, so the exception's stack trace starts again here. */
    public static void throw_(Translation t, CilInstruction i) {
        t.b.throwRef(t.op("startUnwinding", t.op("checkNull", t.pop())));
    }

    public static void rethrow(Translation t, CilInstruction i) {
        Handlers.rethrow(t);
    }

    public static void leave(Translation t, CilInstruction i) {
        Handlers.leave(t, i.branchTarget());
    }

    public static void endfinally(Translation t, CilInstruction i) {
        Handlers.endfinally(t);
    }

    public static void endfilter(Translation t, CilInstruction i) {
        Handlers.endfilter(t);
    }

    /** III.3.16: informs a debugger; a program run without one goes on. */
    public static void break_(Translation t, CilInstruction i) {
        // The workbench stops on breakpoints of its own; this instruction asks for nothing more.
    }

    /** III.4.4: copies the value at one address to another. */
    public static void cpobj(Translation t, CilInstruction i) {
        RuntimeType type = t.type(i.token());
        Temp source = t.pop();
        Temp target = t.pop();
        Pointers.store(t, type, target, Pointers.load(t, type, source));
    }

    /** III.2.2: the checks it lets the runtime skip are made anyway. */
    public static void no(Translation t, CilInstruction i) {
        // Type, range and null checks stay: skipping them is permission, not obligation.
    }

    /** Prefixes that change nothing for Mimic's memory model (III.2). */
    public static void volatile_(Translation t, CilInstruction i) {
        // Every managed access is already sequentially consistent on one thread.
    }

    public static void readonly_(Translation t, CilInstruction i) {
        // III.2.3: only relaxes a type check of the ldelema that follows.
    }

    public static void tail(Translation t, CilInstruction i) {
        // III.2.4: a call is a JVM call; the prefix is permission, not obligation.
    }

    public static void unaligned(Translation t, CilInstruction i) {
        // III.2.5: managed cells have no alignment.
    }

    public static void constrained(Translation t, CilInstruction i) {
        t.constrained = t.type(i.token());
    }

    /**
     * III.4.17: a field's handle is the loaded field, a type's handle the loaded type (and its Type
     * object), so {@code InitializeArray} and {@code typeof} need nothing more.
     */
    public static void ldtoken(Translation t, CilInstruction i) {
        t.push(t.b.constantRef(switch (i.token().table()) {
            case FIELD -> t.field(i.token());
            case TYPE_DEF -> t.types.isGenericDefinition(t.assembly, i.token().row())
                    ? t.types.type(t.assembly, i.token().row(), java.util.List.of()) : t.type(i.token());
            case TYPE_REF, TYPE_SPEC -> t.type(i.token());
            case MEMBER_REF -> t.assembly.memberRefSignature(i.token().row()) instanceof dev.mimic.cil.signature.MethodSig
                    ? unsupportedToken(t) : t.field(i.token());
            default -> unsupportedToken(t);
        }));
    }

    private static Object unsupportedToken(Translation t) {
        throw t.unsupported("ldtoken of methods");
    }

    /** III.3.41: a method pointer is the method's index in the runtime's table. */
    public static void ldftn(Translation t, CilInstruction i) {
        t.push(t.b.i64(t.runtime.functionPointer(t.methodOf(i.token()))));
    }

    /** III.4.18: the implementation the object's type has for the virtual method. */
    public static void ldvirtftn(Translation t, CilInstruction i) {
        Temp object = t.pop();
        t.push(t.b.helper(dev.mimic.backend.ir.Helper.of(dev.mimic.cil.runtime.Delegates.class, "virtualFunction",
                dev.mimic.backend.ir.Effect.values()), object, t.b.i64(t.runtime.functionPointer(t.methodOf(i.token())))));
    }

    /** III.3.47: a block of the local memory pool, released when the method returns. */
    public static void localloc(Translation t, CilInstruction i) {
        Temp size = t.pop();
        t.push(t.op("localloc", size.type() == Type.I32 ? t.b.convertUnsigned(size) : Types.coerce(t, size, Type.I64)));
    }

    /** III.3.30: copies size bytes between unmanaged addresses. */
    public static void cpblk(Translation t, CilInstruction i) {
        Temp size = Types.coerce(t, t.pop(), Type.I32);
        Temp source = Types.coerce(t, t.pop(), Type.I64);
        t.op("copyBlock", Types.coerce(t, t.pop(), Type.I64), source, size);
    }

    /** III.3.36: sets size bytes at an unmanaged address to the low byte of value. */
    public static void initblk(Translation t, CilInstruction i) {
        Temp size = Types.coerce(t, t.pop(), Type.I32);
        Temp value = Types.coerce(t, t.pop(), Type.I32);
        t.op("initBlock", Types.coerce(t, t.pop(), Type.I64), value, size);
    }

    /** III.4.25: the size of a value of the type in unmanaged memory; a reference type's is a reference's. */
    public static void sizeof(Translation t, CilInstruction i) {
        t.push(t.b.i32(dev.mimic.cil.model.NativeLayout.size(t.type(i.token()))));
    }

    /** III.4.19: a typed reference to the address on the stack, of the token's type. */
    public static void mkrefany(Translation t, CilInstruction i) {
        t.push(t.op("makeTypedReference", Types.coerce(t, t.pop(), Type.REF), t.b.constantRef(t.type(i.token()))));
    }

    /** III.4.23: the address a typed reference holds, checked against the token's type. */
    public static void refanyval(Translation t, CilInstruction i) {
        t.push(t.op("typedReferenceValue", t.pop(), t.b.constantRef(t.type(i.token()))));
    }

    /** III.4.22: the type a typed reference holds, as a type handle. */
    public static void refanytype(Translation t, CilInstruction i) {
        t.push(t.op("typedReferenceType", t.pop()));
    }

    public static void ckfinite(Translation t, CilInstruction i) {
        t.push(t.op("checkFinite", t.pop()));
    }

    public static void add_ovf(Translation t, CilInstruction i) {
        checked(t, 0);
    }

    public static void sub_ovf(Translation t, CilInstruction i) {
        checked(t, 1);
    }

    public static void mul_ovf(Translation t, CilInstruction i) {
        checked(t, 2);
    }

    public static void add_ovf_un(Translation t, CilInstruction i) {
        checked(t, 4);
    }

    public static void sub_ovf_un(Translation t, CilInstruction i) {
        checked(t, 5);
    }

    public static void mul_ovf_un(Translation t, CilInstruction i) {
        checked(t, 6);
    }

    /** III.3.19: conversions that raise OverflowException when the value does not fit. */
    public static void conv_ovf(Translation t, CilInstruction i) {
        convChecked(t, i, false);
    }

    public static void conv_ovf_un(Translation t, CilInstruction i) {
        convChecked(t, i, true);
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

    /** III.3.31: division by zero and int.MinValue / -1 raise, as the CLI (not Java) says. */
    public static void div(Translation t, CilInstruction i) {
        division(t, Op.DIV, 0);
    }

    public static void div_un(Translation t, CilInstruction i) {
        division(t, Op.DIVU, 2);
    }

    public static void rem(Translation t, CilInstruction i) {
        division(t, Op.REM, 1);
    }

    public static void rem_un(Translation t, CilInstruction i) {
        division(t, Op.REMU, 3);
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
            t.switchTo(next);
        }
        t.jumpTo(i.next());
    }

    /** III.4.20: a zero-based one-dimensional array of the element type the token names. */
    public static void newarr(Translation t, CilInstruction i) {
        Temp length = Types.coerce(t, t.pop(), Type.I32);
        RuntimeType element = t.type(i.token());
        if (element.isObjectStruct()) {
            t.push(t.op("newStructArray", t.b.constantRef(element), length));
        } else {
            t.push(t.b.newArray(Types.elementKind(t, Types.elementName(element)), length));
        }
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
        Temp value = t.b.arrayLoad(Types.elementKind(t, type), array, t.op("checkIndex", array, index));
        t.push(switch (type) {
            case "u1" -> t.b.zeroExtend(value, 8);
            case "u2" -> t.b.zeroExtend(value, 16);
            case "ref" -> i.opcode().spec().entry("type").isEmpty() ? Values.loaded(t, value, t.type(i.token())) : value;
            default -> value;
        });
    }

    /** III.4.26-27: {@code stelem.<type>} and {@code stelem <token>}. */
    public static void stelem(Translation t, CilInstruction i) {
        Temp value = t.pop();
        Temp index = Types.coerce(t, t.pop(), Type.I32);
        Temp array = t.pop();
        String type = Types.elementName(t, i);
        ArrayKind kind = Types.elementKind(t, type);
        Temp v = Types.coerce(t, value, kind.elementType());
        t.b.arrayStore(kind, array, t.op("checkIndex", array, index), type.equals("r4") ? t.b.helper(
                dev.mimic.backend.ir.Helper.of(dev.mimic.cil.runtime.ManagedOps.class, "toSingle"), v) : v);
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
        if (type == Type.REF) {
            type = Type.I64; // only pointers take part in arithmetic: the difference of two addresses
        }
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
        if (type == Type.REF) {
            // III.1.5 table 4: references compare only for identity; cgt.un with null is "not null".
            return switch (c) {
                case EQ -> t.b.binary(Op.EQ, a, b);
                case NE_UN, GT_UN, LT_UN -> t.b.binary(Op.NE, a, b);
                default -> throw t.invalid("ordered comparison of references");
            };
        }
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

    /** Integer division through {@code ManagedOps.divide32/64} ({@code kind} as there); floats are IEEE. */
    private static void division(Translation t, Op op, int kind) {
        Temp b = t.pop();
        Temp a = t.pop();
        Type type = Types.common(t, a, b);
        a = Types.coerce(t, a, type);
        b = Types.coerce(t, b, type);
        if (type == Type.F64) {
            if (op == Op.DIVU || op == Op.REMU) {
                throw t.invalid("unsigned division of floats");
            }
            t.push(t.b.binary(op, a, b));
        } else {
            t.push(t.op(type == Type.I32 ? "divide32" : "divide64", a, b, t.b.i32(kind)));
        }
    }

    private static void checked(Translation t, int op) {
        Temp b = t.pop();
        Temp a = t.pop();
        Type type = Types.common(t, a, b);
        a = Types.coerce(t, a, type);
        b = Types.coerce(t, b, type);
        t.push(t.op(type == Type.I32 ? "ovf32" : "ovf64", a, b, t.b.i32(op)));
    }

    /** The targets of conv.ovf in the order of {@code ManagedOps.convOvf}. */
    private static final java.util.List<String> OVF_TARGETS = java.util.List.of("i1", "u1", "i2", "u2", "i4", "u4",
            "i8", "u8", "i", "u");

    private static void convChecked(Translation t, CilInstruction i, boolean unsigned) {
        String to = ((Value.Name) i.opcode().spec().entry("type").get(0)).name();
        int target = OVF_TARGETS.indexOf(to);
        Temp v = t.pop();
        Temp wide = switch (v.type()) {
            case I32 -> unsigned ? t.b.convertUnsigned(v) : t.b.convert(v, Type.I64);
            case I64 -> v;
            case F64 -> null;
            case REF -> throw t.invalid("conversion of a reference");
        };
        Temp checkedValue = wide == null ? t.op("convOvfFloat", v, t.b.i32(target))
                : t.op("convOvf", wide, t.b.i32(unsigned ? 1 : 0), t.b.i32(target));
        t.push(Types.convert(t, checkedValue, to));
    }
}
