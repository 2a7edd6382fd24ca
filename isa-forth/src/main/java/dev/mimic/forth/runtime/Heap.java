package dev.mimic.forth.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.memory.GuestMemory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * The Memory-Allocation word set's heap: the top quarter of guest memory, handed out first fit in
 * cell-aligned blocks. The bookkeeping is on the host side (the guest sees only addresses), and the
 * system also takes its input line buffers from here. The static methods are the helpers of
 * ALLOCATE, FREE and RESIZE; their iors are Forth-2012's -59, -60 and -61.
 */
public final class Heap {
    private static final long ALLOCATE_FAILED = -59;
    private static final long FREE_FAILED = -60;
    private static final long RESIZE_FAILED = -61;

    private final GuestMemory memory;
    private final long start;
    private final long end;
    /** Free blocks by address, with their sizes; neighbours are always merged. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    private final Map<Long, Long> used = new HashMap<>();

    public Heap(GuestMemory memory, long start, long end) {
        this.memory = memory;
        this.start = start;
        this.end = end;
        clear();
    }

    /** Forgets every allocation. */
    public void clear() {
        free.clear();
        used.clear();
        if (end > start) {
            free.put(start, end - start);
        }
    }

    /** A block of at least {@code bytes}, or 0 when none is free. */
    public long reserve(long bytes) {
        if (bytes < 0) {
            return 0;
        }
        long size = Math.max(CELL, (bytes + CELL - 1) & -CELL);
        for (Map.Entry<Long, Long> block : free.entrySet()) {
            long available = block.getValue();
            if (available >= size) {
                // read before removing: TreeMap may reuse the removed entry for its successor
                long at = block.getKey();
                free.remove(at);
                if (available > size) {
                    free.put(at + size, available - size);
                }
                used.put(at, size);
                return at;
            }
        }
        return 0;
    }

    /** Returns a block; false when {@code at} is not one. */
    public boolean release(long at) {
        Long size = used.remove(at);
        if (size == null) {
            return false;
        }
        long from = at;
        long length = size;
        Map.Entry<Long, Long> before = free.floorEntry(at);
        if (before != null && before.getKey() + before.getValue() == at) {
            from = before.getKey();
            length += before.getValue();
            free.remove(from);
        }
        Long after = free.remove(at + size);
        if (after != null) {
            length += after;
        }
        free.put(from, length);
        return true;
    }

    /** Moves a block to one of {@code bytes}, keeping its contents; 0 when there is no room or it is no block. */
    public long change(long at, long bytes) {
        Long size = used.get(at);
        if (size == null) {
            return 0;
        }
        long moved = reserve(bytes);
        if (moved == 0) {
            return 0;
        }
        byte[] contents = new byte[(int) Math.min(size, bytes)];
        memory.read(at, contents, 0, contents.length);
        memory.write(moved, contents, 0, contents.length);
        release(at);
        return moved;
    }

    /** ALLOCATE ( u -- a-addr ior ) */
    public static void allocate(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        long at = rt.heap().reserve(rt.stacks().pop());
        rt.stacks().push(at);
        rt.stacks().push(at == 0 ? ALLOCATE_FAILED : 0);
    }

    /** FREE ( a-addr -- ior ) */
    public static void free(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        rt.stacks().push(rt.heap().release(rt.stacks().pop()) ? 0 : FREE_FAILED);
    }

    /** RESIZE ( a-addr1 u -- a-addr2 ior ): a null address allocates, as in C's realloc. */
    public static void resize(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        long bytes = rt.stacks().pop();
        long at = rt.stacks().pop();
        long moved = at == 0 ? rt.heap().reserve(bytes) : rt.heap().change(at, bytes);
        rt.stacks().push(moved == 0 ? at : moved);
        rt.stacks().push(moved == 0 ? RESIZE_FAILED : 0);
    }

    /** Writes the allocations (for snapshots). */
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(used.size());
        for (Map.Entry<Long, Long> u : used.entrySet()) {
            out.writeLong(u.getKey());
            out.writeLong(u.getValue());
        }
    }

    /** Reads what {@link #save} wrote. */
    public void restore(DataInputStream in) throws IOException {
        free.clear();
        used.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            used.put(in.readLong(), in.readLong());
        }
        long at = start;
        for (Map.Entry<Long, Long> u : new TreeMap<>(used).entrySet()) {
            if (u.getKey() > at) {
                free.put(at, u.getKey() - at);
            }
            at = u.getKey() + u.getValue();
        }
        if (end > at) {
            free.put(at, end - at);
        }
    }
}
