package dev.mimic.backend.exec;

import java.util.Locale;

/** How guest code runs: always interpreted, always compiled, or interpreted until hot (the default). */
public enum EngineKind {
    INTERP, JIT, TIERED;

    /** Parses {@code interp}, {@code jit} or {@code tiered}. */
    public static EngineKind parse(String name) {
        for (EngineKind k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + name + "' (expected interp, jit or tiered)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
