package dev.mimic.pcode.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.pcode.load.Mpb;

/**
 * new, dispose, mark and release on pint's heap, which grows up from the globals to np. Each
 * block starts with a one-word header holding its length (header included), negative while the
 * block is allocated. new takes the first free block that fits (splitting it) or extends the heap;
 * dispose frees the block and merges free neighbours, giving free blocks at the top back to the
 * free space. {@link FreeBlocks} indexes the free blocks so neither walks the whole heap. A record allocated with tag values ({@code new(p, t1, ...)}) keeps the tags and
 * their count just below the record, so dispose can check them.
 */
public final class Heap {
    private static final Effect[] EFFECTS = {Effect.READS_STATE, Effect.WRITES_STATE, Effect.TOUCHES_MEMORY, Effect.MAY_FAULT};
    public static final Helper NEW = Helper.of(Heap.class, "allocate", EFFECTS);
    public static final Helper DISPOSE = Helper.of(Heap.class, "dispose", EFFECTS);
    public static final Helper NEW_TAGGED = Helper.of(Heap.class, "allocateTagged", EFFECTS);
    public static final Helper DISPOSE_TAGGED = Helper.of(Heap.class, "disposeTagged", EFFECTS);
    public static final Helper MARK = Helper.of(Heap.class, "mark", EFFECTS);
    public static final Helper RELEASE = Helper.of(Heap.class, "release", EFFECTS);

    private static final int WORD = Mpb.ADR_SIZE;

    private Heap() {
    }

    /** new(p): allocates {@code size} bytes and stores the pointer at {@code variable}. */
    public static void allocate(ExecutionContext ctx, int variable, int size) {
        ctx.memory.store32(variable, newSpace(ctx, size));
    }

    /** dispose(p): frees the {@code size}-byte block at {@code pointer}. */
    public static void dispose(ExecutionContext ctx, int pointer, int size) {
        if (TextFiles.runtime(ctx).varOverlaps(pointer, pointer + size - 1)) {
            throw P5Error.DISPOSE_VAR_BLOCK.fault();
        }
        disposeSpace(ctx, pointer);
    }

    /**
     * new(p, t1, ..., tn), with the stack holding (top first) the record size, n, the n tag
     * values and the address of p; pops them all.
     */
    public static void allocateTagged(ExecutionContext ctx) {
        GuestMemory m = ctx.memory;
        int sp = (int) ctx.state.get(Registers.SP);
        int size = m.load32(sp);
        int tags = m.load32(sp + 4);
        if (tags < 0 || tags > (Mpb.STORE_SIZE / WORD)) {
            throw P5Error.SYSTEM_ERROR.fault("new: bad tag count " + tags);
        }
        int block = newSpace(ctx, size + (tags + 1) * WORD);
        int at = block + tags * WORD;
        m.store32(at, tags + WORD + 1);
        int from = sp + 8;
        for (int k = 0; k < tags; k++) {
            at -= WORD;
            m.store32(at, m.load32(from));
            from += WORD;
        }
        m.store32(m.load32(from), block + (tags + 1) * WORD);
        ctx.state.set(Registers.SP, from + WORD);
    }

    /**
     * dispose(p, t1, ..., tn), with the stack holding (top first) the record size, n, the n tag
     * values and the pointer; checks the tags against those given to new and pops everything.
     */
    public static void disposeTagged(ExecutionContext ctx) {
        GuestMemory m = ctx.memory;
        int sp = (int) ctx.state.get(Registers.SP);
        int size = m.load32(sp);
        int tags = m.load32(sp + 4);
        if (tags < 0 || tags > (Mpb.STORE_SIZE / WORD)) {
            throw P5Error.SYSTEM_ERROR.fault("dispose: bad tag count " + tags);
        }
        int first = sp + 8;
        int record = m.load32(first + tags * WORD);
        int count = m.load32(record - WORD);
        if (count <= WORD) {
            throw P5Error.BLOCK_ALREADY_FREED.fault();
        }
        if (tags != count - WORD - 1) {
            throw P5Error.TAGS_MISMATCH.fault();
        }
        int stored = record - 2 * WORD;
        for (int k = 0; k < tags; k++) {
            if (m.load32(stored) != m.load32(first + k * WORD)) {
                throw P5Error.TAGS_MISMATCH.fault();
            }
            stored -= WORD;
        }
        int block = stored + WORD;
        int length = size + (tags + 1) * WORD;
        if (TextFiles.runtime(ctx).varOverlaps(block, block + length - 1)) {
            throw P5Error.DISPOSE_VAR_BLOCK.fault();
        }
        disposeSpace(ctx, block);
        ctx.state.set(Registers.SP, first + tags * WORD + WORD);
    }

