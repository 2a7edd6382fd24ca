package dev.mimic.forth.boot;

import dev.mimic.forth.runtime.ForthRuntime;

/** What the bootstrap interpreter needs of a machine: its runtime, and running one word to its end. */
public interface BootHost {
    ForthRuntime runtime();

    /**
     * Executes the word xt with the stacks as they are.
     *
     * @throws IllegalStateException when the word ends in an uncaught exception
     */
    void execute(long xt);
}
