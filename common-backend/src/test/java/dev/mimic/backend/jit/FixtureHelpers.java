package dev.mimic.backend.jit;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;

/** Helpers the JIT's unit tests call from IR (helpers must be public static methods of a public class). */
public final class FixtureHelpers {
    private FixtureHelpers() {
    }

    /** Writes slot x, then faults. */
    public static void writeXThenFault(ExecutionContext ctx) {
        ctx.state.set(Fixture.X, 42);
        throw GuestFault.machine(3, "after writing x");
    }

    /** The instruction count as the helper sees it. */
    public static long count(ExecutionContext ctx) {
        return ctx.instructions;
    }

    static final Helper WRITE_X_THEN_FAULT = Helper.of(FixtureHelpers.class, "writeXThenFault", Effect.WRITES_STATE, Effect.MAY_FAULT);
    static final Helper COUNT = Helper.of(FixtureHelpers.class, "count");
}
