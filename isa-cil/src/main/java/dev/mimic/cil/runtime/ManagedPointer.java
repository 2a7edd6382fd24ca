package dev.mimic.cil.runtime;

import dev.mimic.backend.ir.ManagedObject;

/**
 * A managed pointer ({@code T&}, II.14.4.2) to a primitive or reference location: an array element,
 * a field cell, or a local or argument whose address is taken (kept in a one-element array). A
 * pointer to a struct is the struct's object itself, so it needs no class of its own.
 * Primitive values travel as 64-bit cells (doubles as raw bits), as in the IR.
 */
public abstract sealed class ManagedPointer {
    public abstract long load();

    public abstract void store(long value);

    public abstract Object loadRef();

    public abstract void storeRef(Object value);

    /** An element of any JVM array that backs a guest array or an address-taken local. */
    public static final class Element extends ManagedPointer {
        private final Object array;
        private final int index;

        public Element(Object array, int index) {
            this.array = array;
            this.index = index;
        }

        @Override
        public long load() {
            return switch (array) {
                case byte[] a -> a[index];
                case short[] a -> a[index];
                case char[] a -> a[index];
                case int[] a -> a[index];
                case long[] a -> a[index];
                case double[] a -> Double.doubleToRawLongBits(a[index]);
                default -> throw new IllegalStateException("primitive load through a reference element");
            };
        }

        @Override
        public void store(long value) {
            switch (array) {
                case byte[] a -> a[index] = (byte) value;
                case short[] a -> a[index] = (short) value;
                case char[] a -> a[index] = (char) value;
                case int[] a -> a[index] = (int) value;
                case long[] a -> a[index] = value;
                case double[] a -> a[index] = Double.longBitsToDouble(value);
                default -> throw new IllegalStateException("primitive store through a reference element");
            }
        }

        @Override
        public Object loadRef() {
            return ((Object[]) array)[index];
        }

        @Override
        public void storeRef(Object value) {
            ((Object[]) array)[index] = value;
        }
    }

    /** A field cell of an object (instance fields) or of a type's statics object. */
    public static final class Field extends ManagedPointer {
        private final ManagedObject object;
        private final int index;

        public Field(ManagedObject object, int index) {
            this.object = object;
            this.index = index;
        }

        @Override
        public long load() {
            return object.primitives[index];
        }

        @Override
        public void store(long value) {
            object.primitives[index] = value;
        }

        @Override
        public Object loadRef() {
            return object.references[index];
        }

        @Override
        public void storeRef(Object value) {
            object.references[index] = value;
        }
    }

    /** The primitive a {@code this} of a primitive type's method stands for: a pointer, or the boxed value. */
    public static long primitive(Object self) {
        return switch (self) {
            case ManagedPointer p -> p.load();
            case ManagedObject boxed -> boxed.primitives[0];
            default -> throw new IllegalStateException("not a primitive's this: " + self);
        };
    }
}
