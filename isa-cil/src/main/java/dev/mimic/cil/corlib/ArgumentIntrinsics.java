package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.model.RuntimeType;

/**
 * {@code System.ArgIterator}, whose mono implementation walks the native stack: here it walks the
 * typed references of a vararg call's argument list handle, kept in a cell the runtime adds, with
 * its own {@code next_arg} and {@code num_args} fields as the position.
 */
public final class ArgumentIntrinsics {
    private ArgumentIntrinsics() {
    }

    @Intrinsic("System.ArgIterator::.ctor(System.RuntimeArgumentHandle)")
    public static void start(ExecutionContext ctx, Object self, Object handle) {
        ManagedObject iterator = (ManagedObject) self;
        ManagedObject h = (ManagedObject) handle;
        Object[] arguments = (Object[]) h.references[Text.rt(ctx).typeOf(h).argumentListCell()];
        RuntimeType type = Text.rt(ctx).typeOf(iterator);
        iterator.references[type.argumentListCell()] = arguments;
        iterator.primitives[type.field("next_arg").cell().index()] = 0;
        iterator.primitives[type.field("num_args").cell().index()] = arguments.length;
    }

    @Intrinsic("System.ArgIterator::GetRemainingCount()")
    public static int remaining(ExecutionContext ctx, Object self) {
        ManagedObject iterator = (ManagedObject) self;
        RuntimeType type = Text.rt(ctx).typeOf(iterator);
        return (int) (iterator.primitives[type.field("num_args").cell().index()]
                - iterator.primitives[type.field("next_arg").cell().index()]);
    }

    /** The next argument's typed reference; past the last, InvalidOperationException as mono raises it. */
    @Intrinsic("System.ArgIterator::GetNextArg()")
    public static Object next(ExecutionContext ctx, Object self) {
        ManagedObject iterator = (ManagedObject) self;
        RuntimeType type = Text.rt(ctx).typeOf(iterator);
        int next = type.field("next_arg").cell().index();
        Object[] arguments = (Object[]) iterator.references[type.argumentListCell()];
        if (arguments == null || iterator.primitives[next] >= arguments.length) {
            throw Text.rt(ctx).exceptions().raise("InvalidOperationException", "Invalid iterator position.");
        }
        ManagedObject reference = (ManagedObject) arguments[(int) iterator.primitives[next]++];
        return Text.rt(ctx).typeOf(reference).copy(reference);
    }

    @Intrinsic("System.ArgIterator::End()")
    public static void end(Object self) {
        // Nothing to release: the argument list is an ordinary object.
    }
}
