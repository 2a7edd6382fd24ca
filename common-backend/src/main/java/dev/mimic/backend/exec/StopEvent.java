package dev.mimic.backend.exec;

/**
 * Why a run or step ended. {@code pc} is the guest address execution would continue at (for a
 * fault: the faulting instruction).
 *
 * @param exitCode for {@link Kind#EXITED}: the guest's exit status
 * @param id       for breakpoints and watchpoints: which one
 */
public record StopEvent(Kind kind, long pc, String message, int exitCode, int id) {
    public enum Kind {
        /** One instruction was executed (step). */
        STEPPED,
        BREAKPOINT,
        WATCHPOINT,
        /** The guest program ended on its own. */
        EXITED,
        /** The guest stopped on an error it cannot handle (a runtime error, an unhandled fault). */
        FAULTED,
        /** The instruction budget of the run was used up. */
        LIMIT,
        /** Someone asked the run to stop (Ctrl-C, a GDB interrupt). */
        INTERRUPTED
    }

    public static StopEvent of(Kind kind, long pc, String message) {
        return new StopEvent(kind, pc, message, 0, 0);
    }

    public static StopEvent exited(long pc, int exitCode) {
        return new StopEvent(Kind.EXITED, pc, "exited with code " + exitCode, exitCode, 0);
    }

    public static StopEvent faulted(long pc, String message) {
        return new StopEvent(Kind.FAULTED, pc, message, 0, 0);
    }

    /** True when the machine cannot continue (it exited or faulted). */
    public boolean terminal() {
        return kind == Kind.EXITED || kind == Kind.FAULTED;
    }
}
