package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;

/**
 * Forwards one activation to another call target: copies the first {@code count} parameter cells
 * into a frame sized for the callee, runs it and copies the result back. Lazy translation and
 * virtual dispatch both end in such a forward.
 */
final class FrameCall {
    private FrameCall() {
    }

    static int forward(CallTarget target, ExecutionContext ctx, Frame from, int count) {
        Frame f = new Frame(Math.max(target.region().tempCount(), count));
        System.arraycopy(from.values, 0, f.values, 0, count);
        System.arraycopy(from.refs, 0, f.refs, 0, count);
        int status = target.code().run(ctx, f);
        from.result = f.result;
        from.resultRef = f.resultRef;
        return status;
    }

}
