package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.backend.ir.ManagedType;
import dev.mimic.cil.model.RuntimeMethod;

/**
 * A {@code callvirt} of a method that may be overridden (III.4.2): finds the implementation in the
 * receiver's method table (or its interface map) and forwards the activation to it. The last
 * receiver class and its implementation are remembered, since most call sites see one class.
 */
final class VirtualCall implements RegionCode {
    private final CilRuntime runtime;
    private final RuntimeMethod declared;
    private final int count;
    private ManagedType lastType;
    private CallTarget lastTarget;

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
        if (receiver instanceof ManagedObject o && o.type() == lastType) {
            return FrameCall.forward(lastTarget, ctx, frame, count);
        }
        CallTarget target = runtime.target(runtime.typeOf(receiver).implementation(declared));
        if (receiver instanceof ManagedObject o) {
            lastType = o.type();
            lastTarget = target;
        }
        return FrameCall.forward(target, ctx, frame, count);
    }

    @Override
    public boolean compiled() {
        return false;
    }
}
