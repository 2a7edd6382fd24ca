package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.runtime.NativeMemory;

/**
 * The internal calls behind unmanaged memory: {@code Marshal}'s global blocks, the block copy
 * {@code Buffer.MemoryCopy} and {@code Marshal.Copy} end in, and where a string's characters start.
 * They work on the runtime's {@link NativeMemory}, the only memory guest pointers reach.
 */
public final class MemoryIntrinsics {
    private MemoryIntrinsics() {
    }

    private static NativeMemory memory(ExecutionContext ctx) {
        return Text.rt(ctx).memory();
    }

    /** What {@code fixed} adds to a string's address to reach its first character. */
    @Intrinsic("System.Runtime.CompilerServices.RuntimeHelpers::get_OffsetToStringData()")
    public static int offsetToStringData() {
        return NativeMemory.STRING_DATA_OFFSET;
    }

    @Intrinsic("System.Runtime.InteropServices.Marshal::AllocHGlobal(native int)")
    public static long allocHGlobal(ExecutionContext ctx, long size) {
        return memory(ctx).allocateGlobal(size);
    }

    @Intrinsic("System.Runtime.InteropServices.Marshal::FreeHGlobal(native int)")
    public static void freeHGlobal(ExecutionContext ctx, long address) {
        memory(ctx).freeGlobal(address);
    }

    @Intrinsic("System.Runtime.InteropServices.Marshal::ReAllocHGlobal(native int,native int)")
    public static long reAllocHGlobal(ExecutionContext ctx, long address, long size) {
        return memory(ctx).reallocateGlobal(address, size);
    }

    @Intrinsic("System.Buffer::InternalMemcpy(uint8*,uint8*,int32)")
    public static void internalMemcpy(ExecutionContext ctx, long target, long source, int count) {
        memory(ctx).copy(target, source, count);
    }

    /** {@code Marshal.Copy} to an array: {@code length} elements from {@code source} to the pinned element. */
    @Intrinsic("System.Runtime.InteropServices.Marshal::copy_from_unmanaged_fixed(native int,int32,System.Array,int32,void*)")
    public static void copyFromUnmanaged(ExecutionContext ctx, long source, int startIndex, Object destination, int length,
            long element) {
        memory(ctx).copy(element, source, (long) length * memory(ctx).elementWidth(element));
    }

    /** {@code Marshal.Copy} from an array: {@code length} elements from the pinned element to {@code destination}. */
    @Intrinsic("System.Runtime.InteropServices.Marshal::copy_to_unmanaged_fixed(System.Array,int32,native int,int32,void*)")
    public static void copyToUnmanaged(ExecutionContext ctx, Object source, int startIndex, long destination, int length,
            long element) {
        memory(ctx).copy(destination, element, (long) length * memory(ctx).elementWidth(element));
    }

    /** Mono's marshalled UTF-8 copy of a string (what runtime calls taking a C string are given), NUL-terminated. */
    @Intrinsic("Mono.SafeStringMarshal::StringToUtf8(string)")
    public static long stringToUtf8(ExecutionContext ctx, Object s) {
        byte[] bytes = ((String) s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long block = memory(ctx).allocateGlobal(bytes.length + 1L);
        storeCString(ctx, block, bytes, bytes.length);
        return block;
    }

    /** The first {@code length} of {@code bytes} at {@code address}, then a NUL: a C string. */
    static void storeCString(ExecutionContext ctx, long address, byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            memory(ctx).store(address + i, 1, bytes[i]);
        }
        memory(ctx).store(address + length, 1, 0);
    }

    /** The NUL-terminated UTF-8 string at {@code address}, as {@link #stringToUtf8} leaves it. */
    static String utf8(ExecutionContext ctx, long address) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (long a = address;; a++) {
            int b = (int) memory(ctx).load(a, 1);
            if (b == 0) {
                return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
            bytes.write(b);
        }
    }

    @Intrinsic("System.Runtime.InteropServices.Marshal::PtrToStringAnsi(native int)")
    public static Object ptrToStringAnsi(ExecutionContext ctx, long address) {
        return address == 0 ? null : utf8(ctx, address);
    }

    @Intrinsic("Mono.SafeStringMarshal::GFree(native int)")
    public static void gFree(ExecutionContext ctx, long address) {
        if (address != 0) {
            memory(ctx).freeGlobal(address);
        }
    }

    /**
     * {@code ByReference<T>}, the reference inside a span, which mono implements in the runtime: it
     * keeps the address of what it refers to in its native int (which pins that), since a managed
     * pointer cannot live in a struct's cell.
     */
    @Intrinsic(value = "System.ByReference`1::.ctor(!0&)", instantiated = true)
    public static Object byReference(ExecutionContext ctx, Object constructor, Object target) {
        RuntimeType type = ((RuntimeMethod) constructor).owner();
        ManagedObject reference = type.newValue();
        reference.primitives[type.field("_value").cell().index()] = memory(ctx).addressOf(target);
        return reference;
    }

    @Intrinsic("System.ByReference`1::get_Value()")
    public static Object byReferenceValue(ExecutionContext ctx, Object self) {
        ManagedObject reference = (ManagedObject) self;
        long address = reference.primitives[Text.rt(ctx).typeOf(reference).field("_value").cell().index()];
        return new dev.mimic.cil.runtime.ManagedPointer.Native(memory(ctx), address);
    }

    /** {@code ref array.GetRawSzArrayData()}, where spans over an array start: its first element. */
    @Intrinsic("System.Array::GetRawSzArrayData()")
    public static Object rawArrayData(Object array) {
        return new dev.mimic.cil.runtime.ManagedPointer.Element(array, 0, dev.mimic.cil.runtime.NativeMemory.naturalWidth(array));
    }

    /** Buffer.BlockCopy's worker, its ranges checked by the caller: {@code count} bytes between primitive arrays. */
    @Intrinsic("System.Buffer::InternalBlockCopy(System.Array,int32,System.Array,int32,int32)")
    public static int blockCopy(ExecutionContext ctx, Object source, int sourceOffset, Object target, int targetOffset, int count) {
        if (source instanceof byte[] s && target instanceof byte[] t) {
            System.arraycopy(s, sourceOffset, t, targetOffset, count);
        } else if (count > 0) {
            NativeMemory m = memory(ctx);
            m.copy(m.addressOf(target) + targetOffset, m.addressOf(source) + sourceOffset, count);
        }
        return 1;
    }

    /** System.Native's random bytes for seeds (hash randomisation, not cryptography): {@code length} of them at {@code buffer}. */
    @Intrinsic("Interop+Sys::GetNonCryptographicallySecureRandomBytes(uint8*,int32)")
    public static void randomBytes(ExecutionContext ctx, long buffer, int length) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            memory(ctx).store(buffer + i, 1, random.nextInt(256));
        }
    }
}
