package dev.mimic.backend.jit;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.Type;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The {@code invokedynamic} call site of one guest CALL in compiled code: an inline cache on the
 * callee's current code. While the {@link CallTarget}'s code is a compiled region with a typed entry
 * of the call's exact type, the site calls that entry directly, so HotSpot inlines guest calls like
 * Java calls. Otherwise (interpreted callees, dispatchable callees, mismatched types) it runs the
 * callee's {@link RegionCode#run} over a {@link Frame}, copying cells as the interpreter does. A
 * guard on the target's code identity relinks the site when tiering replaces the callee's code.
 */
final class GuestCallSite extends MutableCallSite {
    private static final MethodHandle RELINK;
    private static final MethodHandle CODE_IS;
    private static final MethodHandle RUN_FRAME;

    static {
        MethodHandles.Lookup l = MethodHandles.lookup();
        try {
            RELINK = l.findVirtual(GuestCallSite.class, "relink", MethodType.methodType(Object.class, Object[].class));
            CODE_IS = l.findStatic(GuestCallSite.class, "codeIs",
                    MethodType.methodType(boolean.class, CallTarget.class, RegionCode.class));
            RUN_FRAME = l.findStatic(GuestCallSite.class, "runFrame", MethodType.methodType(Frame.class,
                    RegionCode.class, int.class, Type[].class, ExecutionContext.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CallTarget target;
    private final MethodHandle relink;

    private GuestCallSite(CallTarget target, MethodType type) {
        super(type);
        this.target = target;
        this.relink = RELINK.bindTo(this).asCollector(Object[].class, type.parameterCount()).asType(type);
        setTarget(relink);
    }

    /** Bootstrap of every guest call site; {@code type} is {@code (ExecutionContext, args...)result}. */
    static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type, CallTarget target) {
        return new GuestCallSite(target, type);
    }

    private Object relink(Object[] args) throws Throwable {
        RegionCode code = target.code();
        MethodHandle callee = calleeFor(code);
        MethodHandle test = MethodHandles.dropArguments(MethodHandles.insertArguments(CODE_IS, 0, target, code),
                0, type().parameterList());
        setTarget(MethodHandles.guardWithTest(test, callee, relink));
        return callee.invokeWithArguments(args);
    }

    private static boolean codeIs(CallTarget target, RegionCode expected) {
        return target.code() == expected;
    }

    private MethodHandle calleeFor(RegionCode code) {
        MethodType site = type();
        if (code instanceof CompiledRegion compiled && compiled.entry() != null) {
            MethodType entry = compiled.entry().type();
            if (entry.parameterList().equals(site.parameterList())
                    && (site.returnType() == void.class || site.returnType() == entry.returnType())) {
                return compiled.entry().asType(site);
            }
        }
        Type[] argTypes = new Type[site.parameterCount() - 1];
        for (int i = 0; i < argTypes.length; i++) {
            argTypes[i] = irType(site.parameterType(i + 1));
        }
        MethodHandle run = MethodHandles.insertArguments(RUN_FRAME, 0, code, target.region().tempCount(), argTypes)
                .asCollector(Object[].class, argTypes.length);
        return MethodHandles.filterReturnValue(run, resultOf(site.returnType())).asType(site);
    }

    private static Type irType(Class<?> c) {
        return c == int.class ? Type.I32 : c == long.class ? Type.I64 : c == double.class ? Type.F64 : Type.REF;
    }

    /** Reads the call's result out of the callee's frame the way the interpreter's CALL does. */
    private static MethodHandle resultOf(Class<?> type) {
        String name = type == int.class ? "resultI32" : type == long.class ? "resultI64"
                : type == double.class ? "resultF64" : type == void.class ? "resultNone" : "resultRef";
        try {
            return MethodHandles.lookup().findStatic(GuestCallSite.class, name,
                    MethodType.methodType(type == void.class ? void.class : type, Frame.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a callee through its frame-based entry, as {@code InterpretedCode} calls regions. */
    private static Frame runFrame(RegionCode code, int temps, Type[] argTypes, ExecutionContext ctx, Object[] args) {
        Frame f = new Frame(temps);
        for (int i = 0; i < args.length; i++) {
            switch (argTypes[i]) {
                case I32 -> f.values[i] = (Integer) args[i];
                case I64 -> f.values[i] = (Long) args[i];
                case F64 -> f.values[i] = Double.doubleToRawLongBits((Double) args[i]);
                case REF -> f.refs[i] = args[i];
            }
        }
        int status = code.run(ctx, f);
        if (status != RegionCode.RETURNED) {
            throw new RegionExit(status);
        }
        return f;
    }

    private static int resultI32(Frame f) {
        return (int) f.result;
    }

    private static long resultI64(Frame f) {
        return f.result;
    }

    private static double resultF64(Frame f) {
        return Double.longBitsToDouble(f.result);
    }

    private static Object resultRef(Frame f) {
        return f.resultRef;
    }

    private static void resultNone(Frame f) {
    }
}
