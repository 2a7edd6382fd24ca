package dev.mimic.cil.runtime;

import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.model.FieldSlot;
import dev.mimic.cil.model.NativeLayout;
import dev.mimic.cil.model.RuntimeType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The address space of unmanaged pointers (ECMA-335 I.12.1.1.1, II.14.4.1): native ints that name
 * bytes. Managed data stays in JVM objects, so an address is resolved through a table of regions,
 * each a range of addresses over a backing store: blocks of bytes ({@code localloc} memory, which
 * lives on a stack released when the allocating method returns, and {@code Marshal.AllocHGlobal}
 * blocks), and pinned managed data ({@code fixed} on an array or a local: the JVM array itself,
 * read and written byte by byte in little-endian order as x86-64 mono sees it; on a string: a copy
 * of its characters after a header as long as mono's, where the length is, so
 * {@code OffsetToStringData} holds). Addresses are handed out upwards and never reused, with a gap
 * after each region, so a stale or overrunning pointer finds no region; reading or writing where
 * no region is raises NullReferenceException, as mono turns such a fault into one.
 */
public final class NativeMemory {
    /** The bytes before a pinned string's first character: object header and length, as x86-64 mono lays it out. */
    public static final int STRING_DATA_OFFSET = 20;
    private static final int LOCAL_STACK_SIZE = 1 << 20;
    private static final long FIRST_ADDRESS = 0x7f00_0000_0000L;
    private static final long GAP = 0x1000;
    private static final int TRANSIENT_PINS = 256;
    /** {@link #read} code bits beside the width. */
    public static final int SIGNED = 0x10;
    public static final int FLOAT = 0x20;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final TreeMap<Long, Region> regions = new TreeMap<>();
    private final Map<Object, Pinned> pins = new IdentityHashMap<>();
    /**
     * The latest pins, oldest first. An object pinned only because its address was taken (not held
     * by a pinned local: {@code Marshal.ReadInt32} passing a local's address to {@code Memcpy})
     * stays pinned until this many newer pins were made, so such pins cannot pile up.
     */
    private final java.util.ArrayDeque<Pinned> recentPins = new java.util.ArrayDeque<>();
    private final GuestExceptions exceptions;
    private final java.util.function.Function<Object, RuntimeType> typeOf;
    private long next = FIRST_ADDRESS;
    private Region last;
    private Bytes localStack;
    private int localTop;

    NativeMemory(GuestExceptions exceptions, java.util.function.Function<Object, RuntimeType> typeOf) {
        this.exceptions = exceptions;
        this.typeOf = typeOf;
    }

    /** A range of addresses and what backs it. */
    private abstract static sealed class Region permits Bytes, Pinned {
        final long start;
        final long size;

        Region(long start, long size) {
            this.start = start;
            this.size = size;
        }

        /** The {@code width}-byte value (1, 2, 4 or 8) at {@code offset}, zero-extended. */
        abstract long load(long offset, int width);

        abstract void store(long offset, int width, long value);
    }

    /** Plain bytes: local memory and global blocks. */
    private static final class Bytes extends Region {
        final byte[] data;

        Bytes(long start, int size) {
            super(start, size);
            this.data = new byte[size];
        }

        @Override
        long load(long offset, int width) {
            int at = (int) offset;
            return switch (width) {
                case 1 -> data[at] & 0xFFL;
                case 2 -> (short) SHORTS.get(data, at) & 0xFFFFL;
                case 4 -> (int) INTS.get(data, at) & 0xFFFF_FFFFL;
                default -> (long) LONGS.get(data, at);
            };
        }

        @Override
        void store(long offset, int width, long value) {
            int at = (int) offset;
            switch (width) {
                case 1 -> data[at] = (byte) value;
                case 2 -> SHORTS.set(data, at, (short) value);
                case 4 -> INTS.set(data, at, (int) value);
                default -> LONGS.set(data, at, value);
            }
        }
    }

