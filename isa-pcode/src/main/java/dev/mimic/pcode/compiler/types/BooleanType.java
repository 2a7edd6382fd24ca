package dev.mimic.pcode.compiler.types;

/** The required type Boolean, (false, true) in one byte (ISO 7185 6.4.2.2). */
public final class BooleanType extends OrdinalType {
    public static final BooleanType INSTANCE = new BooleanType();

    private BooleanType() {
    }

    @Override
    public long min() {
        return 0;
    }

    @Override
    public long max() {
        return 1;
    }

    @Override
    public int size() {
        return Target.BOOL_SIZE;
    }

    @Override
    public int alignment() {
        return Target.BOOL_ALIGN;
    }

    @Override
    public String describe() {
        return "Boolean";
    }
}
