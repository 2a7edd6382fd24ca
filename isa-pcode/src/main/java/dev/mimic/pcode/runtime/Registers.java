package dev.mimic.pcode.runtime;

import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;

import java.util.List;

/**
 * The p-machine's registers as state slots: pint's pc, sp, mp, np and ep, all 32-bit store
 * addresses. Everything else the machine holds (frames, marks, the expression stack between
 * regions, the heap) lives in the store, as in pint.
 */
public final class Registers {
    public static final StateLayout LAYOUT;
    /** The address of the next instruction. */
    public static final Slot PC;
    /** The top of the expression stack (the stack grows down). */
    public static final Slot SP;
    /** The frame pointer: the current frame's mark lies just below it. */
    public static final Slot MP;
    /** The top of the heap (the heap grows up). */
    public static final Slot NP;
    /** The lowest address the current frame's stack may reach. */
    public static final Slot EP;
    /**
     * Not pint's: how many procedure calls deep compiled code is in JVM calls (see
     * {@code RegionDecoder}); deeper than {@link #MAX_NEST} calls go through the dispatcher, so
     * guest recursion never overflows the host stack. Zero whenever the dispatcher runs a region.
     */
    public static final Slot NEST;
    public static final int MAX_NEST = 256;

    static {
        StateLayout.Builder b = StateLayout.builder("pc");
        PC = b.add("pc", Type.I32);
        SP = b.add("sp", Type.I32);
        MP = b.add("mp", Type.I32);
        NP = b.add("np", Type.I32);
        EP = b.add("ep", Type.I32);
        NEST = b.add("nest", Type.I32);
        LAYOUT = b.build();
    }

    /** Register names in display order (pint's five). */
    public static final List<String> NAMES = List.of("pc", "sp", "mp", "np", "ep");

    private Registers() {
    }
}