    /**
     * A pinned JVM array whose guest elements are {@code width} bytes: a guest float array is a
     * double[] holding float values, and a local's cell may be wider than the local.
     */
    private static sealed class Pinned extends Region {
        /** The pinned object: the array, or the string whose characters {@code array} copies. */
        final Object key;
        final Object array;
        final int width;
        /** How many pinned locals hold it (II.7.1.2): the last to let go unpins it. */
        int holders;

        Pinned(long start, Object key, Object array, int width) {
            super(start, (long) java.lang.reflect.Array.getLength(array) * width);
            this.key = key;
            this.array = array;
            this.width = width;
        }

        @Override
        long load(long offset, int size) {
            if (size == width && offset % width == 0) {
                return element((int) (offset / width));
            }
            long value = 0;
            for (int i = size - 1; i >= 0; i--) {
                long at = offset + i;
                value = value << 8 | (element((int) (at / width)) >>> (8 * (at % width)) & 0xFF);
            }
            return value;
        }

        @Override
        void store(long offset, int size, long value) {
            if (size == width && offset % width == 0) {
                setElement((int) (offset / width), value);
                return;
            }
            for (int i = 0; i < size; i++) {
                long at = offset + i;
                int index = (int) (at / width);
                int shift = (int) (8 * (at % width));
                long old = element(index);
                setElement(index, old & ~(0xFFL << shift) | (value >>> (8 * i) & 0xFF) << shift);
            }
        }

        /** Element {@code index} as its {@code width} little-endian bytes, zero-extended. */
        private long element(int index) {
            long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
            return switch (array) {
                case byte[] a -> a[index] & mask;
                case short[] a -> a[index] & mask;
                case char[] a -> a[index] & mask;
                case int[] a -> a[index] & mask;
                case long[] a -> a[index] & mask;
                case double[] a -> width == 4 ? Float.floatToRawIntBits((float) a[index]) & mask
                        : Double.doubleToRawLongBits(a[index]);
                default -> throw new IllegalStateException("pinned array of references");
            };
        }

        private void setElement(int index, long bits) {
            switch (array) {
                case byte[] a -> a[index] = (byte) bits;
                case short[] a -> a[index] = (short) bits;
                case char[] a -> a[index] = (char) bits;
                case int[] a -> a[index] = narrow((int) bits);
                case long[] a -> a[index] = bits;
                case double[] a -> a[index] = width == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
                default -> throw new IllegalStateException("pinned array of references");
            }
        }

        /** A cell holding a small local keeps it sign-extended, as its loads expect: only width bytes are its. */
        private int narrow(int bits) {
            return switch (width) {
                case 1 -> (byte) bits;
                case 2 -> (short) bits;
                default -> bits;
            };
        }
    }

    /** The {@code width}-byte value at {@code address}, zero-extended. */
    public long load(long address, int width) {
        Region r = find(address, width);
        return r.load(address - r.start, width);
    }

    public void store(long address, int width, long value) {
        Region r = find(address, width);
        r.store(address - r.start, width, value);
    }

    /** III.3.30 {@code cpblk}: copies byte by byte, so overlapping ranges copy as memmove would not promise. */
    public void copy(long target, long source, long size) {
        if (size <= 0) {
            return;
        }
        boolean backwards = target > source && target < source + size;
        for (long i = 0; i < size; i++) {
            long n = backwards ? size - 1 - i : i;
            store(target + n, 1, load(source + n, 1));
        }
    }

    /** III.3.36 {@code initblk}. */
    public void fill(long address, int value, long size) {
        for (long i = 0; i < size; i++) {
            store(address + i, 1, value);
        }
    }

    /** III.3.47 {@code localloc}: zeroed bytes on the local stack, released by {@link #releaseLocal}. */
    public long allocateLocal(long size) {
        if (localStack == null) {
            localStack = (Bytes) map(new Bytes(next, LOCAL_STACK_SIZE));
        }
        long aligned = (size + 15) & ~15L;
        if (size < 0 || aligned > LOCAL_STACK_SIZE - localTop) {
            throw exceptions.raise("StackOverflowException", "The requested operation caused a stack overflow.");
        }
        long address = localStack.start + localTop;
        java.util.Arrays.fill(localStack.data, localTop, (int) (localTop + aligned), (byte) 0);
        localTop += (int) aligned;
        return address;
    }

