package dev.mimic.cil.signature;

import dev.mimic.cil.metadata.Token;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A type as signatures encode it (ECMA-335 II.23.2.12): the element-type tree before any resolution,
 * with type references left as tokens. {@link #render} writes ILAsm-like notation with the caller's names for tokens.
 */
public sealed interface TypeSig {

    /** ILAsm-like text, with each type token written by {@code names}. */
    String render(Function<Token, String> names);

    /** The built-in types with their element-type codes (II.23.1.16) and ILAsm names. */
    enum Primitive implements TypeSig {
        VOID(0x01, "void"), BOOLEAN(0x02, "bool"), CHAR(0x03, "char"), I1(0x04, "int8"), U1(0x05, "uint8"),
        I2(0x06, "int16"), U2(0x07, "uint16"), I4(0x08, "int32"), U4(0x09, "uint32"), I8(0x0A, "int64"),
        U8(0x0B, "uint64"), R4(0x0C, "float32"), R8(0x0D, "float64"), STRING(0x0E, "string"),
        TYPED_BYREF(0x16, "typedref"), I(0x18, "native int"), U(0x19, "native uint"), OBJECT(0x1C, "object");

        private final int code;
        private final String ilName;

        Primitive(int code, String ilName) {
            this.code = code;
            this.ilName = ilName;
        }

        public int code() {
            return code;
        }

        static Primitive of(int code) {
            for (Primitive p : values()) {
                if (p.code == code) {
                    return p;
                }
            }
            return null;
        }

        @Override
        public String render(Function<Token, String> names) {
            return ilName;
        }

        @Override
        public String toString() {
            return ilName;
        }
    }

    /** {@code class T} or {@code valuetype T}: a TypeDef, TypeRef or TypeSpec token. */
    record Named(Token type, boolean valueType) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return (valueType ? "valuetype " : "class ") + names.apply(type);
        }
    }

    /** An unmanaged pointer {@code T*}. */
    record Pointer(TypeSig target) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return target.render(names) + "*";
        }
    }

    /** A managed pointer {@code T&}. */
    record ByRef(TypeSig target) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return target.render(names) + "&";
        }
    }

    /** A single-dimensional zero-based array {@code T[]}. */
    record SzArray(TypeSig element) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return element.render(names) + "[]";
        }
    }

    /** A general array with its shape (II.23.2.13): rank, known sizes and lower bounds. */
    record MdArray(TypeSig element, int rank, List<Integer> sizes, List<Integer> lowerBounds) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            StringBuilder s = new StringBuilder().append(element.render(names)).append('[');
            for (int i = 0; i < rank; i++) {
                if (i > 0) {
                    s.append(',');
                }
                if (i < lowerBounds.size()) {
                    s.append(lowerBounds.get(i)).append("...");
                    if (i < sizes.size()) {
                        s.append(lowerBounds.get(i) + sizes.get(i) - 1);
                    }
                }
            }
            return s.append(']').toString();
        }
    }

    /** A generic instantiation {@code T<A, B>}. */
    record GenericInst(Token type, boolean valueType, List<TypeSig> arguments) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return (valueType ? "valuetype " : "class ") + names.apply(type)
                    + arguments.stream().map(a -> a.render(names)).collect(Collectors.joining(", ", "<", ">"));
        }
    }

    /** A type parameter: {@code !n} of the enclosing type, {@code !!n} of the method. */
    record GenericParam(boolean ofMethod, int number) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return (ofMethod ? "!!" : "!") + number;
        }
    }

    /** A function pointer {@code method R *(P...)}. */
    record FunctionPointer(MethodSig method) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return "method " + method.render(names, "*");
        }
    }

    /** A type with a custom modifier ({@code modreq} when required, else {@code modopt}). */
    record Modified(TypeSig type, boolean required, Token modifier) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return type.render(names) + (required ? " modreq(" : " modopt(") + names.apply(modifier) + ")";
        }
    }

    /** A pinned local (II.23.2.6). */
    record Pinned(TypeSig type) implements TypeSig {
        @Override
        public String render(Function<Token, String> names) {
            return type.render(names) + " pinned";
        }
    }
}
