package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.cil.model.RuntimeMethod;

/**
 * A {@code callvirt} of a method that may be overridden (III.4.2): finds the implementation in the
 * receiver's method table (or its interface map) and forwards the activation to it.
 */
final class VirtualCall implements RegionCode {
    private final CilRuntime runtime;
    private final RuntimeMethod declared;
    private final int count;

    VirtualCall(CilRuntime runtime, RuntimeMethod declared) {
        this.runtime = runtime;
        this.declared = declared;
        this.count = runtime.parameterCount(declared);
    }

    @Override
    public int run(ExecutionContext ctx, Frame frame) {
        Object receiver = frame.refs[0];
        if (receiver == null) {
            throw runtime.exceptions().nullReference();
        }
        RuntimeMethod impl = runtime.typeOf(receiver).implementation(declared);
        return FrameCall.forward(runtime.target(impl), ctx, frame, count);
    }

    @Override
    public boolean compiled() {
        return false;
    }
}
