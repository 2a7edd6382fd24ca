package dev.mimic.cil.translate;

import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.signature.TypeSig;
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

    /** The IR type of a value of signature type {@code sig}. */
    static Type ir(Translation t, TypeSig sig) {
        return switch (sig) {
            case TypeSig.Primitive p -> switch (p) {
                case BOOLEAN, CHAR, I1, U1, I2, U2, I4, U4 -> Type.I32;
                case I8, U8, I, U -> Type.I64;
                case R4, R8 -> Type.F64;
                case STRING, OBJECT -> Type.REF;
                case VOID, TYPED_BYREF -> throw t.unsupported("values of type " + p);
            };
            case TypeSig.Named n when !n.valueType() -> Type.REF;
            case TypeSig.SzArray a -> Type.REF;
            case TypeSig.MdArray a -> Type.REF;
            case TypeSig.GenericInst g when !g.valueType() -> Type.REF;
            case TypeSig.Modified m -> ir(t, m.type());
            default -> throw t.unsupported("values of type " + sig.render(Object::toString));
        };
    }

    /** The type two operands of a binary op share: int32 and native int meet at native int. */
    static Type common(Translation t, Temp a, Temp b) {
        if (a.type() == b.type()) {
            return a.type();
        }
        if (a.type().isInteger() && b.type().isInteger()) {
            return Type.I64;
        }
        throw t.invalid("operands of types %s and %s".formatted(a.type(), b.type()));
    }

    /** Converts between I32 and I64 as the CLI does implicitly; anything else must already match. */
    static Temp coerce(Translation t, Temp v, Type to) {
        if (v.type() == to) {
            return v;
        }
        if (v.type().isInteger() && to.isInteger()) {
            return t.b.convert(v, to);
        }
        throw t.invalid("a %s where a %s is expected".formatted(v.type(), to));
    }

    /** The value stored into a location of type {@code sig}: small integers truncated (III.1.6). */
    static Temp store(Translation t, Temp v, TypeSig sig) {
        Temp value = coerce(t, v, ir(t, sig));
        return sig instanceof TypeSig.Primitive p ? narrow(t, value, p.name().toLowerCase(java.util.Locale.ROOT)) : value;
    }

    /**
     * The element name ({@code i1}, {@code u2}, {@code ref}...) of an {@code ldelem}/{@code stelem}: the
     * {@code type} key of cil.isa, or for the token forms the primitive the token names.
     */
    static String elementName(Translation t, CilInstruction insn) {
        var type = insn.opcode().spec().entry("type");
        return type.isEmpty() ? elementName(t, insn.token()) : ((Value.Name) type.get(0)).name();
    }

    /** The array kind of the element type {@code type} names (III.4.20: newarr's token). */
    static ArrayKind elementKind(Translation t, Token type) {
        return elementKind(t, elementName(t, type));
    }

    /**
     * Arrays are JVM arrays chosen by element size, so that the signed and unsigned forms the CLI
     * lets share an array (III.1.8.1.2.2) share the JVM array too; unsigned loads zero-extend.
     */
    static ArrayKind elementKind(Translation t, String name) {
        return switch (name) {
            case "i1", "u1" -> ArrayKind.I8;
            case "i2", "u2" -> ArrayKind.I16;
            case "i4", "u4" -> ArrayKind.I32;
            case "i8", "u8", "i", "u" -> ArrayKind.I64;
            case "r8" -> ArrayKind.F64;
            case "ref" -> ArrayKind.REF;
            default -> throw t.unsupported("arrays of " + name);
        };
    }

    /** The element name of a type token: System primitives by name, and reference types. */
    private static String elementName(Translation t, Token type) {
        var md = t.assembly.metadata();
        return switch (type.table()) {
            case TYPE_REF, TYPE_DEF -> {
                String ns = md.string(type.table(), type.row(), 2);
                String name = md.string(type.table(), type.row(), 1);
                String primitive = ns.equals("System") ? PRIMITIVES.get(name) : null;
                if (primitive != null) {
                    yield primitive;
                }
                if (type.table() == Table.TYPE_DEF ? isClass(t, type.row())
                        : ns.equals("System") && (name.equals("String") || name.equals("Object"))) {
                    yield "ref";
                }
                throw t.unsupported("arrays of %s.%s before the class library is loaded".formatted(ns, name));
            }
            case TYPE_SPEC -> switch (t.assembly.typeSpec(type.row())) {
                case TypeSig.SzArray a -> "ref";
                case TypeSig.MdArray a -> "ref";
                case TypeSig.GenericInst g when !g.valueType() -> "ref";
                default -> throw t.unsupported("arrays of " + t.assembly.typeSpec(type.row()).render(Object::toString));
            };
            default -> throw t.invalid(type + " is not a type");
        };
    }

    /** A TypeDef is a reference type unless it derives from System.ValueType or System.Enum (II.13). */
    private static boolean isClass(Translation t, int row) {
        Token base = t.assembly.type(row).baseType();
        if (base == null || base.table() == Table.TYPE_SPEC) {
            return true; // System.Object, interfaces, and classes deriving from generic instantiations
        }
        var md = t.assembly.metadata();
        String ns = md.string(base.table(), base.row(), 2);
        String name = md.string(base.table(), base.row(), 1);
        return !(ns.equals("System") && (name.equals("ValueType") || name.equals("Enum")));
    }

    /** The {@code conv.*} conversions (III.3.27) to the cil.isa {@code type} name {@code to}. */
    static Temp convert(Translation t, Temp v, String to) {
        return switch (to) {
            case "i1", "u1", "i2", "u2", "i4", "u4" -> narrow(t, toInteger(t, v, Type.I32), to);
            case "i8", "i" -> toInteger(t, v, Type.I64);
            case "u8", "u" -> v.type() == Type.I32 ? t.b.convertUnsigned(v) : toInteger(t, v, Type.I64);
            case "r8" -> v.type() == Type.F64 ? v : t.b.convert(v, Type.F64);
            case "r.un" -> {
                if (v.type() != Type.I32) {
                    throw t.unsupported("conv.r.un of a " + v.type());
                }
                yield t.b.convert(t.b.convertUnsigned(v), Type.F64);
            }
            default -> throw t.unsupported("conv to " + to);
        };
    }

    private static Temp toInteger(Translation t, Temp v, Type to) {
        if (v.type() == Type.REF) {
            throw t.invalid("conversion of a reference");
        }
        return v.type() == to ? v : t.b.convert(v, to);
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
