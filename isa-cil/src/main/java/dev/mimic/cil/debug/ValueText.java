package dev.mimic.cil.debug;

import dev.mimic.backend.ir.Type;
import dev.mimic.cil.runtime.CilRuntime;

/** A guest value as the debugger shows it: numbers in decimal, strings quoted, other references by type. */
final class ValueText {
    private ValueText() {
    }

    static String of(CilRuntime runtime, Type type, long bits, Object ref) {
        return switch (type) {
            case I32 -> Integer.toString((int) bits);
            case I64 -> Long.toString(bits);
            case F64 -> Double.toString(Double.longBitsToDouble(bits));
            case REF -> ref == null ? "null" : ref instanceof String s ? quote(s) : runtime.typeOf(ref).toString();
        };
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
