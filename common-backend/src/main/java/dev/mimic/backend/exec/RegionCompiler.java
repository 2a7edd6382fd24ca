package dev.mimic.backend.exec;

import dev.mimic.backend.ir.Region;

/** Turns a region into compiled code; the JIT is the implementation, tests may count calls. */
@FunctionalInterface
public interface RegionCompiler {
    /** Compiles {@code region}; throws {@link IllegalArgumentException} when the region cannot be compiled. */
    RegionCode compile(Region region);
}