    /** The top of the local stack, for a method that calls {@code localloc} to restore when it returns. */
    public int localMark() {
        return localTop;
    }

    public void releaseLocal(int mark) {
        localTop = mark;
    }

    /** {@code Marshal.AllocHGlobal}: a block of unmanaged memory (zeroed) until it is freed. */
    public long allocateGlobal(long size) {
        if (size < 0 || size > Integer.MAX_VALUE - 16) {
            throw exceptions.raise("OutOfMemoryException", "Insufficient memory to continue the execution of the program.");
        }
        return map(new Bytes(next, (int) Math.max(size, 1))).start;
    }

    /** {@code Marshal.FreeHGlobal}; freeing zero does nothing, as on Windows and mono. */
    public void freeGlobal(long address) {
        if (address == 0) {
            return;
        }
        if (!(regions.get(address) instanceof Bytes b) || b == localStack) {
            throw exceptions.raise("ArgumentException", "Invalid memory block.");
        }
        unmap(b);
    }

    /** {@code Marshal.ReAllocHGlobal}: a new block with the old one's bytes. */
    public long reallocateGlobal(long address, long size) {
        long fresh = allocateGlobal(size);
        if (address != 0) {
            Bytes old = (Bytes) regions.get(address);
            Bytes now = (Bytes) regions.get(fresh);
            System.arraycopy(old.data, 0, now.data, 0, Math.min(old.data.length, now.data.length));
            freeGlobal(address);
        }
        return fresh;
    }

    /**
     * The address of what a managed pointer or object reference points to ({@code conv.u} of a
     * pointer, or one used where an unmanaged pointer is expected): an array element or a local's
     * cell, a string's header (its characters follow at {@link #STRING_DATA_OFFSET}), or the
     * address an unmanaged pointer made managed carries. The object is pinned if it was not; it
     * stays pinned while a pinned local {@link #hold holds} it.
     */
    public long addressOf(Object pointer) {
        return switch (pointer) {
            case null -> 0;
            case ManagedPointer.Native n -> n.address();
            case ManagedPointer.Element e -> pin(e.array(), e.width()).start + (long) e.index() * e.width();
            case ManagedPointer.Field f -> pinStruct(f.object()).start + fieldOffset(f);
            case ManagedObject struct -> pinStruct(struct).start;
            case String s -> pin(s, 2).start;
            case Object array when array.getClass().isArray() && !(array instanceof Object[]) ->
                    pin(array, naturalWidth(array)).start;
            default -> throw exceptions.raise("NotSupportedException",
                    "Mimic cannot take the unmanaged address of " + pointer.getClass().getSimpleName() + ".");
        };
    }

    /** A pinned local now holds {@code address}: the object it lies in stays pinned until {@link #release}. */
    public void hold(long address) {
        if (pinnedAt(address) instanceof Pinned p) {
            p.holders++;
        }
    }

    /** A pinned local no longer holds {@code address}; the last holder unpins the object it lies in. */
    public void release(long address) {
        if (pinnedAt(address) instanceof Pinned p && --p.holders <= 0) {
            pins.remove(p.key);
            unmap(p);
        }
    }

    /** The size of the elements of the pinned array at {@code address} (1 for other memory). */
    public int elementWidth(long address) {
        return find(address, 1) instanceof Pinned p ? p.width : 1;
    }

    /** The objects pinned now: none once every {@code fixed} statement has ended. */
    public int pinCount() {
        return pins.size();
    }

    /** The pinned region {@code address} lies in or just past (a pointer may point one past the end). */
    private Region pinnedAt(long address) {
        var entry = regions.floorEntry(address);
        return entry != null && address <= entry.getValue().start + entry.getValue().size ? entry.getValue() : null;
    }

    private Pinned pinStruct(ManagedObject value) {
        Pinned p = pins.get(value);
        return p != null ? p : pin(value, 0);
    }

