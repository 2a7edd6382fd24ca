package dev.mimic.pcode.compiler.types;

/** The required type real: an IEEE double, 4-aligned as in P5's 32-bit configuration. */
public final class RealType extends PascalType {
    public static final RealType INSTANCE = new RealType();

    private RealType() {
    }

    @Override
    public int size() {
        return Target.REAL_SIZE;
    }

    @Override
    public int alignment() {
        return Target.REAL_ALIGN;
    }

    @Override
    public String describe() {
        return "real";
    }
}
