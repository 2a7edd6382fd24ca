package dev.mimic.cil.translate;

import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.specs.model.Value;

/**
 * Reads and writes through managed pointers ({@code ldind}, {@code stind}, {@code ldobj},
 * {@code stobj}, {@code initobj}): a struct's pointer is its object, copied on read and overwritten
 * in place on write; other pointers are {@code ManagedPointer}s reached through runtime calls.
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

    static Temp load(Translation t, RuntimeType type, Temp pointer) {
        if (type.isObjectStruct()) {
            return t.op("copy", t.op("checkNull", pointer));
        }
        if (type.stackType() == Type.REF) {
            return t.op("loadIndirectRef", pointer);
        }
        Temp raw = t.op("loadIndirect", pointer);
        Temp value = switch (type.stackType()) {
            case I32 -> t.b.convert(raw, Type.I32);
            case F64 -> t.b.bitcast(raw);
            default -> raw;
        };
        return Values.stored(t, value, type);
    }

    static void store(Translation t, RuntimeType type, Temp pointer, Temp value) {
        if (type.isObjectStruct()) {
            t.op("assignStruct", pointer, value);
        } else if (type.stackType() == Type.REF) {
            t.op("storeIndirectRef", pointer, value);
        } else {
            Temp v = Values.stored(t, value, type);
            Temp raw = switch (v.type()) {
                case I32 -> t.b.convert(v, Type.I64);
                case F64 -> t.b.bitcast(v);
                default -> v;
            };
            t.op("storeIndirect", pointer, raw);
        }
    }
}
