package dev.mimic.backend.exec;

/**
 * A machine that wants to know where a guest exception ({@link GuestThrow}) passes while it unwinds,
 * to report a managed stack trace: each engine tells it, for every region activation the exception
 * reaches (entering one of its handlers or leaving it), the pc of the INSN that was running there.
 * Nothing is called while no exception is in flight, so this costs the fast path nothing.
 */
public interface UnwindObserver {
    void unwinding(Object exception, long insnPc);

    /** Tells {@code ctx}'s machine, if it observes, that {@code thrown} passes the activation at {@code insnPc}. */
    static void report(ExecutionContext ctx, GuestThrow thrown, long insnPc) {
        if (insnPc >= 0 && ctx.machine instanceof UnwindObserver o) {
            o.unwinding(thrown.exception(), insnPc);
        }
    }
}
