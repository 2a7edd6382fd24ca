package dev.mimic.forth;

/**
 * How a host call into the Forth machine ended: the words ran to their end, a Forth exception
 * reached the top (already reported on stderr, as gforth reports it), or the guest left with BYE.
 *
 * @param code the exception number (FAILED) or the exit status (EXITED); 0 otherwise
 */
public record Outcome(Kind kind, int code) {
    public enum Kind { COMPLETED, FAILED, EXITED }

    public static Outcome completed() {
        return new Outcome(Kind.COMPLETED, 0);
    }

    public static Outcome failed(int exception) {
        return new Outcome(Kind.FAILED, exception);
    }

    public static Outcome exited(int status) {
        return new Outcome(Kind.EXITED, status);
    }

    /** The process exit status gforth would have: 0, 1 after an uncaught error, BYE's status. */
    public int exitStatus() {
        return switch (kind) {
            case COMPLETED -> 0;
            case FAILED -> 1;
            case EXITED -> code;
        };
    }
}