    /** The offset of a field cell in its object's layout. */
    private long fieldOffset(ManagedPointer.Field f) {
        RuntimeType type = typeOf.apply(f.object());
        List<FieldSlot> fields = type.instanceFields();
        int[] offsets = NativeLayout.offsets(type);
        for (int i = 0; i < offsets.length; i++) {
            var cell = fields.get(i).cell();
            if (cell.type() != Type.REF && cell.index() == f.index()) {
                return offsets[i];
            }
        }
        throw new IllegalStateException("no field in cell " + f.index() + " of " + type);
    }

    private Pinned pin(Object object, int width) {
        Pinned p = pins.get(object);
        if (p == null) {
            if (recentPins.size() == TRANSIENT_PINS) {
                Pinned oldest = recentPins.removeFirst();
                if (oldest.holders <= 0 && pins.get(oldest.key) == oldest) {
                    pins.remove(oldest.key);
                    unmap(oldest);
                }
            }
            if (object instanceof String s) {
                char[] chars = new char[STRING_DATA_OFFSET / 2 + s.length() + 1];
                s.getChars(0, s.length(), chars, STRING_DATA_OFFSET / 2);
                chars[STRING_DATA_OFFSET / 2 - 2] = (char) s.length();
                chars[STRING_DATA_OFFSET / 2 - 1] = (char) (s.length() >>> 16);
                p = new Pinned(next, s, chars, 2);
            } else if (object instanceof ManagedObject value) {
                p = new Struct(next, value, typeOf.apply(value));
            } else {
                p = new Pinned(next, object, object, width);
            }
            map(p);
            pins.put(object, p);
            recentPins.addLast(p);
        }
        return p;
    }

    /** The size of a guest element of a JVM array, where nothing better is known (a double[] holds doubles). */
    public static int naturalWidth(Object array) {
        return switch (array) {
            case byte[] a -> 1;
            case short[] a -> 2;
            case char[] a -> 2;
            case int[] a -> 4;
            default -> 8;
        };
    }

    /**
     * The value {@code ldind} of kind {@code code} reads at {@code address}, as a stack cell: bits 0-3
     * the width in bytes, {@link #SIGNED} to sign-extend, {@link #FLOAT} for a float (a float32 is
     * widened to a double's bits).
     */
    public long read(long address, int code) {
        return decode(load(address, code & 0xF), code);
    }

    /** The store of a stack cell {@link #read} describes. */
    public void write(long address, int code, long value) {
        store(address, code & 0xF, encode(value, code));
    }

    private static long decode(long v, int code) {
        if ((code & FLOAT) != 0) {
            return (code & 0xF) == 4 ? Double.doubleToRawLongBits(Float.intBitsToFloat((int) v)) : v;
        }
        if ((code & SIGNED) != 0) {
            int shift = 64 - 8 * (code & 0xF);
            return v << shift >> shift;
        }
        return v;
    }

    private static long encode(long value, int code) {
        return (code & FLOAT) != 0 && (code & 0xF) == 4 ? Float.floatToRawIntBits((float) Double.longBitsToDouble(value)) : value;
    }

    /** The access code of a primitive type, for {@link #read} and {@link #write}. */
    public static int code(RuntimeType type) {
        int width = NativeLayout.size(type);
        RuntimeType u = type.underlying();
        String name = u.definition() != null && u.namespace().equals("System") ? u.simpleName() : "";
        return switch (name) {
            case "Single", "Double" -> width | FLOAT;
            case "SByte", "Int16", "Int32", "Int64", "IntPtr" -> width | SIGNED;
            default -> width;
        };
    }

    /** {@code ldobj} of a struct through an unmanaged pointer: a new value read field by field. */
    public ManagedObject readStruct(long address, RuntimeType type) {
        Region r = find(address, NativeLayout.size(type));
        ManagedObject value = type.newValue();
        readFields(r, address - r.start, type, value);
        return value;
    }

