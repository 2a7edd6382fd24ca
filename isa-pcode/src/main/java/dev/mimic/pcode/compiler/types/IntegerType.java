package dev.mimic.pcode.compiler.types;

/** The required type integer: -maxint..maxint in a 32-bit word (ISO 7185 6.4.2.2). */
public final class IntegerType extends OrdinalType {
    public static final IntegerType INSTANCE = new IntegerType();

    private IntegerType() {
    }

    @Override
    public long min() {
        return -Target.MAX_INT;
    }

    @Override
    public long max() {
        return Target.MAX_INT;
    }

    @Override
    public int size() {
        return Target.INT_SIZE;
    }

    @Override
    public int alignment() {
        return Target.INT_ALIGN;
    }

    @Override
    public String describe() {
        return "integer";
    }
}
