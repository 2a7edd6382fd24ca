package dev.mimic.backend.ir;

/**
 * Element kinds of managed arrays, each backed by the matching JVM array so that managed guests'
 * arrays are plain host arrays (bounds checks and GC come from HotSpot).
 */
public enum ArrayKind {
    I8(byte[].class, Type.I32),
    I16(short[].class, Type.I32),
    U16(char[].class, Type.I32),
    I32(int[].class, Type.I32),
    I64(long[].class, Type.I64),
    F64(double[].class, Type.F64),
    REF(Object[].class, Type.REF);

    private final Class<?> arrayClass;
    private final Type elementType;

    ArrayKind(Class<?> arrayClass, Type elementType) {
        this.arrayClass = arrayClass;
        this.elementType = elementType;
    }

    /** The JVM array class that holds elements of this kind. */
    public Class<?> arrayClass() {
        return arrayClass;
    }

    /** The IR type of a loaded element. */
    public Type elementType() {
        return elementType;
    }
}
