package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.model.RuntimeType;

/**
 * The runtime routines CIL instructions call from IR where the CLI's rules need more than an IR op:
 * null checks that raise NullReferenceException, CLI division and checked arithmetic (III.3.31,
 * III.3.1-2), type tests on every kind of guest value, object allocation with struct fields, value
 * copies and type initialisation. Each is a static method so compiled code calls it directly.
 */
public final class ManagedOps {
    private ManagedOps() {
    }

    private static CilRuntime rt(ExecutionContext ctx) {
        return (CilRuntime) ctx.machine;
    }

    public static Object checkNull(ExecutionContext ctx, Object o) {
        if (o == null) {
            throw rt(ctx).exceptions().nullReference();
        }
        return o;
    }

    public static int checkIndex(ExecutionContext ctx, Object array, int index) {
        if (array == null) {
            throw rt(ctx).exceptions().nullReference();
        }
        if (index < 0 || index >= java.lang.reflect.Array.getLength(array)) {
            throw rt(ctx).exceptions().indexOutOfRange();
        }
        return index;
    }

    /**
     * {@code div}, {@code rem}, {@code div.un}, {@code rem.un} on int32 ({@code op} 0 to 3, III.3.31,
     * III.3.55): a zero divisor raises DivideByZeroException, and the signed forms raise
     * OverflowException for int.MinValue by -1, where Java would wrap.
     */
    public static int divide32(ExecutionContext ctx, int a, int b, int op) {
        if (b == 0) {
            throw rt(ctx).exceptions().divideByZero();
        }
        if (b == -1 && a == Integer.MIN_VALUE && op < 2) {
            throw rt(ctx).exceptions().overflow();
        }
        return switch (op) {
            case 0 -> a / b;
            case 1 -> a % b;
            case 2 -> Integer.divideUnsigned(a, b);
            default -> Integer.remainderUnsigned(a, b);
        };
    }

    /** The int64 forms of {@link #divide32}. */
    public static long divide64(ExecutionContext ctx, long a, long b, int op) {
        if (b == 0) {
            throw rt(ctx).exceptions().divideByZero();
        }
        if (b == -1 && a == Long.MIN_VALUE && op < 2) {
            throw rt(ctx).exceptions().overflow();
        }
        return switch (op) {
            case 0 -> a / b;
            case 1 -> a % b;
            case 2 -> Long.divideUnsigned(a, b);
            default -> Long.remainderUnsigned(a, b);
        };
    }

    /** {@code add.ovf}, {@code sub.ovf}, {@code mul.ovf} and their {@code .un} forms on int32 (op: 0 add, 1 sub, 2 mul; +4 unsigned). */
    public static int ovf32(ExecutionContext ctx, int a, int b, int op) {
        long x = (op & 4) != 0 ? Integer.toUnsignedLong(a) : a;
        long y = (op & 4) != 0 ? Integer.toUnsignedLong(b) : b;
        long r = switch (op & 3) {
            case 0 -> x + y;
            case 1 -> x - y;
            default -> x * y;
        };
        boolean fits = (op & 4) != 0 ? r >= 0 && r <= 0xFFFF_FFFFL : r == (int) r;
        if (!fits) {
            throw rt(ctx).exceptions().overflow();
        }
        return (int) r;
    }

    /** The int64 forms of {@link #ovf32}. */
    public static long ovf64(ExecutionContext ctx, long a, long b, int op) {
        try {
            if ((op & 4) == 0) {
                return switch (op & 3) {
                    case 0 -> Math.addExact(a, b);
                    case 1 -> Math.subtractExact(a, b);
                    default -> Math.multiplyExact(a, b);
                };
            }
            return switch (op & 3) {
                case 0 -> {
                    long r = a + b;
                    if (Long.compareUnsigned(r, a) < 0) {
                        throw new ArithmeticException();
                    }
                    yield r;
                }
                case 1 -> {
                    if (Long.compareUnsigned(a, b) < 0) {
                        throw new ArithmeticException();
                    }
                    yield a - b;
                }
                default -> {
                    if (Math.unsignedMultiplyHigh(a, b) != 0) {
                        throw new ArithmeticException();
                    }
                    yield a * b;
                }
            };
        } catch (ArithmeticException e) {
            throw rt(ctx).exceptions().overflow();
        }
    }

