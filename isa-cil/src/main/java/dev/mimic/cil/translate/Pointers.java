package dev.mimic.cil.translate;

import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.model.NativeLayout;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.runtime.NativeMemory;
import dev.mimic.specs.model.Value;

/**
 * Reads and writes through pointers ({@code ldind}, {@code stind}, {@code ldobj}, {@code stobj},
 * {@code initobj}). A managed pointer to a struct is its object, copied on read and overwritten in
 * place on write; other managed pointers are {@code ManagedPointer}s reached through runtime calls.
 * An unmanaged pointer is a native int (I64), an address in the runtime's {@code NativeMemory}.
 */
final class Pointers {
    private Pointers() {
    }

    /** The type an {@code ldind.<t>}/{@code stind.<t>} works on, from cil.isa's {@code type} key. */
    static RuntimeType typeOf(Translation t, CilInstruction i) {
        String name = ((Value.Name) i.opcode().spec().entry("type").get(0)).name();
        String system = switch (name) {
            case "i1" -> "SByte";
            case "u1" -> "Byte";
            case "i2" -> "Int16";
            case "u2" -> "UInt16";
            case "i4" -> "Int32";
            case "u4" -> "UInt32";
            case "i8", "u8" -> "Int64";
            case "i", "u" -> "IntPtr";
            case "r4" -> "Single";
            case "r8" -> "Double";
            default -> "Object";
        };
        return t.types.corlibType("System", system);
    }

    /** A managed pointer to element {@code index} of a JVM array holding values of {@code type}. */
    static Temp element(Translation t, Temp array, Temp index, RuntimeType type) {
        return t.op("elementPointer", array, index, t.b.i32(NativeLayout.size(type)));
    }

    static Temp load(Translation t, RuntimeType type, Temp pointer) {
        if (pointer.type() != Type.REF) {
            return loadNative(t, type, Types.coerce(t, pointer, Type.I64));
        }
        if (type.isObjectStruct()) {
            return t.op("copy", t.op("checkNull", pointer));
        }
        if (type.stackType() == Type.REF) {
            return t.op("loadIndirectRef", pointer);
        }
        return fromCell(t, t.op("loadIndirect", pointer, t.b.i32(NativeMemory.code(type))), type);
    }

    static void store(Translation t, RuntimeType type, Temp pointer, Temp value) {
        if (pointer.type() != Type.REF) {
            storeNative(t, type, Types.coerce(t, pointer, Type.I64), value);
        } else if (type.isObjectStruct()) {
            t.op("assignStruct", pointer, value);
        } else if (type.stackType() == Type.REF) {
            t.op("storeIndirectRef", pointer, value);
        } else {
            t.op("storeIndirect", pointer, t.b.i32(NativeMemory.code(type)), cell(t, type, value));
        }
    }

    /** A value of {@code type} as the 64-bit cell the runtime's loads and stores pass. */
    private static Temp cell(Translation t, RuntimeType type, Temp value) {
        Temp v = Values.stored(t, value, type);
        return switch (v.type()) {
            case I32 -> t.b.convert(v, Type.I64);
            case F64 -> t.b.bitcast(v);
            default -> v;
        };
    }

    private static Temp loadNative(Translation t, RuntimeType type, Temp address) {
        if (type.isObjectStruct()) {
            return t.op("loadStructNative", address, t.b.constantRef(type));
        }
        if (type.stackType() == Type.REF) {
            throw t.unsupported("object references in unmanaged memory");
        }
        return fromCell(t, t.op("loadNative", address, t.b.i32(NativeMemory.code(type))), type);
    }

    private static void storeNative(Translation t, RuntimeType type, Temp address, Temp value) {
        if (type.isObjectStruct()) {
            t.op("storeStructNative", address, value, t.b.constantRef(type));
        } else if (type.stackType() == Type.REF) {
            throw t.unsupported("object references in unmanaged memory");
        } else {
            t.op("storeNative", address, t.b.i32(NativeMemory.code(type)), cell(t, type, value));
        }
    }

    /** The stack value of {@code type} a 64-bit cell holds. */
    private static Temp fromCell(Translation t, Temp raw, RuntimeType type) {
        Temp value = switch (type.stackType()) {
            case I32 -> t.b.convert(raw, Type.I32);
            case F64 -> t.b.bitcast(raw);
            default -> raw;
        };
        return Values.stored(t, value, type);
    }
}
