package dev.mimic.cil.translate;

import dev.mimic.backend.ir.Temp;
import dev.mimic.cil.model.RuntimeType;

/**
 * How values of a CLI type move between the stack and storage: zero values (II.10.1.5), the copy
 * a struct load makes (value types never alias), and the narrowing a store into a small integer
 * or float32 location makes (III.1.6).
 */
final class Values {
    private Values() {
    }

    static Temp zero(Translation t, RuntimeType type) {
        return switch (type.stackType()) {
            case I32 -> t.b.i32(0);
            case I64 -> t.b.i64(0);
            case F64 -> t.b.f64(0);
            case REF -> type.isObjectStruct() ? t.op("allocate", t.b.constantRef(type)) : t.b.constantRef(null);
        };
    }

    /** The value pushed when a location of {@code type} is read: structs are copied. */
    static Temp loaded(Translation t, Temp value, RuntimeType type) {
        return type.isObjectStruct() ? t.op("copy", value) : value;
    }

    /** The value written to a location of {@code type}: converted to its IR type and narrowed. */
    static Temp stored(Translation t, Temp value, RuntimeType type) {
        Temp v = Types.coerce(t, value, type.stackType());
        if (type.definition() == null || !type.namespace().equals("System") || type.assembly() != t.types.corlib()) {
            return type.kind() == RuntimeType.Kind.ENUM ? stored(t, v, type.underlying()) : v;
        }
        return switch (type.simpleName()) {
            case "SByte" -> t.b.signExtend(v, 8);
            case "Byte", "Boolean" -> t.b.zeroExtend(v, 8);
            case "Int16" -> t.b.signExtend(v, 16);
            case "UInt16", "Char" -> t.b.zeroExtend(v, 16);
            case "Single" -> t.b.helper(dev.mimic.backend.ir.Helper.of(dev.mimic.cil.runtime.ManagedOps.class,
                    "toSingle"), v);
            default -> v;
        };
    }

}
