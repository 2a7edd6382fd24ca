package dev.mimic.backend.exec;

import java.util.function.LongPredicate;

/**
 * What the engine asks of a frontend when it decodes a region: at most {@code maxInstructions}
 * guest instructions, and none at an address where {@code stopBefore} holds (other than the first),
 * so that breakpoints are checked at region entry.
 */
public record DecodeRequest(int maxInstructions, LongPredicate stopBefore) {
    public DecodeRequest {
        if (maxInstructions < 1) {
            throw new IllegalArgumentException("a region holds at least one instruction");
        }
    }

    /**
     * True when a loop inside the region may branch back to {@code pc}; false where a breakpoint
     * waits, so the back-edge must leave the region (the dispatcher checks breakpoints only at
     * region entries).
     */
    public boolean mayLoopTo(long pc) {
        return !stopBefore.test(pc);
    }

    /** True when the decoder must end the region before the instruction at {@code pc}. */
    public boolean mustStopBefore(long pc, int decodedSoFar) {
        return decodedSoFar >= maxInstructions || (decodedSoFar > 0 && stopBefore.test(pc));
    }
}
