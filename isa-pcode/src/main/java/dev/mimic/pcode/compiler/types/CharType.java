package dev.mimic.pcode.compiler.types;

/** The required type char: ISO 8859-1 in one byte, as P5 defines it. */
public final class CharType extends OrdinalType {
    public static final CharType INSTANCE = new CharType();

    private CharType() {
    }

    @Override
    public long min() {
        return 0;
    }

    @Override
    public long max() {
        return Target.MAX_CHAR;
    }

    @Override
    public int size() {
        return Target.CHAR_SIZE;
    }

    @Override
    public int alignment() {
        return Target.CHAR_ALIGN;
    }

    @Override
    public String describe() {
        return "char";
    }
}
