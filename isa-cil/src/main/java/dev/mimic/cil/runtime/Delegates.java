package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.corlib.Intrinsic;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import java.util.ArrayList;
import java.util.List;

/**
 * Delegates (II.14.6): an instance of a delegate type carries, in the two cells the runtime adds to
 * System.Delegate, its target object and either the method it calls or, for a multicast delegate,
 * the array of single delegates it calls in order. Method pointers ({@code ldftn}) are indexes into
 * the runtime's table of methods.
 */
public final class Delegates {
    private Delegates() {
    }

    /** {@code newobj} of a delegate type: {@code .ctor(object target, native int method)}. */
    public static Object create(ExecutionContext ctx, RuntimeType type, Object target, long function) {
        CilRuntime rt = (CilRuntime) ctx.machine;
        ManagedObject d = type.newValue();
        int cell = type.delegateCell();
        d.references[cell] = target;
        d.references[cell + 1] = rt.function(function);
        return d;
    }

    /** {@code ldvirtftn} (III.4.18): the implementation of a virtual method for the object's type. */
    public static long virtualFunction(ExecutionContext ctx, Object object, long declared) {
        CilRuntime rt = (CilRuntime) ctx.machine;
        if (object == null) {
            throw rt.exceptions().nullReference();
        }
        return rt.functionPointer(rt.typeOf(object).implementation(rt.function(declared)));
    }

    /** Delegate.Combine: the invocation lists of both, in order; null if both are null. */
    @Intrinsic("System.Delegate::Combine(System.Delegate,System.Delegate)")
    public static Object combine(ExecutionContext ctx, Object a, Object b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        List<ManagedObject> list = new ArrayList<>(invocationList(ctx, a));
        list.addAll(invocationList(ctx, b));
        return multicast(ctx, (ManagedObject) a, list);
    }

    /** Delegate.Remove: {@code a} without the last occurrence of {@code b}'s invocation list. */
    @Intrinsic("System.Delegate::Remove(System.Delegate,System.Delegate)")
    public static Object remove(ExecutionContext ctx, Object a, Object b) {
        if (a == null || b == null) {
            return a;
        }
        List<ManagedObject> list = new ArrayList<>(invocationList(ctx, a));
        List<ManagedObject> gone = invocationList(ctx, b);
        for (int start = list.size() - gone.size(); start >= 0; start--) {
            boolean match = true;
            for (int i = 0; i < gone.size() && match; i++) {
                match = same(ctx, list.get(start + i), gone.get(i));
            }
            if (match) {
                list.subList(start, start + gone.size()).clear();
                return list.isEmpty() ? null : list.size() == 1 ? list.get(0) : multicast(ctx, (ManagedObject) a, list);
            }
        }
        return a;
    }

    private static boolean same(ExecutionContext ctx, ManagedObject x, ManagedObject y) {
        int cell = ((CilRuntime) ctx.machine).typeOf(x).delegateCell();
        return x.references[cell] == y.references[cell] && x.references[cell + 1] == y.references[cell + 1];
    }

    private static ManagedObject multicast(ExecutionContext ctx, ManagedObject like, List<ManagedObject> list) {
        RuntimeType type = ((CilRuntime) ctx.machine).typeOf(like);
        ManagedObject d = type.newValue();
        d.references[type.delegateCell() + 1] = list.toArray(new ManagedObject[0]);
        return d;
    }

    private static List<ManagedObject> invocationList(ExecutionContext ctx, Object d) {
        ManagedObject o = (ManagedObject) d;
        Object method = o.references[((CilRuntime) ctx.machine).typeOf(o).delegateCell() + 1];
        return method instanceof ManagedObject[] list ? List.of(list) : List.of(o);
    }

    /** The code of a delegate type's {@code Invoke}: calls every method of the invocation list. */
    static final class Invoke implements RegionCode {
        private final CilRuntime runtime;
        private final int parameters;

        Invoke(CilRuntime runtime, RuntimeMethod invoke) {
            this.runtime = runtime;
            this.parameters = invoke.signature().parameters().size();
        }

        @Override
        public int run(ExecutionContext ctx, Frame frame) {
            Object d = frame.refs[0];
            if (d == null) {
                throw runtime.exceptions().nullReference();
            }
            ManagedObject self = (ManagedObject) d;
            int cell = runtime.typeOf(self).delegateCell();
            if (self.references[cell + 1] instanceof ManagedObject[] list) {
                int status = RETURNED;
                for (ManagedObject single : list) {
                    Frame f = new Frame(frame.values.length);
                    System.arraycopy(frame.values, 0, f.values, 0, frame.values.length);
                    System.arraycopy(frame.refs, 0, f.refs, 0, frame.refs.length);
                    f.refs[0] = single;
                    status = run(ctx, f);
                    frame.result = f.result;
                    frame.resultRef = f.resultRef;
                }
                return status;
            }
            RuntimeMethod method = (RuntimeMethod) self.references[cell + 1];
            Frame call = new Frame(parameters + 1);
            int shift = method.isStatic() ? 1 : 0;
            if (!method.isStatic()) {
                call.refs[0] = self.references[cell];
            }
            System.arraycopy(frame.values, 1, call.values, 1 - shift, parameters);
            System.arraycopy(frame.refs, 1, call.refs, 1 - shift, parameters);
            int status = FrameCall.forward(runtime.target(method), ctx, call, parameters + 1 - shift);
            frame.result = call.result;
            frame.resultRef = call.resultRef;
            return status;
        }

        @Override
        public boolean compiled() {
            return false;
        }
    }
}
