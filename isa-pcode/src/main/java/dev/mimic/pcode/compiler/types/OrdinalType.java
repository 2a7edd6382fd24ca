package dev.mimic.pcode.compiler.types;

/**
 * The ordinal types of ISO 7185 6.4.2: integer, char, boolean, enumerations and subranges of
 * them. Each has bounds; the p-machine holds a value of any of them as an integer on its stack.
 */
public abstract sealed class OrdinalType extends PascalType
        permits IntegerType, CharType, BooleanType, EnumType, SubrangeType {

    /** The smallest value, as an ordinal number. */
    public abstract long min();

    /** The largest value, as an ordinal number. */
    public abstract long max();

    /** The type this one is a subrange of, or itself (6.4.2.4). */
    public OrdinalType host() {
        return this;
    }

    /** P5 stores an ordinal whose values all fit 0..255 in one byte (pcom: isbyte). */
    public boolean fitsByte() {
        return min() >= 0 && max() <= 255;
    }
}
