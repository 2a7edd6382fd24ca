package dev.mimic.cil.translate;

import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.Temp;
import dev.mimic.cil.model.RuntimeType;

/**
 * Storage for arguments and locals whose address is taken ({@code ldarga}, {@code ldloca}): a
 * one-element JVM array, so that a managed pointer to it ({@code ManagedPointer.Element}) and the
 * method itself see the same location.
 */
final class Cells {
    private Cells() {
    }

    static ArrayKind kind(RuntimeType type) {
        return switch (type.stackType()) {
            case I32 -> ArrayKind.I32;
            case I64 -> ArrayKind.I64;
            case F64 -> ArrayKind.F64;
            case REF -> ArrayKind.REF;
        };
    }

    /** A new cell holding the zero value of {@code type}. */
    static Temp create(Translation t, RuntimeType type) {
        Temp cell = t.b.newArray(kind(type), t.b.i32(1));
        if (type.isObjectStruct()) {
            store(t, cell, type, Values.zero(t, type));
        }
        return cell;
    }

    static Temp load(Translation t, Temp cell, RuntimeType type) {
        return t.b.arrayLoad(kind(type), cell, t.b.i32(0));
    }

    static void store(Translation t, Temp cell, RuntimeType type, Temp value) {
        t.b.arrayStore(kind(type), cell, t.b.i32(0), value);
    }
}
