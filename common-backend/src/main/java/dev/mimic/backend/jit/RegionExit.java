package dev.mimic.backend.jit;

/**
 * Carries a region status other than {@link dev.mimic.backend.exec.RegionCode#RETURNED} out of a
 * called region's typed entry method (a callee that ends in EXIT or STOP, or runs a dispatchable
 * region that yields). Typed entries return the guest value in the JVM return value, so the rare
 * other outcomes travel as this exception up to the nearest {@code run} method or dispatchable
 * caller, which returns the status as the interpreter would. Guest state and the instruction count
 * are written back before it is thrown, so frames it passes through have nothing left to flush.
 */
final class RegionExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    RegionExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
