package dev.mimic.cil.translate;

import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.specs.model.Value;
import java.util.Map;

/**
 * How CLI types become IR types (ECMA-335 III.1.1): the small integers widen to int32 on the
 * stack and narrow again when stored (III.1.6), native int is 64 bits, both float sizes are F.
 */
final class Types {
    /** The System primitive types by name, as the element names of cil.isa's {@code type} key. */
    private static final Map<String, String> PRIMITIVES = Map.ofEntries(Map.entry("Boolean", "u1"),
            Map.entry("SByte", "i1"), Map.entry("Byte", "u1"), Map.entry("Int16", "i2"), Map.entry("UInt16", "u2"),
            Map.entry("Char", "u2"), Map.entry("Int32", "i4"), Map.entry("UInt32", "u4"), Map.entry("Int64", "i8"),
            Map.entry("UInt64", "u8"), Map.entry("IntPtr", "i"), Map.entry("UIntPtr", "u"), Map.entry("Single", "r4"),
            Map.entry("Double", "r8"));

    private Types() {
    }

    /** The element name of cil.isa's {@code type} key an array of {@code element} uses. */
    static String elementName(RuntimeType element) {
        if (element.stackType() == Type.REF) {
            return "ref";
        }
        RuntimeType u = element.underlying();
        return PRIMITIVES.get(u.simpleName());
    }

    /** The element name of an {@code ldelem}/{@code stelem}: the {@code type} key of cil.isa, or the token's type. */
    static String elementName(Translation t, CilInstruction insn) {
        var type = insn.opcode().spec().entry("type");
        return type.isEmpty() ? elementName(t.type(insn.token())) : ((Value.Name) type.get(0)).name();
    }

    /**
     * The type two operands of a binary op share: int32 and native int meet at native int, and so
     * does a managed pointer with an integer (III.1.5 table 2: {@code &} plus an int is an address,
     * computed on the unmanaged address of what it points to).
     */
    static Type common(Translation t, Temp a, Temp b) {
        if (a.type() == b.type()) {
            return a.type();
        }
        if ((a.type().isInteger() || a.type() == Type.REF) && (b.type().isInteger() || b.type() == Type.REF)) {
            return Type.I64;
        }
        throw t.invalid("operands of types %s and %s".formatted(a.type(), b.type()));
    }

    /**
     * Converts between I32 and I64 as the CLI does implicitly, and between managed and unmanaged
     * pointers (III.1.1.5.2: a managed pointer where a native int is expected stands for the
     * address of what it points to, which pins it; a native int where a managed pointer is
     * expected points to that address); anything else must already match.
     */
    static Temp coerce(Translation t, Temp v, Type to) {
        if (v.type() == to) {
            return v;
        }
        if (v.type().isInteger() && to.isInteger()) {
            return t.b.convert(v, to);
        }
        if (v.type() == Type.REF && to == Type.I64) {
            return t.op("addressOf", v);
        }
        if (v.type().isInteger() && to == Type.REF) {
            return t.op("pointerAt", coerce(t, v, Type.I64));
        }
        throw t.invalid("a %s where a %s is expected".formatted(v.type(), to));
    }

    /**
     * Arrays are JVM arrays chosen by element size, so that the signed and unsigned forms the CLI
     * lets share an array (III.1.8.1.2.2) share the JVM array too; unsigned loads zero-extend.
     */
    static ArrayKind elementKind(Translation t, String name) {
        if (name == null) {
            throw t.unsupported("arrays of this element type");
        }
        return switch (name) {
            case "i1", "u1" -> ArrayKind.I8;
            case "i2", "u2" -> ArrayKind.I16;
            case "i4", "u4" -> ArrayKind.I32;
            case "i8", "u8", "i", "u" -> ArrayKind.I64;
            case "r4", "r8" -> ArrayKind.F64;
            case "ref" -> ArrayKind.REF;
            default -> throw t.unsupported("arrays of " + name);
        };
    }

    /** The {@code conv.*} conversions (III.3.27) to the cil.isa {@code type} name {@code to}. */
    static Temp convert(Translation t, Temp v, String to) {
        return switch (to) {
            case "i1", "u1", "i2", "u2", "i4", "u4" -> narrow(t, toInteger(t, v, Type.I32), to);
            case "i8", "i" -> toInteger(t, v, Type.I64);
            case "u8", "u" -> v.type() == Type.I32 ? t.b.convertUnsigned(v) : toInteger(t, v, Type.I64);
            case "r8" -> v.type() == Type.F64 ? v : t.b.convert(v, Type.F64);
            case "r4" -> t.op("toSingle", v.type() == Type.F64 ? v : t.b.convert(toInteger(t, v, v.type() == Type.REF
                    ? Type.I64 : v.type()), Type.F64));
            case "r.un" -> switch (v.type()) {
                case I32 -> t.b.convert(t.b.convertUnsigned(v), Type.F64);
                case I64 -> t.op("unsignedToDouble", v);
                default -> throw t.invalid("conv.r.un of a " + v.type());
            };
            default -> throw t.unsupported("conv to " + to);
        };
    }

    /** A pointer converts to its unmanaged address ({@code conv.u} after {@code fixed}, III.1.1.5.2). */
    private static Temp toInteger(Translation t, Temp v, Type to) {
        Temp integer = v.type() == Type.REF ? t.op("addressOf", v) : v;
        return integer.type() == to ? integer : t.b.convert(integer, to);
    }

    /** Keeps the low bits of an int32 for the small types, sign- or zero-extending them. */
    private static Temp narrow(Translation t, Temp v, String type) {
        return switch (type) {
            case "i1" -> t.b.signExtend(v, 8);
            case "u1", "boolean" -> t.b.zeroExtend(v, 8);
            case "i2" -> t.b.signExtend(v, 16);
            case "u2", "char" -> t.b.zeroExtend(v, 16);
            default -> v;
        };
    }
}
