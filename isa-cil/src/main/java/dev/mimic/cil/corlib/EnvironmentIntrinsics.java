package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;

/** What {@code System.Environment} asks the runtime about the machine: mono on Linux, as Debian's. */
public final class EnvironmentIntrinsics {
    /** {@code PlatformID.Unix}, what mono reports on Linux. */
    private static final int UNIX = 4;

    private EnvironmentIntrinsics() {
    }

    @Intrinsic("System.Environment::get_Platform()")
    public static int platform() {
        return UNIX;
    }

    /** Environment.GetEnvironmentVariable: the host process's variable (the environment is one of the host's parts a guest may read). */
    @Intrinsic("System.Environment::internalGetEnvironmentVariable_native(native int)")
    public static Object environmentVariable(ExecutionContext ctx, long name) {
        return System.getenv(MemoryIntrinsics.utf8(ctx, name));
    }
}
