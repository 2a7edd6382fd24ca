package dev.mimic.backend.ir;

/**
 * The value types of IR temporaries and state slots.
 *
 * <p>Integers are two's complement; {@code I32} values are kept sign-extended when stored in a 64-bit
 * cell. {@code F64} is an IEEE double (machines needing other float formats use helpers). {@code REF}
 * holds managed values (guest objects, arrays, strings, boxed host objects) so managed guests map
 * onto JVM objects and the host's garbage collector.
 */
public enum Type {
    I32, I64, F64, REF;

    /** True for the two integer types. */
    public boolean isInteger() {
        return this == I32 || this == I64;
    }
}
