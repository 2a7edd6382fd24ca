package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.model.RuntimeType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The members of {@code System.Object}, {@code System.ValueType}, {@code System.Type} and
 * {@code System.Exception} that mono implements in the runtime or through reflection.
 */
public final class ObjectIntrinsics {
    private ObjectIntrinsics() {
    }

    @Intrinsic({"System.Object::ToString()", "System.ValueType::ToString()"})
    public static Object objectToString(ExecutionContext ctx, Object self) {
        return Text.rt(ctx).typeOf(self).name();
    }

    @Intrinsic({"System.Object::GetHashCode()", "System.Object::InternalGetHashCode(object)"})
    public static int objectHashCode(Object self) {
        return System.identityHashCode(self);
    }

    @Intrinsic("System.Object::Equals(object)")
    public static int objectEquals(Object self, Object other) {
        return self == other ? 1 : 0;
    }

    /** Object.MemberwiseClone: a new object of the same type with the same cells (a shallow copy). */
    @Intrinsic("System.Object::MemberwiseClone()")
    public static Object memberwiseClone(Object self) {
        return switch (self) {
            case ManagedObject o -> {
                ManagedObject copy = new ManagedObject(o.type());
                System.arraycopy(o.primitives, 0, copy.primitives, 0, o.primitives.length);
                System.arraycopy(o.references, 0, copy.references, 0, o.references.length);
                yield copy;
            }
            case StringBuilder b -> new StringBuilder(b);
            default -> self; // a string: immutable, so itself is its copy
        };
    }

    @Intrinsic("System.Object::GetType()")
    public static Object getType(ExecutionContext ctx, Object self) {
        return Text.rt(ctx).typeOf(self);
    }

    /** ValueType.Equals (mono compares the fields): same type and equal cells. */
    @Intrinsic("System.ValueType::Equals(object)")
    public static int valueEquals(Object self, Object other) {
        if (!(self instanceof ManagedObject a) || !(other instanceof ManagedObject b) || a.type() != b.type()) {
            return 0;
        }
        return Arrays.equals(a.primitives, b.primitives) && Arrays.equals(a.references, b.references) ? 1 : 0;
    }

    @Intrinsic("System.ValueType::GetHashCode()")
    public static int valueHashCode(Object self) {
        ManagedObject o = (ManagedObject) self;
        return Arrays.hashCode(o.primitives) * 31 + Objects.hash(o.references);
    }

    @Intrinsic({"System.RuntimeType::ToString()", "System.RuntimeType::get_FullName()"})
    public static Object typeName(Object self) {
        return ((RuntimeType) self).name();
    }

    @Intrinsic({"System.Reflection.MemberInfo::get_Name()", "System.RuntimeType::get_Name()"})
    public static Object typeSimpleName(Object self) {
        return ((RuntimeType) self).simpleName();
    }

    /** Exception.Message: the message given, else mono's default naming the type. */
    @Intrinsic("System.Exception::get_Message()")
    public static Object exceptionMessage(ExecutionContext ctx, Object self) {
        Object message = field(ctx, self, "_message");
        return message != null ? message
                : "Exception of type '" + Text.rt(ctx).typeOf(self).name() + "' was thrown.";
    }

    /** Exception.ToString without a stack trace: {@code Type: Message}. */
    @Intrinsic("System.Exception::ToString()")
    public static Object exceptionText(ExecutionContext ctx, Object self) {
        var rt = Text.rt(ctx);
        var getMessage = rt.types().corlibType("System", "Exception").method("get_Message", 0);
        String message = (String) rt.invokeVirtual(getMessage, self);
        String name = rt.typeOf(self).name();
        return message == null || message.isEmpty() ? name : name + ": " + message;
    }

    private static Object field(ExecutionContext ctx, Object self, String name) {
        var f = Text.rt(ctx).types().corlibType("System", "Exception").field(name);
        return ((ManagedObject) self).references[f.cell().index()];
    }

    @Intrinsic("System.RuntimeTypeHandle::type_is_assignable_from(System.Type,System.Type)")
    public static int typeIsAssignableFrom(Object type, Object from) {
        return ((RuntimeType) type).isAssignableFrom((RuntimeType) from) ? 1 : 0;
    }

    /** Instantiates the open generic {@code type} over {@code argument} and runs its default constructor. */
    @Intrinsic("System.RuntimeType::CreateInstanceForAnotherGenericParameter(System.Type,System.RuntimeType)")
    public static Object createInstance(ExecutionContext ctx, Object type, Object argument) {
        RuntimeType open = (RuntimeType) type;
        var rt = Text.rt(ctx);
        RuntimeType closed = rt.types().type(open.assembly(), open.definition().row(), List.of((RuntimeType) argument));
        ManagedObject instance = closed.newValue();
        rt.invoke(closed.method(".ctor", 0), instance);
        return instance;
    }

