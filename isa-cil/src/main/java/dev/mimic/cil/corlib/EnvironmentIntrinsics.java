package dev.mimic.cil.corlib;

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
}
