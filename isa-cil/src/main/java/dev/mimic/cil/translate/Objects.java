package dev.mimic.cil.translate;

import dev.mimic.backend.ir.FieldRef;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.model.FieldSlot;
import dev.mimic.cil.model.NativeLayout;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import java.util.List;

/**
 * The shared shapes of the object model instructions: calls with and without dispatch, object
 * creation, field access, boxing and static initialisation triggers (II.10.5.3).
 */
final class Objects {
    private Objects() {
    }

    /**
     * A call of {@code m}: arguments popped last-first; intrinsics become HELPER ops, overridable
     * methods called with {@code callvirt} go through the receiver's method table.
     */
    static void call(Translation t, RuntimeMethod m, boolean virtual) {
        call(t, m, virtual, null);
    }

    /** A call that passes {@code argumentList} (a vararg call's extra arguments, already popped) last, if not null. */
    static void call(Translation t, RuntimeMethod m, boolean virtual, Temp argumentList) {
        RuntimeType constrained = t.constrained;
        t.constrained = null;
        List<RuntimeType> params = m.parameterTypes();
        boolean hasThis = m.signature().hasThis();
        Temp[] args = new Temp[params.size() + (hasThis ? 1 : 0) + (argumentList != null ? 1 : 0)];
        if (argumentList != null) {
            args[args.length - 1] = argumentList;
        }
        for (int n = params.size() - 1; n >= 0; n--) {
            args[n + (hasThis ? 1 : 0)] = Values.stored(t, t.pop(), params.get(n));
        }
        if (hasThis) {
            args[0] = Types.coerce(t, t.pop(), Type.REF);
        }
        if (constrained != null) {
            // III.2.1: a reference type's pointer is dereferenced; a value type that implements the
            // method is called directly; any other value type is boxed.
            if (!constrained.isValueType()) {
                args[0] = t.op("loadIndirectRef", args[0]);
            } else {
                RuntimeMethod own = constrained.implementation(m);
                if (own.owner() == constrained) {
                    m = own;
                    virtual = false;
                } else {
                    args[0] = box(t, constrained, Pointers.load(t, constrained, args[0]));
                }
            }
        }
        if (!hasThis && t.runtime.intrinsics().find(m) == null) {
            initializeFor(t, m.owner(), false);
        }
        Temp result = invoke(t, m, virtual && m.dispatchesVirtually(), virtual, args);
        if (result != null) {
            t.push(result);
        }
    }

    /** A direct call of {@code m} with arguments already on the IR side ({@code jmp}); its result or null. */
    static Temp callWith(Translation t, RuntimeMethod m, Temp[] args) {
        if (m.isStatic() && t.runtime.intrinsics().find(m) == null) {
            initializeFor(t, m.owner(), false);
        }
        return invoke(t, m, false, false, args);
    }

    private static Temp invoke(Translation t, RuntimeMethod m, boolean dispatch, boolean nullCheck, Temp[] args) {
        RuntimeType r = m.returnType();
        Type result = r == null ? null : r.stackType();
        if (dispatch) {
            return t.b.call(t.runtime.virtualTarget(m), result, args);
        }
        if (nullCheck) {
            args[0] = t.op("checkNull", args[0]);
        }
        Helper intrinsic = t.runtime.intrinsics().find(m);
        if (intrinsic != null) {
            if (t.runtime.intrinsics().takesMethod(intrinsic)) {
                Temp[] all = new Temp[args.length + 1];
                all[0] = t.b.constantRef(m);
                System.arraycopy(args, 0, all, 1, args.length);
                return t.b.helper(intrinsic, all);
            }
            return t.b.helper(intrinsic, args);
        }
        return t.b.call(t.runtime.target(m), result, args);
    }

