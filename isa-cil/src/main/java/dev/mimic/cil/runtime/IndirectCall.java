package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;

/**
 * A {@code calli} (III.3.20): the callee's arguments come first in the frame, then the function
 * pointer ({@code ldftn}, {@code ldvirtftn}: an index into the runtime's method table), which
 * names the method the activation is forwarded to.
 */
final class IndirectCall implements RegionCode {
    private final CilRuntime runtime;
    private final int count;

    IndirectCall(CilRuntime runtime, int count) {
        this.runtime = runtime;
        this.count = count;
    }

    @Override
    public int run(ExecutionContext ctx, Frame frame) {
        long pointer = frame.values[count];
        if (pointer < 0 || pointer >= runtime.functionCount()) {
            throw runtime.exceptions().raise("ExecutionEngineException", "calli of an address that is not a method.");
        }
        return FrameCall.forward(runtime.target(runtime.function(pointer)), ctx, frame, count);
    }

    @Override
    public boolean compiled() {
        return false;
    }
}
