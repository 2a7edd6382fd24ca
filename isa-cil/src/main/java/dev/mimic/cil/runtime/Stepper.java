package dev.mimic.cil.runtime;

import dev.mimic.cil.model.RuntimeMethod;

/**
 * A debugger's hold on a running program: which methods stop before each instruction, the managed
 * call chain as methods are entered and left, and each stop with the method's arguments, locals
 * and evaluation stack. Stops run on the program's thread; a stepper may block there.
 */
public interface Stepper {
    /** Whether {@code method} is translated with a stop before every instruction. */
    boolean steps(RuntimeMethod method);

    /** A method that {@link #steps} is entered. */
    void enter(RuntimeMethod method);

    /** The innermost entered method returns or is left by an exception. */
    void leave();

    /**
     * The program is about to run the instruction at {@code pc}; {@code values} and {@code refs}
     * hold the entries {@code shape} names, a number or a reference at each index.
     */
    void stop(long pc, StopShape shape, long[] values, Object[] refs);
}
