package dev.mimic.backend.jit;

import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.Region;

import java.lang.invoke.MethodHandle;

/**
 * The superclass of every class the {@link Jit} generates. It holds what call sites need to link
 * to the code directly: for called regions, the typed entry method
 * ({@code static R invoke(ExecutionContext, P0, P1, ...)}), so a guest call becomes a JVM call
 * HotSpot can inline rather than a trip through {@link dev.mimic.backend.exec.Frame}s.
 */
abstract class CompiledRegion implements RegionCode {
    private final Region region;
    private final MethodHandle entry;

    protected CompiledRegion(Region region, MethodHandle entry) {
        this.region = region;
        this.entry = entry;
    }

    /** The typed entry method, or null for dispatchable regions (whose entry is {@link #run}). */
    final MethodHandle entry() {
        return entry;
    }

    @Override
    public final boolean compiled() {
        return true;
    }

    @Override
    public String toString() {
        return "compiled " + region.name();
    }
}
