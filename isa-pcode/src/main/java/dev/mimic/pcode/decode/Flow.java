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

    /** Leaves the region for a known address. */
    void exit(long target);

    /** Leaves the region for an address computed at run time. */
    void exit(Temp target);

    /**
     * Calls the procedure at {@code target}, whose frame is set up with {@code next} as its
     * return address, and continues at {@code next} when it returns there.
     */
    void call(long target, long next);

    /** Returns from the procedure to {@code returnAddress}. */
    void ret(Temp returnAddress);

    /** Stops the machine: the program ended. */
    void stop(long pc);

    /** Jumps to entry {@code index} of the table of ujp instructions at {@code table} (xjp). */
    void select(Temp index, long table);
}
