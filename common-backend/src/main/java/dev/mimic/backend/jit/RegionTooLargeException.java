package dev.mimic.backend.jit;

/**
 * Thrown by {@link Jit#compile} when a region would not make a JVM method HotSpot compiles:
 * HotSpot refuses methods above 8,000 bytes of bytecode ({@code -XX:-DontCompileHugeMethods} is not
 * something users should need), so a region whose code would exceed {@link Jit#MAX_CODE_BYTES} is
 * refused and stays interpreted. It is an {@link IllegalArgumentException} because that is what
 * {@link dev.mimic.backend.exec.RegionCompiler} callers catch to keep a region interpreted.
 */
public final class RegionTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int codeBytes;

    RegionTooLargeException(String region, int codeBytes, String why) {
        super("region " + region + " is too large to compile: " + why);
        this.codeBytes = codeBytes;
    }

    /** The bytecode size the region would have needed, or -1 when some other limit was hit first. */
    public int codeBytes() {
        return codeBytes;
    }
}
