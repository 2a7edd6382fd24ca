package dev.mimic.backend.ir;

/**
 * What a {@link Helper} may do besides computing its result. The JIT keeps guest state in JVM
 * locals inside a region; these declarations tell it what to write back before a call and what to
 * reload after it.
 */
public enum Effect {
    /** Reads guest state slots through the execution context. */
    READS_STATE,
    /** Writes guest state slots. */
    WRITES_STATE,
    /** Reads or writes guest memory. */
    TOUCHES_MEMORY,
    /** May raise a guest fault. */
    MAY_FAULT
}
