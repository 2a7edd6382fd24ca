package dev.mimic.backend.ir.gen;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.ManagedObject;

import java.util.List;

/**
 * Helpers generated regions call: pure ones of each signature shape, one that faults, ones that
 * read and write guest state and memory through the context (declaring those effects honestly),
 * and ones that take and return references.
 */
public final class GenHelpers {
    private GenHelpers() {
    }

    public static long mix(long a, int b) {
        return Long.rotateLeft(a, 7) * 31 + b;
    }

    public static double scale(double x, long k) {
        return x * k + 0.25;
    }

    /** Faults (machine code 42) for some inputs. */
    public static int checked(int x) {
        if ((x & 7) == 5) {
            throw GuestFault.machine(42, "checked helper refused " + x);
        }
        return x * 3;
    }

    /** Reads a slot and the instruction count, which must be up to date when a helper runs. */
    public static long peek(ExecutionContext ctx, long x) {
        return ctx.state.get(GenWorld.C) ^ ctx.instructions ^ x;
    }

    /** Adds to slot a. */
    public static void bump(ExecutionContext ctx, int delta) {
        ctx.state.set(GenWorld.A, ctx.state.get(GenWorld.A) + delta);
    }

    /** Writes slot d, then faults for odd values: the write must survive the fault. */
    public static void writeThenFault(ExecutionContext ctx, long v) {
        ctx.state.set(GenWorld.D, v);
        if ((v & 1) != 0) {
            throw GuestFault.machine(7, "odd value " + v);
        }
    }

    /** Reads guest memory; faults outside it. */
    public static int peekByte(ExecutionContext ctx, long address) {
        return ctx.memory.load8(address & 0x1FF);
    }

    /** Wraps a value in a fresh array (a reference result). */
    public static Object wrap(long v) {
        return new long[] {v};
    }

    /** Classifies a reference without depending on identity. */
    public static int refKind(Object o) {
        return o == null ? 0 : o instanceof ManagedObject ? 1 : o.getClass().isArray() ? 2 : 3;
    }

    public static final Helper MIX = Helper.of(GenHelpers.class, "mix");
    public static final Helper SCALE = Helper.of(GenHelpers.class, "scale");
    public static final Helper CHECKED = Helper.of(GenHelpers.class, "checked", Effect.MAY_FAULT);
    public static final Helper PEEK = Helper.of(GenHelpers.class, "peek", Effect.READS_STATE);
    public static final Helper BUMP = Helper.of(GenHelpers.class, "bump", Effect.READS_STATE, Effect.WRITES_STATE);
    public static final Helper WRITE_THEN_FAULT = Helper.of(GenHelpers.class, "writeThenFault",
            Effect.WRITES_STATE, Effect.MAY_FAULT);
    public static final Helper PEEK_BYTE = Helper.of(GenHelpers.class, "peekByte", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    public static final Helper WRAP = Helper.of(GenHelpers.class, "wrap");
    public static final Helper REF_KIND = Helper.of(GenHelpers.class, "refKind");

    public static final List<Helper> ALL = List.of(MIX, SCALE, CHECKED, PEEK, BUMP, WRITE_THEN_FAULT, PEEK_BYTE, WRAP, REF_KIND);
}