    /** {@code stobj} of a struct through an unmanaged pointer; null stores the zero value ({@code initobj}). */
    public void writeStruct(long address, RuntimeType type, ManagedObject value) {
        Region r = find(address, NativeLayout.size(type));
        writeFields(r, address - r.start, type, value == null ? type.newValue() : value);
    }

    /**
     * Reads a struct's fields from {@code r} at {@code at} into {@code into}, nested structs in place.
     * A field over other fields (an explicit layout's overlap) is read through its parts.
     */
    private void readFields(Region r, long at, RuntimeType type, ManagedObject into) {
        for (int i = 0; i < type.rawBytes(); i++) {
            int cell = type.rawStart() + i / 8, shift = 8 * (i % 8);
            into.primitives[cell] = into.primitives[cell] & ~(0xFFL << shift) | r.load(at + i, 1) << shift;
        }
        int[] offsets = NativeLayout.offsets(type);
        List<FieldSlot> fields = type.instanceFields();
        for (int i = 0; i < offsets.length; i++) {
            RuntimeType f = fields.get(i).type();
            int cell = fields.get(i).cell().index();
            if (f.isObjectStruct()) {
                readFields(r, at + offsets[i], f, (ManagedObject) into.references[cell]);
            } else if (f.stackType() == Type.REF) {
                throw exceptions.raise("NotSupportedException", "Mimic keeps no references in unmanaged memory.");
            } else if (NativeLayout.parts(fields.get(i)).isEmpty()) {
                into.primitives[cell] = decode(r.load(at + offsets[i], code(f) & 0xF), code(f));
            }
        }
    }

    private void writeFields(Region r, long at, RuntimeType type, ManagedObject from) {
        for (int i = 0; i < type.rawBytes(); i++) {
            r.store(at + i, 1, from.primitives[type.rawStart() + i / 8] >>> 8 * (i % 8) & 0xFF);
        }
        int[] offsets = NativeLayout.offsets(type);
        List<FieldSlot> fields = type.instanceFields();
        for (int i = 0; i < offsets.length; i++) {
            RuntimeType f = fields.get(i).type();
            int cell = fields.get(i).cell().index();
            if (f.isObjectStruct()) {
                writeFields(r, at + offsets[i], f, (ManagedObject) from.references[cell]);
            } else if (f.stackType() == Type.REF) {
                throw exceptions.raise("NotSupportedException", "Mimic keeps no references in unmanaged memory.");
            } else if (NativeLayout.parts(fields.get(i)).isEmpty()) {
                r.store(at + offsets[i], code(f) & 0xF, encode(from.primitives[cell], code(f)));
            }
        }
    }

    /**
     * A pinned struct (its address taken: {@code &local}, {@code fixed} on a field): its bytes are
     * made from its fields on each access and written back to them, so the object stays the value.
     */
    private final class Struct extends Pinned {
        private final RuntimeType type;

        Struct(long start, ManagedObject value, RuntimeType type) {
            super(start, value, new byte[NativeLayout.size(type)], 1);
            this.type = type;
        }

        @Override
        long load(long offset, int size) {
            return image().load(offset, size);
        }

        @Override
        void store(long offset, int size, long value) {
            Bytes image = image();
            image.store(offset, size, value);
            readFields(image, 0, type, (ManagedObject) key);
        }

        private Bytes image() {
            Bytes image = new Bytes(0, NativeLayout.size(type));
            writeFields(image, 0, type, (ManagedObject) key);
            return image;
        }
    }

    private Region map(Region r) {
        regions.put(r.start, r);
        next = (r.start + r.size + GAP + 15) & ~15L;
        return r;
    }

    private void unmap(Region r) {
        regions.remove(r.start);
        if (last == r) {
            last = null;
        }
    }

    private Region find(long address, int width) {
        Region r = last;
        if (r == null || address < r.start || address + width > r.start + r.size) {
            var entry = regions.floorEntry(address);
            r = entry == null ? null : entry.getValue();
            if (r == null || address + width > r.start + r.size || (r == localStack && address + width > r.start + localTop)) {
                throw exceptions.nullReference();
            }
            last = r;
        }
        return r;
    }
}
