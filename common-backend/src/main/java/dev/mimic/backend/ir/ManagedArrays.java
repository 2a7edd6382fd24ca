package dev.mimic.backend.ir;

import dev.mimic.backend.exec.GuestFault;

/**
 * The semantics of the managed array ops ({@link Op#NEWARRAY}, {@link Op#ALOAD}, {@link Op#ASTORE},
 * {@link Op#ALENGTH}) over plain JVM arrays, with null, bounds and size errors raised as guest
 * faults. Primitive elements travel as 64-bit cells (I32 sign-extended, F64 as raw bits).
 */
public final class ManagedArrays {
    private ManagedArrays() {
    }

    public static Object create(ArrayKind kind, int length) {
        if (length < 0) {
            throw new GuestFault(GuestFault.Kind.NEGATIVE_ARRAY_SIZE, 0, length, "negative array size " + length);
        }
        return switch (kind) {
            case I8 -> new byte[length];
            case I16 -> new short[length];
            case U16 -> new char[length];
            case I32 -> new int[length];
            case I64 -> new long[length];
            case F64 -> new double[length];
            case REF -> new Object[length];
        };
    }

    public static long load(ArrayKind kind, Object array, int index) {
        checkIndex(array, index);
        return switch (kind) {
            case I8 -> ((byte[]) array)[index];
            case I16 -> ((short[]) array)[index];
            case U16 -> ((char[]) array)[index];
            case I32 -> ((int[]) array)[index];
            case I64 -> ((long[]) array)[index];
            case F64 -> Double.doubleToRawLongBits(((double[]) array)[index]);
            case REF -> throw new IllegalArgumentException("use loadRef for reference arrays");
        };
    }

    public static Object loadRef(Object array, int index) {
        checkIndex(array, index);
        return ((Object[]) array)[index];
    }

    public static void store(ArrayKind kind, Object array, int index, long value) {
        checkIndex(array, index);
        switch (kind) {
            case I8 -> ((byte[]) array)[index] = (byte) value;
            case I16 -> ((short[]) array)[index] = (short) value;
            case U16 -> ((char[]) array)[index] = (char) value;
            case I32 -> ((int[]) array)[index] = (int) value;
            case I64 -> ((long[]) array)[index] = value;
            case F64 -> ((double[]) array)[index] = Double.longBitsToDouble(value);
            case REF -> throw new IllegalArgumentException("use storeRef for reference arrays");
        }
    }

    public static void storeRef(Object array, int index, Object value) {
        checkIndex(array, index);
        ((Object[]) array)[index] = value;
    }

    public static int length(Object array) {
        if (array == null) {
            throw nullArray();
        }
        return java.lang.reflect.Array.getLength(array);
    }

    /**
     * Returns {@code index} if it is inside {@code array}; a null array or an index outside it
     * faults. Public so compiled code raises the identical faults before its own array access.
     */
    public static int checkIndex(Object array, int index) {
        int length = length(array);
        if (index < 0 || index >= length) {
            throw new GuestFault(GuestFault.Kind.ARRAY_INDEX, index, length,
                    "array index " + index + " outside length " + length);
        }
        return index;
    }

    /** The fault for a null array; public so compiled code raises the identical fault. */
    public static GuestFault nullArray() {
        return new GuestFault(GuestFault.Kind.NULL_REFERENCE, 0, 0, "null array reference");
    }
}
