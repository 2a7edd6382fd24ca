package dev.mimic.forth.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.memory.GuestMemory;

import java.util.Arrays;

/**
 * The words that work on byte ranges of guest memory (MOVE, CMOVE, CMOVE&gt;, FILL, COMPARE,
 * SEARCH): a loop in the host is shorter and faster than one in IR. Lengths are unsigned; a range
 * that leaves memory faults like any other access.
 */
public final class Bytes {
    private Bytes() {
    }

    /** MOVE: as if through a temporary buffer. */
    public static void move(ExecutionContext ctx, long from, long to, long length) {
        if (length > 0) {
            byte[] bytes = read(ctx.memory, from, length);
            ctx.memory.write(to, bytes, 0, bytes.length);
        }
    }

    /** CMOVE: byte by byte from low addresses up, so an overlapping destination above repeats the source. */
    public static void cmove(ExecutionContext ctx, long from, long to, long length) {
        for (long i = 0; i < length; i++) {
            ctx.memory.store8(to + i, ctx.memory.load8(from + i));
        }
    }

    /** CMOVE&gt;: byte by byte from high addresses down. */
    public static void cmoveUp(ExecutionContext ctx, long from, long to, long length) {
        for (long i = length - 1; i >= 0; i--) {
            ctx.memory.store8(to + i, ctx.memory.load8(from + i));
        }
    }

    public static void fill(ExecutionContext ctx, long at, long length, long c) {
        if (length > 0) {
            byte[] bytes = new byte[checked(length)];
            Arrays.fill(bytes, (byte) c);
            ctx.memory.write(at, bytes, 0, bytes.length);
        }
    }

    /** COMPARE: -1, 0 or 1 as the strings compare by unsigned bytes, a proper prefix being smaller. */
    public static long compare(ExecutionContext ctx, long a1, long u1, long a2, long u2) {
        return Integer.signum(Arrays.compareUnsigned(read(ctx.memory, a1, u1), read(ctx.memory, a2, u2)));
    }

    /** The offset of the first occurrence of string 2 in string 1, or -1 (SEARCH). */
    public static long search(ExecutionContext ctx, long a1, long u1, long a2, long u2) {
        byte[] in = read(ctx.memory, a1, u1);
        byte[] what = read(ctx.memory, a2, u2);
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes of [at, at + length) (nothing for a length of zero or "negative"). */
    public static byte[] read(GuestMemory memory, long at, long length) {
        if (length <= 0) {
            return new byte[0];
        }
        byte[] bytes = new byte[checked(length)];
        memory.read(at, bytes, 0, bytes.length);
        return bytes;
    }

    private static int checked(long length) {
        if (length > Integer.MAX_VALUE - 16) {
            throw GuestFault.memory(length, "range too long");
        }
        return (int) length;
    }
}
