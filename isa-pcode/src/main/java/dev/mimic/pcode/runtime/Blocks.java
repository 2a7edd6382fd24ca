package dev.mimic.pcode.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.memory.GuestMemory;

/**
 * Operations on runs of store bytes and on sets that are too long or too rare to spell out in IR:
 * block moves and comparisons, pack and unpack, clearing a new frame, and range sets.
 */
public final class Blocks {
    public static final Helper MOVE = Helper.of(Blocks.class, "move", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    public static final Helper COMPARE = Helper.of(Blocks.class, "compare", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    public static final Helper PACK = Helper.of(Blocks.class, "pack", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    public static final Helper UNPACK = Helper.of(Blocks.class, "unpack", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    public static final Helper CLEAR = Helper.of(Blocks.class, "clear", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    public static final Helper RANGE_WORD = Helper.of(Blocks.class, "rangeWord");

    private static final int CHUNK = 4096;
    /** Never written: the source of {@link #clear}. */
    private static final byte[] ZEROS = new byte[CHUNK];

    private Blocks() {
    }

    /** Copies {@code length} bytes from {@code source} to {@code target}. */
    public static void move(ExecutionContext ctx, int target, int source, int length) {
        GuestMemory m = ctx.memory;
        byte[] chunk = new byte[Math.min(Math.max(length, 0), CHUNK)];
        for (long done = 0; done < length; done += chunk.length) {
            int n = (int) Math.min(chunk.length, length - done);
            m.read(source + done, chunk, 0, n);
            m.write(target + done, chunk, 0, n);
        }
    }

    /**
     * Compares {@code length} bytes as unsigned numbers, first difference deciding: -1, 0 or 1.
     * Eight bytes at a time while they last: a little-endian word with its bytes reversed compares,
     * unsigned, as its bytes do in order (string comparisons are most of dhrystone's helper time).
     */
    public static int compare(ExecutionContext ctx, int a, int b, int length) {
        GuestMemory m = ctx.memory;
        int k = 0;
        for (; k + Long.BYTES <= length; k += Long.BYTES) {
            long x = m.load64(a + k);
            long y = m.load64(b + k);
            if (x != y) {
                return Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y)) < 0 ? -1 : 1;
            }
        }
        for (; k < length; k++) {
            int x = m.load8(a + k);
            int y = m.load8(b + k);
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }

    /**
     * pack(a, i, z): copies {@code count} bytes of the array at {@code source} from byte
     * {@code start} into the packed array at {@code target}; the source has {@code bound} bytes.
     */
    public static void pack(ExecutionContext ctx, int source, int start, int target, int count, int bound) {
        if ((long) start + count > bound) {
            throw P5Error.PACK_OUT_OF_BOUNDS.fault();
        }
        for (int k = 0; k < count; k++) {
            ctx.memory.store8(target + k, ctx.memory.load8(source + start + k));
        }
    }

    /**
     * unpack(z, a, i): copies {@code count} bytes of the packed array at {@code source} into the
     * array at {@code target} from byte {@code start}; the target has {@code bound} bytes.
     */
    public static void unpack(ExecutionContext ctx, int source, int target, int start, int count, int bound) {
        if ((long) start + count > bound) {
            throw P5Error.UNPACK_OUT_OF_BOUNDS.fault();
        }
        for (int k = 0; k < count; k++) {
            ctx.memory.store8(target + start + k, ctx.memory.load8(source + k));
        }
    }

    /** Zeroes [from, to): the locals of a new frame. */
    public static void clear(ExecutionContext ctx, int from, int to) {
        for (long at = from; at < to; at += CHUNK) {
            ctx.memory.write(at, ZEROS, 0, (int) Math.min(CHUNK, to - at));
        }
    }

    /** Word {@code word} (0..3, 64 elements each) of the set {@code [low..high]}. */
    public static long rangeWord(int low, int high, int word) {
        int from = Math.max(low, word * 64);
        int to = Math.min(high, word * 64 + 63);
        if (from > to) {
            return 0;
        }
        int bits = to - from + 1;
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        return mask << (from - word * 64);
    }
}
