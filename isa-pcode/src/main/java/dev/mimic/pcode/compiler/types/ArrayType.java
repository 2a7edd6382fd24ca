package dev.mimic.pcode.compiler.types;

/**
 * An array type with one index (ISO 7185 6.4.3.2); {@code array[a, b] of t} is an array of
 * arrays. Elements are laid out unpadded, packed or not, as in P5.
 */
public final class ArrayType extends PascalType {
    private final OrdinalType index;
    private final PascalType element;
    private final boolean packed;

    public ArrayType(OrdinalType index, PascalType element, boolean packed) {
        this.index = index;
        this.element = element;
        this.packed = packed;
    }

    /** The type of a string constant of {@code length} characters (6.4.3.2: packed, 1..n). */
    public static ArrayType string(int length) {
        return new ArrayType(new SubrangeType(IntegerType.INSTANCE, 1, length), CharType.INSTANCE, true);
    }

    public OrdinalType index() {
        return index;
    }

    public PascalType element() {
        return element;
    }

    /** Number of elements. */
    public long length() {
        return index.max() - index.min() + 1;
    }

    /**
     * Whether this is a string type (6.4.3.2): packed, of char, indexed 1..n with n > 1.
     */
    public boolean isString() {
        return packed && element instanceof CharType && index.host() instanceof IntegerType
                && index.min() == 1 && index.max() > 1;
    }

    @Override
    public boolean isPacked() {
        return packed;
    }

    @Override
    public int size() {
        return (int) (element.size() * length());
    }

    @Override
    public int alignment() {
        return element.alignment();
    }

    @Override
    public String describe() {
        return (packed ? "packed " : "") + "array[" + index.describe() + "] of " + element.describe();
    }
}