    /** Whether a value of T holds references the GC must see: anything but primitives, enums and pointers. */
    @Intrinsic(value = "System.Runtime.CompilerServices.RuntimeHelpers::IsReferenceOrContainsReferences()",
            instantiated = true)
    public static int containsReferences(Object method) {
        RuntimeType t = ((dev.mimic.cil.model.RuntimeMethod) method).methodArguments().get(0);
        return t.isObjectStruct() || t.stackType() == dev.mimic.backend.ir.Type.REF ? 1 : 0;
    }

    @Intrinsic("System.RuntimeTypeHandle::IsSubclassOf(System.RuntimeType,System.RuntimeType)")
    public static int isSubclassOf(Object type, Object of) {
        RuntimeType t = (RuntimeType) type;
        return t != of && ((RuntimeType) of).isAssignableFrom(t) && !((RuntimeType) of).isInterface() ? 1 : 0;
    }

    /** Enum.ToString: the name of the constant with the value (II.22.9 Constant rows), else the number. */
    @Intrinsic("System.Enum::ToString()")
    public static Object enumName(ExecutionContext ctx, Object self) {
        ManagedObject boxed = (ManagedObject) self;
        RuntimeType type = Text.rt(ctx).typeOf(boxed);
        long value = boxed.primitives[0];
        var md = type.assembly().metadata();
        for (int r = 1; r <= md.rowCount(Table.CONSTANT); r++) {
            Token parent = md.token(Table.CONSTANT, r, 1);
            if (parent.table() != Table.FIELD) {
                continue;
            }
            var field = type.assembly().field(parent.row());
            if (field.declaringType() == type.definition().row() && field.isStatic()
                    && constant(md.cell(Table.CONSTANT, r, 0), md.blob(Table.CONSTANT, r, 2)) == value) {
                return field.name();
            }
        }
        return Long.toString(value);
    }

    /** An integer constant's value as the IR holds it (II.23.1.16 element types). */
    private static long constant(int elementType, dev.mimic.cil.pe.ByteReader blob) {
        return switch (elementType) {
            case 0x02, 0x05 -> blob.u1();
            case 0x04 -> (byte) blob.u1();
            case 0x06 -> (short) blob.u2();
            case 0x03, 0x07 -> blob.u2();
            case 0x08, 0x09 -> blob.u4();
            case 0x0A, 0x0B -> blob.u8();
            default -> Long.MIN_VALUE;
        };
    }

    /** GC.SuppressFinalize and ReRegisterForFinalize: Mimic runs no finalizers, so there is nothing to change. */
    @Intrinsic({"System.GC::_SuppressFinalize(object)", "System.GC::_ReRegisterForFinalize(object)"})
    public static void finalization(Object self) {
    }

    /**
     * GC.register_ephemeron_array, by which ConditionalWeakTable (as ArrayPool.Shared uses it) asks
     * mono's collector to drop entries whose key is otherwise unreachable. Mimic's objects live on
     * the JVM heap, where the table's array holds its keys strongly: entries then stay until
     * removed, which no program can observe except through memory use.
     */
    @Intrinsic("System.GC::register_ephemeron_array(System.Runtime.CompilerServices.Ephemeron[])")
    public static void registerEphemerons(Object array) {
    }

    /**
     * The object ConditionalWeakTable marks removed entries with, fetched once by GC's static
     * constructor: a plain object no program holds, so no key is ever it.
     */
    @Intrinsic("System.GC::get_ephemeron_tombstone()")
    public static Object ephemeronTombstone(ExecutionContext ctx) {
        return Text.rt(ctx).types().corlibType("System", "Object").newValue();
    }

    @Intrinsic("System.Runtime.InteropServices.GCHandle::GetTargetHandle(object,int32,System.Runtime.InteropServices.GCHandleType)")
    public static int gcHandle(ExecutionContext ctx, Object target, int handle, int type) {
        return Text.rt(ctx).handles().set(target, handle, type);
    }

    @Intrinsic("System.Runtime.InteropServices.GCHandle::GetTarget(int32)")
    public static Object gcHandleTarget(ExecutionContext ctx, int handle) {
        return Text.rt(ctx).handles().target(handle);
    }

    @Intrinsic("System.Runtime.InteropServices.GCHandle::FreeHandle(int32)")
    public static void freeGcHandle(ExecutionContext ctx, int handle) {
        Text.rt(ctx).handles().free(handle);
    }

    /** Every handle belongs to the one application domain Mimic runs. */
    @Intrinsic("System.Runtime.InteropServices.GCHandle::CheckCurrentDomain(int32)")
    public static int gcHandleInDomain(int handle) {
        return 1;
    }
}
