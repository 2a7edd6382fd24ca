package dev.mimic.pcode.compiler.types;

/**
 * A Pascal type as the compiler lays it out on the P5 machine (ISO 7185 6.4). Types are
 * compared by identity, as ISO requires: two type denoters that spell the same structure are
 * still different types, and a type identifier only renames.
 */
public abstract sealed class PascalType
        permits OrdinalType, RealType, SetType, ArrayType, RecordType, PointerType, FileType, ErrorType {

    /** Bytes the type takes in memory. */
    public abstract int size();

    /** Alignment of a variable of this type (pcom: alignquot). */
    public abstract int alignment();

    /** Whether the type was declared {@code packed} (6.4.3.1). */
    public boolean isPacked() {
        return false;
    }

    /** The type as a user reads it in a message. */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }
}
