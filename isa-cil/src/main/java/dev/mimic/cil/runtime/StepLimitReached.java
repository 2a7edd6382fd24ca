package dev.mimic.cil.runtime;

import dev.mimic.cil.model.RuntimeMethod;

/**
 * The run used up the instructions {@link CilRuntime#limitSteps} allowed: the program is abandoned
 * where it was (no finally clauses run), and the message says in which method, as the other
 * machines' {@code --max-steps} reports do.
 */
public final class StepLimitReached extends RuntimeException {
    public StepLimitReached(RuntimeMethod method, long steps) {
        super(method.owner().name() + "::" + method.name() + ": stopped after " + steps + " steps (--max-steps)", null,
                false, false);
    }
}
