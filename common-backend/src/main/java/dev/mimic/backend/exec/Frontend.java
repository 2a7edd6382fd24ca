package dev.mimic.backend.exec;

import dev.mimic.backend.ir.Region;
import dev.mimic.backend.state.StateLayout;

/**
 * A machine's guest-code side as the engine needs it: the state layout, a decoder from guest
 * code to IR regions, and the machine's reaction to faults and stops.
 */
public interface Frontend {
    StateLayout layout();

    /**
     * Decodes guest code at {@code pc} into a dispatchable region. The decoder honours
     * {@link DecodeRequest#mustStopBefore} before every instruction but the first, ends a region
     * that stops early with an EXIT to the next pc, and records the guest ranges it read with
     * {@link dev.mimic.backend.ir.RegionBuilder#coverCode}.
     *
     * <p>An instruction that cannot be fetched or decoded ends the region before it (so the valid
     * ones run); only when it is the first does the decoder throw, and the fault is then raised
     * precisely at {@code pc}.
     *
     * @throws GuestFault when the code at {@code pc} cannot be fetched or is not a valid instruction
     */
    Region decode(long pc, DecodeRequest request, ExecutionContext ctx);

    /**
     * Handles a fault raised by guest code (its pc is set). Returns null when the machine delivered
     * it to the guest and execution continues (x86 exceptions), or the event that stops the run.
     */
    StopEvent onFault(GuestFault fault, ExecutionContext ctx);

    /**
     * Whether the guest's own stores can change its code. A machine whose programs cannot address
     * their code (the p-machine) answers false: the engine then does not mark code pages in
     * memory, so no store pays for the check, and whoever writes code from outside the guest (a
     * debugger) must call {@link Engine#invalidate}.
     */
    default boolean guestWritesCode() {
        return true;
    }

    /**
     * The address a debugger gives for the code at engine pc {@code pc}: breakpoints are set at such
     * addresses and matched through this. The same as the pc for machines whose pc is a plain guest
     * address; a machine that puts more in its pc (the x86 in system mode keys code by its mode too)
     * answers the address its debugger shows.
     */
    default long debugAddress(long pc) {
        return pc;
    }

    /** Handles a STOP op with the machine-defined {@code code}; returns the event, or null to continue. */
    StopEvent onStop(int code, ExecutionContext ctx);
}
