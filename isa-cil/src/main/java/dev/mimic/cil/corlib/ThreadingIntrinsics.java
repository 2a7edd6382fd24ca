package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.cil.runtime.ManagedPointer;

/**
 * {@code System.Threading}'s runtime part for a program on one thread: interlocked operations are
 * plain reads and writes through the pointer, and monitors are always free.
 */
public final class ThreadingIntrinsics {
    private ThreadingIntrinsics() {
    }

    @Intrinsic({"System.Threading.Interlocked::CompareExchange(!!0&,!!0,!!0)",
            "System.Threading.Interlocked::CompareExchange(object&,object,object)"})
    public static Object compareExchangeRef(Object location, Object value, Object comparand) {
        ManagedPointer p = (ManagedPointer) location;
        Object old = p.loadRef();
        if (old == comparand) {
            p.storeRef(value);
        }
        return old;
    }

    @Intrinsic({"System.Threading.Interlocked::Exchange(!!0&,!!0)", "System.Threading.Interlocked::Exchange(object&,object)"})
    public static Object exchangeRef(Object location, Object value) {
        return compareExchangeRef(location, value, ((ManagedPointer) location).loadRef());
    }

    @Intrinsic("System.Threading.Interlocked::Exchange(native int&,native int)")
    public static long exchangeNative(Object location, long value) {
        ManagedPointer p = (ManagedPointer) location;
        long old = p.load();
        p.store(value);
        return old;
    }

    @Intrinsic("System.Threading.Interlocked::Exchange(int32&,int32)")
    public static int exchangeInt(Object location, int value) {
        return (int) exchangeNative(location, value);
    }

    @Intrinsic("System.Threading.Interlocked::CompareExchange(int32&,int32,int32)")
    public static int compareExchangeInt(Object location, int value, int comparand) {
        ManagedPointer p = (ManagedPointer) location;
        int old = (int) p.load();
        if (old == comparand) {
            p.store(value);
        }
        return old;
    }

    @Intrinsic("System.Threading.Interlocked::Increment(int32&)")
    public static int increment(Object location) {
        ManagedPointer p = (ManagedPointer) location;
        int v = (int) p.load() + 1;
        p.store(v);
        return v;
    }

    @Intrinsic({"System.Threading.Monitor::Enter(object)", "System.Threading.Monitor::Exit(object)"})
    public static void monitor(ExecutionContext ctx, Object o) {
        if (o == null) {
            throw Text.rt(ctx).exceptions().raise("ArgumentNullException", "Value cannot be null.");
        }
    }

    @Intrinsic("System.Threading.Monitor::Enter(object,bool&)")
    public static void monitorTaken(ExecutionContext ctx, Object o, Object taken) {
        monitor(ctx, o);
        ((ManagedPointer) taken).store(1);
    }


    /** The one thread a program runs on has id 1, as mono's main thread does. */
    @Intrinsic({"System.Environment::get_CurrentManagedThreadId()", "System.Threading.Thread::get_ManagedThreadId()"})
    public static int threadId() {
        return 1;
    }
}
