package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.translate.InvalidProgramException;

/**
 * The code of a method not yet translated: the first call translates it (the CLI compiles a method
 * when first called, II.10.5.3.3), links the real code into the target and runs it, so a program
 * translates only the part of the class library it reaches.
 */
final class LazyCode implements RegionCode {
    private final CilRuntime runtime;
    private final RuntimeMethod method;
    private final CallTarget target;

    LazyCode(CilRuntime runtime, RuntimeMethod method, CallTarget target) {
        this.runtime = runtime;
        this.method = method;
        this.target = target;
    }

    @Override
    public int run(ExecutionContext ctx, Frame frame) {
        try {
            runtime.link(method, target);
        } catch (InvalidProgramException e) {
            // III.1.8: invalid IL found when a method is compiled raises InvalidProgramException.
            throw runtime.exceptions().raise("InvalidProgramException", e.getMessage());
        }
        return FrameCall.forward(target, ctx, frame, runtime.parameterCount(method));
    }

    @Override
    public boolean compiled() {
        return false;
    }
}
