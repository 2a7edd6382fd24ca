package dev.mimic.pcode.decode;

import dev.mimic.backend.ir.Temp;

/**
 * How an instruction's semantics leave straight-line code, answered by the region decoder:
 * a target inside the region becomes a jump to its block, any other becomes an exit to the
 * dispatcher. The stack must be synchronised with the store before any of these.
 */
interface Flow {
    void jump(long target);

    /** Continues at {@code ifTrue} when {@code condition} is non-zero, else at {@code ifFalse}. */
    void branch(Temp condition, long ifTrue, long ifFalse);

    /** Leaves the region for a known address (a call). */
    void exit(long target);

    /** Leaves the region for an address computed at run time (a return). */
    void exit(Temp target);

    /** Stops the machine: the program ended. */
    void stop(long pc);

    /** Jumps to entry {@code index} of the table of ujp instructions at {@code table} (xjp). */
    void select(Temp index, long table);
}
