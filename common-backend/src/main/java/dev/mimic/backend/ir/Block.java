package dev.mimic.backend.ir;

import java.util.List;

/**
 * A straight-line sequence of IR instructions ending in exactly one terminator. Blocks of a
 * {@link Region} branch to each other by index; a branch to an earlier block is a loop back-edge,
 * where execution may yield to the dispatcher (for budgets, interrupts and breakpoints) and resume
 * at the block's {@link #resumePc()}.
 */
public final class Block {
    /** Marks a block that cannot be entered from the dispatcher. */
    public static final long NOT_RESUMABLE = -1;

    private final int index;
    private final List<Insn> insns;
    private final long resumePc;
    private final int handler;

    Block(int index, List<Insn> insns, long resumePc, int handler) {
        this.index = index;
        this.insns = List.copyOf(insns);
        this.resumePc = resumePc;
        this.handler = handler;
    }

    public int index() {
        return index;
    }

    public List<Insn> insns() {
        return insns;
    }

    public Insn terminator() {
        return insns.get(insns.size() - 1);
    }

    /**
     * The guest address at which the dispatcher can re-enter this block's code with nothing held in
     * temporaries, or {@link #NOT_RESUMABLE}. Back-edges may only target resumable blocks.
     */
    public long resumePc() {
        return resumePc;
    }

    /** The block that handles managed exceptions thrown here, or -1. */
    public int handler() {
        return handler;
    }
}
