package dev.mimic.pcode.compiler.types;

/** The type rules of ISO 7185 6.4.5-6.4.6, as P5's pcom applies them (comptypes, stringt). */
public final class Types {
    private Types() {
    }

    /** The type with subranges removed: what an operand has once loaded (pcom: basetype). */
    public static PascalType base(PascalType type) {
        return type instanceof SubrangeType s ? s.host() : type;
    }

    /** Whether the type is integer or a subrange of it (pcom: intt). */
    public static boolean isInteger(PascalType type) {
        return base(type) instanceof IntegerType;
    }

    public static boolean isReal(PascalType type) {
        return type instanceof RealType;
    }

    public static boolean isBoolean(PascalType type) {
        return base(type) instanceof BooleanType;
    }

    public static boolean isChar(PascalType type) {
        return base(type) instanceof CharType;
    }

    public static boolean isError(PascalType type) {
        return type instanceof ErrorType;
    }

    /** Whether the type is an array of char usable as a string (6.4.3.2). */
    public static boolean isString(PascalType type) {
        return type instanceof ArrayType a && a.isString();
    }

    /**
     * Compatibility of ISO 7185 6.4.5: identical after removing subranges; strings of equal
     * length; sets of compatible bases and the same packing (a set constructor matches either);
     * nil with any pointer. An erroneous type is compatible with everything.
     */
    public static boolean compatible(PascalType a, PascalType b) {
        PascalType x = base(a);
        PascalType y = base(b);
        if (x == y || isError(x) || isError(y)) {
            return true;
        }
        if (x instanceof SetType s && y instanceof SetType t) {
            return s.base() == null || t.base() == null
                    || compatible(s.base(), t.base())
                    && (s.isPacked() == t.isPacked() || s.isConstructed() || t.isConstructed());
        }
        if (x instanceof ArrayType && y instanceof ArrayType) {
            return isString(x) && isString(y) && x.size() == y.size();
        }
        if (x instanceof PointerType p && y instanceof PointerType q) {
            return p.domainName() == null || q.domainName() == null;
        }
        return false;
    }

    /**
     * Assignment compatibility of 6.4.6 apart from the value checks, which the compiler emits
     * as range checks: compatible types, or an integer value for a real variable.
     */
    public static boolean assignable(PascalType target, PascalType value) {
        return compatible(target, value) || isReal(target) && isInteger(value);
    }

    /** Whether the type is a file or has a file component (6.4.3.5: such values cannot move). */
    public static boolean containsFile(PascalType type) {
        return switch (type) {
            case FileType f -> true;
            case ArrayType a -> containsFile(a.element());
            case RecordType r -> r.fields().stream().anyMatch(f -> containsFile(f.type()));
            default -> false;
        };
    }
}
