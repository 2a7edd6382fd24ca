package dev.mimic.backend.exec;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.backend.state.GuestState;

/**
 * Everything running IR touches: the guest state, guest memory, the machine's own runtime object
 * (for helpers), and the counters that bound a run. One per running machine; never shared between
 * threads. Fields are public because compiled code reads them directly.
 */
public final class ExecutionContext {
    public final GuestState state;
    /** Guest memory; the debugger may swap in a watching wrapper. */
    public GuestMemory memory;
    /** The machine's runtime object, handed to helpers that take the context. */
    public final Object machine;
    /** Guest instructions completed so far. */
    public long instructions;
    /** Code yields to the dispatcher at the next back-edge or block end once {@link #instructions} reaches this. */
    public long instructionLimit = Long.MAX_VALUE;
    /** Set from another thread (Ctrl-C, a GDB interrupt) to make running code yield. */
    public volatile boolean interruptRequested;
    /** The stop code of the last {@link dev.mimic.backend.ir.Op#STOP}. */
    public int stopCode;

    public ExecutionContext(GuestState state, GuestMemory memory, Object machine) {
        this.state = state;
        this.memory = memory;
        this.machine = machine;
    }

    /** True when running code should return to the dispatcher at its next chance. */
    public boolean shouldYield() {
        return instructions >= instructionLimit || interruptRequested;
    }

    /** The machine runtime object, typed. */
    public <T> T machine(Class<T> type) {
        return type.cast(machine);
    }
}
