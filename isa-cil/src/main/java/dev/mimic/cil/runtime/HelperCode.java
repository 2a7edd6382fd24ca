package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.model.RuntimeMethod;

/**
 * A method implemented in Java (an internal call or an intrinsic) run as a call target, for the
 * callers that reach it through a method table rather than a direct HELPER op.
 */
final class HelperCode implements dev.mimic.backend.exec.RegionCode {
    private final Helper helper;
    private final RuntimeMethod method;

    /** {@code method} is passed as the first argument when not null (an instantiated intrinsic). */
    HelperCode(Helper helper, RuntimeMethod method) {
        this.helper = helper;
        this.method = method;
    }

    @Override
    public int run(ExecutionContext ctx, Frame frame) {
        int base = helper.takesContext() ? 1 : 0;
        Object[] args = new Object[helper.arity() + base];
        if (base == 1) {
            args[0] = ctx;
        }
        int first = 0;
        if (method != null) {
            args[base] = method;
            first = 1;
        }
        for (int i = first; i < helper.arity(); i++) {
            int cell = i - first;
            args[i + base] = switch (helper.parameterType(i)) {
                case I32 -> (int) frame.values[cell];
                case I64 -> frame.values[cell];
                case F64 -> Double.longBitsToDouble(frame.values[cell]);
                case REF -> frame.refs[cell];
            };
        }
        Object result;
        try {
            result = helper.invoke(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(helper + " failed", t);
        }
        Type type = helper.returnType();
        if (type != null) {
            switch (type) {
                case I32 -> frame.result = (Integer) result;
                case I64 -> frame.result = (Long) result;
                case F64 -> frame.result = Double.doubleToRawLongBits((Double) result);
                case REF -> frame.resultRef = result;
            }
        }
        return RETURNED;
    }

    @Override
    public boolean compiled() {
        return false;
    }

}
