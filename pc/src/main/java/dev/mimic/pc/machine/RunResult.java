package dev.mimic.pc.machine;

/**
 * Why {@link PcMachine#run} returned, and for an exit the status the emulator ends with.
 *
 * @param kind    what happened
 * @param status  the process exit status this outcome means (isa-debug-exit's, 0 for a refused reboot or a
 *                triple fault under {@code -no-reboot} as with QEMU, 1 for a dead machine)
 * @param message what to tell the user, empty when nothing needs saying
 */
public record RunResult(Kind kind, int status, String message) {
    /** What ended a run. */
    public enum Kind {
        /** The guest wrote isa-debug-exit (port 0xF4). */
        EXITED,
        /** The guest reset the machine under {@code -no-reboot}. */
        REBOOT_REFUSED,
        /** A triple fault under {@code -no-reboot}; the message gives the faulting state. */
        SHUTDOWN,
        /** HLT with interrupts disabled: nothing can wake the processor. */
        STOPPED,
        /** A debugger event (breakpoint, watchpoint, fatal fault): see the engine's last event. */
        EVENT,
        /** The instruction budget was spent. */
        BUDGET,
        /** A debugger's interrupt (the workbench's Ctrl-C, gdb's) arrived while the processor was halted or between slices. */
        INTERRUPTED
    }

    /** True when the emulator should end with {@link #status}. */
    public boolean ended() {
        return kind != Kind.EVENT && kind != Kind.BUDGET && kind != Kind.INTERRUPTED;
    }
}
