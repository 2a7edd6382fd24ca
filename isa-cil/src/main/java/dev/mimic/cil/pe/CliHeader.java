package dev.mimic.cil.pe;

/**
 * The CLI header (ECMA-335 II.25.3.3): where the metadata is, the runtime flags, and the entry point
 * token ({@code 0} for a library). Resources and the strong-name signature are kept as directories.
 */
public record CliHeader(int majorRuntimeVersion, int minorRuntimeVersion, DataDirectory metadata, int flags,
        int entryPointToken, DataDirectory resources, DataDirectory strongNameSignature) {

    /** The entry point is a native RVA, not a token (II.25.3.3.1); only mixed-mode images set it. */
    public static final int FLAG_NATIVE_ENTRYPOINT = 0x10;
}