    /**
     * {@code conv.ovf.<to>} of an integer (III.3.19): {@code value} read signed, or unsigned when
     * {@code unsigned}; {@code to} is the target's low bound and range selector (see {@link #range}).
     */
    public static long convOvf(ExecutionContext ctx, long value, int unsigned, int to) {
        boolean fits;
        if (to == 7 || to == 9) {
            fits = unsigned != 0 || value >= 0;
        } else if (unsigned != 0 && value < 0) {
            fits = false;
        } else {
            fits = value >= range(to)[0] && value <= range(to)[1];
        }
        if (!fits) {
            throw rt(ctx).exceptions().overflow();
        }
        return value;
    }

    /** {@code conv.ovf.<to>} of a float: NaN and values outside the target's range overflow. */
    public static long convOvfFloat(ExecutionContext ctx, double value, int to) {
        double t = value < 0 ? Math.ceil(value) : Math.floor(value);
        boolean fits = !Double.isNaN(value) && switch (to) {
            case 7, 9 -> t >= 0 && t < 18446744073709551616.0;
            case 6, 8 -> t >= -9223372036854775808.0 && t < 9223372036854775808.0;
            default -> t >= range(to)[0] && t <= range(to)[1];
        };
        if (!fits) {
            throw rt(ctx).exceptions().overflow();
        }
        return to == 7 || to == 9 ? (t >= 9223372036854775808.0 ? (long) (t - 9223372036854775808.0) ^ Long.MIN_VALUE
                : (long) t) : (long) t;
    }

