package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
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
}
