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

    /**
     * An element of any JVM array that backs a guest array or an address-taken local; {@code width}
     * is the guest element's size in bytes, which the JVM array's may exceed (float elements are
     * doubles, a byte local's cell is an int), for when the element's unmanaged address is taken.
     */
    public static final class Element extends ManagedPointer {
        private final Object array;
        private final int index;
        private final int width;

        public Element(Object array, int index, int width) {
            this.array = array;
            this.index = index;
            this.width = width;
        }

        public Object array() {
            return array;
        }

        public int index() {
            return index;
        }

        public int width() {
            return width;
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

    /**
     * An unmanaged pointer used as a managed one (III.1.1.5.2 allows the conversion, for example
     * where {@code fixed} code joins a null pointer with an element's address): loads and stores go
     * through {@link NativeMemory}, as {@code ldind} on the address would.
     */
    public static final class Native extends ManagedPointer {
        private final NativeMemory memory;
        private final long address;

        public Native(NativeMemory memory, long address) {
            this.memory = memory;
            this.address = address;
        }

        public long address() {
            return address;
        }

        @Override
        public long load() {
            return memory.load(address, 8);
        }

        @Override
        public void store(long value) {
            memory.store(address, 8, value);
        }

        @Override
        public Object loadRef() {
            throw new IllegalStateException("a reference through an unmanaged pointer");
        }

        @Override
        public void storeRef(Object value) {
            throw new IllegalStateException("a reference through an unmanaged pointer");
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

        public ManagedObject object() {
            return object;
        }

        /** The primitive cell's index in the object. */
        public int index() {
            return index;
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