    /** The range of target {@code to}: 0 i1, 1 u1, 2 i2, 3 u2, 4 i4, 5 u4, 6 i8, 7 u8, 8 i, 9 u. */
    private static long[] range(int to) {
        return switch (to) {
            case 0 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case 1 -> new long[] {0, 0xFF};
            case 2 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case 3 -> new long[] {0, 0xFFFF};
            case 4 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case 5 -> new long[] {0, 0xFFFF_FFFFL};
            default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }

    /** {@code conv.r4}: rounds to single precision. */
    public static double toSingle(double value) {
        return (float) value;
    }

    /** {@code newobj} of a class whose fields include structs, or of a struct. */
    public static Object allocate(RuntimeType type) {
        return type.newValue();
    }

    /** A copy of a struct value: value types have copy semantics (II.13.1); other values are returned as they are. */
    public static Object copy(ExecutionContext ctx, Object value) {
        if (value instanceof ManagedObject o) {
            RuntimeType t = rt(ctx).typeOf(o);
            if (t.isValueType()) {
                return t.copy(o);
            }
        }
        return value;
    }

    public static int isInstance(ExecutionContext ctx, Object value, RuntimeType type) {
        return value != null && type.isAssignableFrom(rt(ctx).typeOf(value)) ? 1 : 0;
    }

    /** {@code castclass} (III.4.3): null passes, an incompatible value raises InvalidCastException. */
    public static Object castClass(ExecutionContext ctx, Object value, RuntimeType type) {
        if (value != null && !type.isAssignableFrom(rt(ctx).typeOf(value))) {
            throw rt(ctx).exceptions().invalidCast();
        }
        return value;
    }

    /** Runs the type's static constructor if it has not started (II.10.5.3). */
    public static void initialize(ExecutionContext ctx, RuntimeType type) {
        if (!type.initializationStarted()) {
            rt(ctx).initialize(type);
        }
    }

    /** A zero-based array of a struct type, each element its zero value. */
    public static Object newStructArray(ExecutionContext ctx, RuntimeType element, int length) {
        if (length < 0) {
            throw rt(ctx).exceptions().overflow();
        }
        Object[] a = new Object[length];
        for (int i = 0; i < length; i++) {
            a[i] = element.newValue();
        }
        return a;
    }

    /**
     * A pointer to an array element or an address-taken local's cell ({@code ldelema}, {@code ldloca});
     * {@code width} is the guest element's size, for when its unmanaged address is taken.
     */
    public static Object elementPointer(ExecutionContext ctx, Object array, int index, int width) {
        return new ManagedPointer.Element(array, checkIndex(ctx, array, index), width);
    }

    /** A pointer to a primitive or reference field cell ({@code ldflda}, {@code ldsflda}, {@code unbox}). */
    public static Object fieldPointer(ExecutionContext ctx, Object object, int cell) {
        if (!(checkNull(ctx, object) instanceof ManagedObject o)) {
            throw new dev.mimic.cil.translate.UnsupportedInstructionException("the fields of "
                    + rt(ctx).typeOf(object) + " cannot be addressed: Mimic backs the type with a JVM class");
        }
        return new ManagedPointer.Field(o, cell);
    }

    /**
     * Loads through a pointer; a boxed primitive stands for a pointer to its value (a virtual call's
     * {@code this}). {@code code} is the {@link NativeMemory#read} access an unmanaged pointer
     * made managed needs.
     */
    public static long loadIndirect(ExecutionContext ctx, Object pointer, int code) {
        if (pointer instanceof ManagedPointer.Native n) {
            return rt(ctx).memory().read(n.address(), code);
        }
        return ManagedPointer.primitive(checkNull(ctx, pointer));
    }

    public static Object loadIndirectRef(ExecutionContext ctx, Object pointer) {
        return ((ManagedPointer) checkNull(ctx, pointer)).loadRef();
    }

    public static void storeIndirect(ExecutionContext ctx, Object pointer, int code, long value) {
        if (pointer instanceof ManagedPointer.Native n) {
            rt(ctx).memory().write(n.address(), code, value);
        } else if (checkNull(ctx, pointer) instanceof ManagedObject boxed) {
            boxed.primitives[0] = value;
        } else {
            ((ManagedPointer) pointer).store(value);
        }
    }

    public static void storeIndirectRef(ExecutionContext ctx, Object pointer, Object value) {
        ((ManagedPointer) checkNull(ctx, pointer)).storeRef(value);
    }

    /** {@code initobj} and {@code stobj} of a struct: overwrite the target struct's cells in place. */
    public static void assignStruct(ExecutionContext ctx, Object target, Object value) {
        ManagedObject to = (ManagedObject) checkNull(ctx, target);
        ManagedObject from = value == null ? rt(ctx).typeOf(to).newValue() : (ManagedObject) copy(ctx, value);
        System.arraycopy(from.primitives, 0, to.primitives, 0, to.primitives.length);
        System.arraycopy(from.references, 0, to.references, 0, to.references.length);
    }

    /** {@code ckfinite} (III.3.20): NaN and infinities raise ArithmeticException. */
    public static double checkFinite(ExecutionContext ctx, double value) {
        if (!Double.isFinite(value)) {
            throw rt(ctx).exceptions().raise("ArithmeticException", "Overflow or underflow in the arithmetic operation.");
        }
        return value;
    }

    /** {@code unbox.any Nullable<T>} (III.4.33): null gives an empty Nullable, a boxed T one holding it. */
    public static Object unboxNullable(ExecutionContext ctx, Object value, RuntimeType nullable) {
        ManagedObject result = nullable.newValue();
        if (value == null) {
            return result;
        }
        RuntimeType inner = nullable.typeArguments().get(0);
        if (!inner.isAssignableFrom(rt(ctx).typeOf(value))) {
            throw rt(ctx).exceptions().invalidCast();
        }
        var hasValue = nullable.field("hasValue").cell();
        var field = nullable.field("value").cell();
        result.primitives[hasValue.index()] = 1;
        if (field.type() == dev.mimic.backend.ir.Type.REF) {
            result.references[field.index()] = copy(ctx, value);
        } else {
            result.primitives[field.index()] = ((ManagedObject) value).primitives[0];
        }
        return result;
    }

    /** {@code ldind} through an unmanaged pointer ({@link NativeMemory#read} says what {@code code} is). */
    public static long loadNative(ExecutionContext ctx, long address, int code) {
        return rt(ctx).memory().read(address, code);
    }

    public static void storeNative(ExecutionContext ctx, long address, int code, long value) {
        rt(ctx).memory().write(address, code, value);
    }

    public static Object loadStructNative(ExecutionContext ctx, long address, RuntimeType type) {
        return rt(ctx).memory().readStruct(address, type);
    }

    public static void storeStructNative(ExecutionContext ctx, long address, Object value, RuntimeType type) {
        rt(ctx).memory().writeStruct(address, type, (ManagedObject) value);
    }

    /** A managed pointer or pinnable reference used as an unmanaged pointer (III.1.1.5.2, {@code conv.u}). */
    public static long addressOf(ExecutionContext ctx, Object pointer) {
        return rt(ctx).memory().addressOf(pointer);
    }

    /** An unmanaged pointer used as a managed one: null for zero. */
    public static Object pointerAt(ExecutionContext ctx, long address) {
        return address == 0 ? null : new ManagedPointer.Native(rt(ctx).memory(), address);
    }

    /** A pinned local changes from {@code old} to {@code now} (II.7.1.2): pin the new object before letting the old go. */
    public static void repin(ExecutionContext ctx, long old, long now) {
        rt(ctx).memory().hold(now);
        rt(ctx).memory().release(old);
    }

    /** III.3.47 {@code localloc}; the size is a native unsigned int. */
    public static long localloc(ExecutionContext ctx, long size) {
        return rt(ctx).memory().allocateLocal(size);
    }

    public static int localMark(ExecutionContext ctx) {
        return rt(ctx).memory().localMark();
    }

    public static void localRelease(ExecutionContext ctx, int mark) {
        rt(ctx).memory().releaseLocal(mark);
    }

    /** III.3.30 {@code cpblk}. */
    public static void copyBlock(ExecutionContext ctx, long target, long source, int size) {
        rt(ctx).memory().copy(target, source, Integer.toUnsignedLong(size));
    }

    /** III.3.36 {@code initblk}. */
    public static void initBlock(ExecutionContext ctx, long address, int value, int size) {
        rt(ctx).memory().fill(address, value, Integer.toUnsignedLong(size));
    }

    /** {@code conv.r.un} of an int64 (III.3.27): the value read as unsigned, rounded to the nearest double. */
    public static double unsignedToDouble(long value) {
        double d = (double) (value >>> 1 | (value & 1));
        return value >= 0 ? (double) value : d * 2;
    }

    /** A {@code throw}: the exception's stack trace starts again (III.4.31; {@code rethrow} keeps it). */
    public static Object startUnwinding(ExecutionContext ctx, Object exception) {
        rt(ctx).traces().restart(exception);
        return exception;
    }

    /**
     * The exception goes on unwinding from a handler of the activation it last passed (a finally
     * ran, no catch matched): that activation is in its trace already.
     */
    public static Object resumeUnwinding(ExecutionContext ctx, Object exception) {
        rt(ctx).traces().resume(exception);
        return exception;
    }

    /** III.4.19 {@code mkrefany}: a typed reference to the location, of {@code type}. */
    public static Object makeTypedReference(ExecutionContext ctx, Object pointer, RuntimeType type) {
        RuntimeType typedReference = rt(ctx).types().corlibType("System", "TypedReference");
        ManagedObject r = typedReference.newValue();
        r.references[typedReference.typedReferenceCell()] = pointer;
        r.references[typedReference.typedReferenceCell() + 1] = type;
        return r;
    }

    /** III.4.23 {@code refanyval}: the location, if the reference's type is {@code type}; else InvalidCastException. */
    public static Object typedReferenceValue(ExecutionContext ctx, Object reference, RuntimeType type) {
        ManagedObject r = (ManagedObject) reference;
        int cell = rt(ctx).typeOf(r).typedReferenceCell();
        if (r.references[cell + 1] != type) {
            throw rt(ctx).exceptions().invalidCast();
        }
        return r.references[cell];
    }

    /** III.4.22 {@code refanytype}: the type's handle, which is the loaded type itself. */
    public static Object typedReferenceType(ExecutionContext ctx, Object reference) {
        ManagedObject r = (ManagedObject) reference;
        return r.references[rt(ctx).typeOf(r).typedReferenceCell() + 1];
    }

    /** The argument list handle of a vararg call: a RuntimeArgumentHandle holding the extra arguments' typed references. */
    public static Object argumentHandle(ExecutionContext ctx, Object typedReferences) {
        RuntimeType type = rt(ctx).types().corlibType("System", "RuntimeArgumentHandle");
        ManagedObject handle = type.newValue();
        handle.references[type.argumentListCell()] = typedReferences;
        return handle;
    }

    /** III.4.24 {@code rethrow}: the trace goes on, this activation now at the rethrow (mono shows it there). */
    public static Object rethrowing(ExecutionContext ctx, Object exception) {
        rt(ctx).traces().rethrow(exception);
        return exception;
    }
}
