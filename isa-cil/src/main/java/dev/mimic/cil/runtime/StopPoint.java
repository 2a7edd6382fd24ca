package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;

/** The runtime routine a stepped method calls before each instruction: hands the stop to the runtime's {@link Stepper}. */
public final class StopPoint {
    /** The helper translated code calls. */
    public static final Helper HELPER = Helper.of(StopPoint.class, "reach", Effect.MAY_FAULT);

    private StopPoint() {
    }

    public static void reach(ExecutionContext ctx, long pc, Object shape, long[] values, Object[] refs) {
        ctx.machine(CilRuntime.class).stepper().stop(pc, (StopShape) shape, values, refs);
    }
}
