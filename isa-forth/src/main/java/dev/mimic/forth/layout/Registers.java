package dev.mimic.forth.layout;

import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;

/**
 * The Forth machine's registers: the instruction pointer and the three stack pointers. Everything
 * else (the stacks' contents, the system variables) lives in memory, so these four slots are the
 * whole register file the debugger shows.
 *
 * <p>{@code pc} is the address of the thread cell about to run (gforth's ip); an address with the
 * low bit set, {@code xt | 1}, means "run the word xt, then return through the return stack", which
 * is how EXECUTE and deferred words enter a word that is not in a thread.
 */
public final class Registers {
    private Registers() {
    }

    public static final StateLayout LAYOUT;
    public static final Slot PC;
    /** Address of the top data stack cell; S0 when the stack is empty. */
    public static final Slot SP;
    /** Address of the top return stack cell. */
    public static final Slot RP;
    /** Address of the top float stack cell. */
    public static final Slot FP;
    /**
     * How many colon definitions deep the running code has called through JVM calls (CALL ops);
     * beyond {@link #MAX_NEST} calls go through the dispatcher instead, so guest recursion never
     * exhausts the host stack. Not a Forth register: the debugger does not show it.
     */
    public static final Slot NEST;
    public static final long MAX_NEST = 256;

    static {
        StateLayout.Builder b = StateLayout.builder("pc");
        PC = b.add("pc", Type.I64);
        SP = b.add("sp", Type.I64);
        RP = b.add("rp", Type.I64);
        FP = b.add("fp", Type.I64);
        NEST = b.add("nest", Type.I64);
        LAYOUT = b.build();
    }

    /** The tag that marks a pc as "execute this xt" rather than a thread cell. */
    public static final long EXECUTE_TAG = 1;

    /** True when {@code pc} names an xt to execute, not a thread cell. */
    public static boolean isExecute(long pc) {
        return (pc & EXECUTE_TAG) != 0;
    }
}
