package dev.mimic.forth.runtime;

/** The machine-defined codes of the STOP ops the Forth machine emits. */
public final class StopCode {
    private StopCode() {
    }

    /** (halt): the word the host called has returned. */
    public static final int HALT = 1;
    /** (bye): the guest leaves the system; the exit status is on the data stack. */
    public static final int BYE = 2;
}