    /** mark(p): stores the current top of the heap at {@code variable}. */
    public static void mark(ExecutionContext ctx, int variable) {
        ctx.memory.store32(variable, (int) ctx.state.get(Registers.NP));
    }

    /** release(p): frees every block allocated since the mark {@code top}. */
    public static void release(ExecutionContext ctx, int top) {
        int np = (int) ctx.state.get(Registers.NP);
        if (top < TextFiles.runtime(ctx).heapBase() || top > np) {
            throw P5Error.BAD_HEAP_MARK.fault();
        }
        ctx.state.set(Registers.NP, top);
        TextFiles.runtime(ctx).freeBlocks().invalidate();
    }

    private static int newSpace(ExecutionContext ctx, int size) {
        if (size < 0) {
            throw P5Error.STORE_OVERFLOW.fault("new: negative size " + size);
        }
        GuestMemory m = ctx.memory;
        long len = Mpb.alignUp(size, WORD);
        int block = findFree(ctx, len);
        if (block == 0) {
            long np = ctx.state.get(Registers.NP);
            long top = np + len + WORD;
            if (top > ctx.state.get(Registers.SP)) {
                throw P5Error.STORE_OVERFLOW.fault();
            }
            m.store32(np, (int) -(len + WORD));
            ctx.state.set(Registers.NP, top);
            block = (int) np + WORD;
        }
        for (int k = 0; k < len; k++) {
            m.store8(block + k, 0);
        }
        return block;
    }

    /** First fit: allocates a free block of at least {@code len} bytes, splitting off the rest; 0 if none. */
    private static int findFree(ExecutionContext ctx, long len) {
        GuestMemory m = ctx.memory;
        FreeBlocks free = index(ctx);
        int at = free.firstFit(m, len + WORD);
        if (at < 0) {
            return 0;
        }
        int l = m.load32(at);
        if (l > len + 2 * WORD) {
            m.store32(at, (int) -(len + WORD));
            m.store32((int) (at + len + WORD), (int) (l - (len + WORD)));
            free.allocated(at, (int) (at + len + WORD));
        } else {
            m.store32(at, -l);
            free.allocated(at, -1);
        }
        return at + WORD;
    }

    private static void disposeSpace(ExecutionContext ctx, int pointer) {
        GuestMemory m = ctx.memory;
        FreeBlocks free = index(ctx);
        int np = (int) ctx.state.get(Registers.NP);
        if (pointer == 0) {
            throw P5Error.DISPOSE_UNINITIALIZED.fault();
        } else if (pointer == Mpb.NIL) {
            throw P5Error.DISPOSE_NIL.fault();
        } else if (pointer < TextFiles.runtime(ctx).heapBase() + WORD || pointer >= np) {
            throw P5Error.BAD_POINTER.fault();
        }
        int header = pointer - WORD;
        int l = m.load32(header);
        if (l >= 0) {
            throw P5Error.BLOCK_ALREADY_FREED.fault();
        }
        length(m, header);
        m.store32(header, -l);
        ctx.state.set(Registers.NP, free.freed(m, header, np));
    }

    /** The free-block index, rebuilt from the store (merging and giving back free space as pint does) when it was dropped. */
    private static FreeBlocks index(ExecutionContext ctx) {
        P5Runtime runtime = TextFiles.runtime(ctx);
        FreeBlocks free = runtime.freeBlocks();
        int np = (int) ctx.state.get(Registers.NP);
        int lowered = free.ensure(ctx.memory, runtime.heapBase(), np, WORD);
        if (lowered != np) {
            ctx.state.set(Registers.NP, lowered);
        }
        return free;
    }

    private static int length(GuestMemory m, int header) {
        int l = Math.abs(m.load32(header));
        if (l < WORD) {
            throw P5Error.HEAP_INVALID.fault();
        }
        return l;
    }
}