    /** III.4.21: JVM-backed objects come from their constructor intrinsic; others are allocated, then constructed. */
    static void newobj(Translation t, RuntimeMethod ctor) {
        RuntimeType type = ctor.owner();
        List<RuntimeType> params = ctor.parameterTypes();
        Temp[] args = new Temp[params.size() + 1];
        for (int n = params.size() - 1; n >= 0; n--) {
            args[n + 1] = Values.stored(t, t.pop(), params.get(n));
        }
        Helper constructor = t.runtime.intrinsics().find(ctor);
        if (constructor != null) {
            // Types backed by JVM classes (String, StringBuilder) and the runtime's own structs
            // (ByReference): the intrinsic makes the object, given the constructor if it asks.
            boolean instantiated = t.runtime.intrinsics().takesMethod(constructor);
            if (instantiated) {
                args[0] = t.b.constantRef(ctor);
            }
            t.push(t.b.helper(constructor, java.util.Arrays.copyOfRange(args, instantiated ? 0 : 1, args.length)));
            return;
        }
        if (type.is("String")) {
            throw t.unsupported("string constructor " + ctor.key());
        }
        if (type.stackType() != Type.REF) {
            // A primitive's constructor (new IntPtr(n)) writes through its this, a pointer to a cell.
            Temp cell = Cells.create(t, type);
            args[0] = Pointers.element(t, cell, t.b.i32(0), type);
            invoke(t, ctor, false, false, args);
            t.push(Cells.load(t, cell, type));
            return;
        }
        if (type.definition() == null || type.kind() == RuntimeType.Kind.INTERFACE) {
            throw t.unsupported("newobj of " + type);
        }
        if (type.isDelegate()) {
            t.push(t.b.helper(Helper.of(dev.mimic.cil.runtime.Delegates.class, "create",
                    dev.mimic.backend.ir.Effect.values()), t.b.constantRef(type), args[1], Types.coerce(t, args[2], Type.I64)));
            return;
        }
        initializeFor(t, type, false);
        boolean plain = type.instanceFields().stream().noneMatch(f -> f.type().isObjectStruct());
        Temp object = plain ? t.b.newObject(type.managedType()) : t.op("allocate", t.b.constantRef(type));
        args[0] = object;
        invoke(t, ctor, false, false, args);
        t.push(object);
    }

    /**
     * True for the one instance field of a primitive ({@code IntPtr.m_value}): the primitive's value
     * itself, so its object is the value, or a pointer to it (a method's {@code this}).
     */
    private static boolean isPrimitiveValue(FieldSlot f) {
        return !f.isStatic() && f.owner().stackType() != Type.REF;
    }

    /** The address of field {@code f} of the struct at unmanaged address {@code address} ({@code p->f}). */
    private static Temp nativeField(Translation t, FieldSlot f, Temp address) {
        int offset = dev.mimic.cil.model.NativeLayout.offsets(f.owner())[f.owner().instanceFields().indexOf(f)];
        return t.b.binary(dev.mimic.backend.ir.Op.ADD, Types.coerce(t, address, Type.I64), t.b.i64(offset));
    }

    static void ldfld(Translation t, FieldSlot f) {
        Temp object = t.pop();
        if (isPrimitiveValue(f)) {
            t.push(object.type() == Type.REF ? Pointers.load(t, f.type(), object) : object);
            return;
        }
        if (object.type() != Type.REF && !f.isStatic()) {
            t.push(Pointers.load(t, f.type(), nativeField(t, f, object)));
            return;
        }
        List<NativeLayout.Part> parts = NativeLayout.parts(f);
        if (!parts.isEmpty()) {
            // Little-endian: each part's bits at its byte offset inside the field.
            Temp self = t.op("checkNull", object);
            Temp value = t.b.i64(0);
            for (NativeLayout.Part p : parts) {
                Temp bits = t.b.zeroExtend(Types.coerce(t, t.b.getField(p.field().cell(), self), Type.I64), 8 * p.width());
                value = t.b.binary(Op.OR, value, t.b.binary(Op.SHL, bits, t.b.i64(8L * p.offset())));
            }
            t.push(Values.stored(t, Types.coerce(t, value, f.type().stackType()), f.type()));
            return;
        }
        if (f.isStatic()) {
            t.push(Values.loaded(t, t.b.getField(f.cell(), statics(t, f)), f.type()));
            return;
        }
        t.push(Values.loaded(t, t.b.getField(f.cell(), t.op("checkNull", object)), f.type()));
    }

