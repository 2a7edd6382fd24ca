package dev.mimic.x86.user;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.x86.cpu.Vector;

/**
 * A Linux i386 signal (1..64) with the words a shell prints when one ends a process (bash's
 * strsignal texts), and which processor exception raises which (as the Linux kernel maps them in
 * arch/x86/kernel/traps.c).
 */
public record Signal(int number, String description) {
    /** The highest signal number (_NSIG on i386). */
    public static final int MAX = 64;
    /** The numbers of the signals the runner treats specially: SIGKILL and SIGSTOP cannot be caught or blocked. */
    public static final int KILL = 9, ALRM = 14, STOP = 19;
    private static final String[] DESCRIPTIONS = {null, "Hangup", "Interrupt", "Quit", "Illegal instruction",
        "Trace/breakpoint trap", "Aborted", "Bus error", "Floating point exception", "Killed", "User defined signal 1",
        "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault",
        "Child exited", "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
        "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired",
        "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"};

    public static final Signal SIGILL = of(4);
    public static final Signal SIGTRAP = of(5);
    public static final Signal SIGBUS = of(7);
    public static final Signal SIGFPE = of(8);
    public static final Signal SIGSEGV = of(11);

    /** Signal {@code number} (1..64); 32 and up are the real-time signals. */
    public static Signal of(int number) {
        if (number < 1 || number > MAX) {
            throw new IllegalArgumentException("no signal " + number);
        }
        return new Signal(number, number < DESCRIPTIONS.length ? DESCRIPTIONS[number]
                : number < 34 ? "Unknown signal " + number : "Real-time signal " + (number - 34));
    }

    /**
     * What the process does when the signal arrives with no handler (signal(7), "Standard signals"):
     * true for the ones whose default is to be ignored; the stop signals are ignored too, as there is
     * no job control around a user-mode program. Every other default ends the process (core ones too).
     */
    public boolean ignoredByDefault() {
        return switch (number) {
            case 17, 18, 19, 20, 21, 22, 23, 28 -> true; // CHLD, CONT, STOP, TSTP, TTIN, TTOU, URG, WINCH
            default -> false;
        };
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
