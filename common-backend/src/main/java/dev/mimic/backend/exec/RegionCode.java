package dev.mimic.backend.exec;

/**
 * An executable form of a region: interpreted or compiled. Both behave identically, which the
 * property tests check.
 */
public interface RegionCode {
    /** The region left through EXIT; the pc slot holds the next address. Values {@code >= 0} are exit numbers. */
    int EXITED = 0;
    /** The region left through STOP; {@link ExecutionContext#stopCode} says why. */
    int STOPPED = -1;
    /** The region returned (called regions). */
    int RETURNED = -2;
    /** The region yielded at a back-edge; the pc slot holds the resume address. */
    int YIELDED = -3;

    /**
     * Runs the region with {@code frame} holding its parameters. Returns an exit number (the EXIT's
     * immediate, {@code >= 0}) or one of {@link #STOPPED}, {@link #RETURNED}, {@link #YIELDED}.
     * A {@link GuestFault} propagates with its pc set and {@link ExecutionContext#instructions}
     * counting the instructions completed before it.
     */
    int run(ExecutionContext ctx, Frame frame);

    /** True for compiled code (for statistics). */
    boolean compiled();
}
