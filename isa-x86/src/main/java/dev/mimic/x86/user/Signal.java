package dev.mimic.x86.user;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.x86.cpu.Vector;

/**
 * The signals a Linux process gets for its own faults, with the words a shell prints when one ends
 * it (bash's strsignal texts), and which processor exception raises which (as the Linux kernel maps
 * them in arch/x86/kernel/traps.c).
 */
public enum Signal {
    SIGILL(4, "Illegal instruction"),
    SIGTRAP(5, "Trace/breakpoint trap"),
    SIGBUS(7, "Bus error"),
    SIGFPE(8, "Floating point exception"),
    SIGSEGV(11, "Segmentation fault");

    private final int number;
    private final String description;

    Signal(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    /** What a shell prints when a process dies of this signal. */
    public String description() {
        return description;
    }

    /** The signal a user-mode process receives for {@code fault}. */
    public static Signal of(GuestFault fault) {
        return switch (Vector.of(fault)) {
            case Vector.DE, Vector.MF -> SIGFPE;
            case Vector.UD -> SIGILL;
            case Vector.DB, Vector.BP -> SIGTRAP;
            default -> SIGSEGV;
        };
    }
}
