package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.cil.model.RuntimeMethod;

/** A stepped method's code, telling the {@link Stepper} when the method is entered and left, for the call chain. */
record SteppedCode(RegionCode code, RuntimeMethod method, Stepper stepper) implements RegionCode {
    @Override
    public int run(ExecutionContext ctx, Frame frame) {
        stepper.enter(method);
        try {
            return code.run(ctx, frame);
        } finally {
            stepper.leave();
        }
    }

    @Override
    public boolean compiled() {
        return code.compiled();
    }
}