    static void stfld(Translation t, FieldSlot f) {
        Temp value = Values.stored(t, t.pop(), f.type());
        Temp object = t.pop();
        if (isPrimitiveValue(f)) {
            Pointers.store(t, f.type(), object, value);
            return;
        }
        if (object.type() != Type.REF && !f.isStatic()) {
            Pointers.store(t, f.type(), nativeField(t, f, object), value);
            return;
        }
        List<NativeLayout.Part> parts = NativeLayout.parts(f);
        if (!parts.isEmpty()) {
            Temp self = t.op("checkNull", object);
            Temp wide = Types.coerce(t, value, Type.I64);
            for (NativeLayout.Part p : parts) {
                Temp bits = t.b.binary(Op.SHR, wide, t.b.i64(8L * p.offset()));
                t.b.putField(p.field().cell(), self, Values.stored(t, Types.coerce(t, bits, p.field().type().stackType()),
                        p.field().type()));
            }
            return;
        }
        FieldRef cell = f.cell();
        t.b.putField(cell, f.isStatic() ? statics(t, f) : t.op("checkNull", object), value);
    }

    static void ldflda(Translation t, FieldSlot f) {
        if (isPrimitiveValue(f)) {
            return; // the pointer to the primitive is the pointer to its value
        }
        if (t.peek().type() != Type.REF) {
            t.push(nativeField(t, f, t.pop()));
            return;
        }
        Temp object = t.op("checkNull", t.pop());
        t.push(f.type().isObjectStruct() ? t.b.getField(f.cell(), object)
                : t.op("fieldPointer", object, t.b.i32(f.cell().index())));
    }

    /** The statics object of a field's owner, running its type initializer first if need be. */
    static Temp statics(Translation t, FieldSlot f) {
        initializeFor(t, f.owner(), true);
        return t.b.constantRef(f.owner().statics());
    }

    /**
     * Triggers the type initializer (II.10.5.3.1): a {@code beforefieldinit} type before its first
     * static field access, any other type at its first static field access, static method call or
     * instance constructor.
     */
    static void initializeFor(Translation t, RuntimeType type, boolean fieldAccess) {
        if (type.initializationStarted() || type.typeInitializer() == null
                || (!fieldAccess && type.isBeforeFieldInit())) {
            return;
        }
        if (type.isBeforeFieldInit()) {
            // II.10.5.3.2 lets a beforefieldinit initializer run at any time before the first static
            // field access; mono runs it when it compiles the accessing method, and so does Mimic.
            t.runtime.initialize(type);
            return;
        }
        t.b.helper(Helper.of(dev.mimic.cil.runtime.ManagedOps.class, "initialize",
                dev.mimic.backend.ir.Effect.values()), t.b.constantRef(type));
    }

    /** III.4.1: a value type's value becomes an object of the same type; references are left as they are. */
    static Temp box(Translation t, RuntimeType type, Temp value) {
        if (!type.isValueType()) {
            return value;
        }
        if (isNullable(type)) {
            // III.4.1: a Nullable<T> boxes to null or to a boxed T.
            Temp hasValue = t.b.getField(type.field("hasValue").cell(), value);
            Temp boxed = box(t, type.typeArguments().get(0), Values.loaded(t,
                    t.b.getField(type.field("value").cell(), value), type.typeArguments().get(0)));
            return t.b.select(hasValue, boxed, t.b.constantRef(null));
        }
        if (type.isObjectStruct()) {
            return t.op("copy", value);
        }
        Temp boxed = t.b.newObject(type.managedType());
        t.b.putField(boxCell(type), boxed, Values.stored(t, value, type));
        return boxed;
    }

    /** III.4.33: the value inside a box, after checking the box's type. */
    static Temp unboxAny(Translation t, RuntimeType type, Temp value) {
        if (isNullable(type)) {
            return t.op("unboxNullable", value, t.b.constantRef(type));
        }
        Temp object = t.op("castClass", value, t.b.constantRef(type));
        if (!type.isValueType()) {
            return object;
        }
        t.op("checkNull", object);
        if (type.isObjectStruct()) {
            return t.op("copy", object);
        }
        return t.b.getField(boxCell(type), object);
    }

    /** III.4.32: a pointer to the value inside a box. */
    static Temp unbox(Translation t, RuntimeType type, Temp value) {
        Temp object = t.op("checkNull", t.op("castClass", value, t.b.constantRef(type)));
        return type.isObjectStruct() ? object : t.op("fieldPointer", object, t.b.i32(0));
    }

    private static boolean isNullable(RuntimeType type) {
        return type.definition() != null && type.assembly() == type.system().corlib()
                && type.namespace().equals("System") && type.definition().name().equals("Nullable`1");
    }

    private static FieldRef boxCell(RuntimeType type) {
        return type.instanceFields().get(0).cell();
    }
}
