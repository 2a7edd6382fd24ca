package dev.mimic.pcode.compiler.types;

/**
 * The type of an erroneous construct. It is compatible with everything, so that one mistake is
 * reported once and not again by every expression that uses it.
 */
public final class ErrorType extends PascalType {
    public static final ErrorType INSTANCE = new ErrorType();

    private ErrorType() {
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
        return "<error>";
    }
}
