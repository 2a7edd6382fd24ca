package dev.mimic.gdb;

import dev.mimic.backend.debug.Watchpoint;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.gdb.wire.Hex;

/**
 * Turns an engine {@link StopEvent} into gdb's stop reply: {@code T05} with the reason
 * ({@code swbreak}, {@code hwbreak}, {@code watch}/{@code rwatch}/{@code awatch} and the watched
 * address) for traps, {@code T02} for an interrupt, {@code Wxx} when the program exited. A fatal
 * fault is first a stop with its signal ({@code T0b}), so the crash can be inspected as under
 * ptrace; resuming then gets {@code Xxx}, the process killed by that signal. Signal numbers are
 * gdb's, which match Linux's for these.
 */
final class StopReply {
    static final int SIGINT = 2, SIGTRAP = 5, SIGSEGV = 11;
    /** Machines report a fatal signal as exit code 128 + its number, as a shell shows it. */
    private static final int SIGNAL_EXIT_BASE = 128;

    private StopReply() {
    }

    /** The reply before the guest has run: stopped by a trap, as a freshly attached process is. */
    static String initial() {
        return trap(SIGTRAP, "");
    }

    /**
     * @param swbreak whether gdb understands the {@code swbreak} reason (it said so in {@code qSupported})
     * @param hwbreak the same for {@code hwbreak}
     */
    static String of(StopEvent e, DebugPointTable table, boolean swbreak, boolean hwbreak) {
        return switch (e.kind()) {
            case EXITED -> ended(e);
            case FAULTED -> trap(fatalSignal(e), "");
            case INTERRUPTED -> trap(SIGINT, "");
            case BREAKPOINT -> trap(SIGTRAP, table.typeOf(e.id()).map(type ->
                    type == DebugPointTable.SOFTWARE && swbreak ? "swbreak:;"
                            : type == DebugPointTable.HARDWARE && hwbreak ? "hwbreak:;" : "").orElse(""));
            case WATCHPOINT -> trap(SIGTRAP, table.watchpoint(e.id()).map(StopReply::watchReason).orElse(""));
            case STEPPED, LIMIT -> trap(SIGTRAP, "");
        };
    }

    /** The reply to resuming a guest that has ended ({@link StopEvent#terminal()}): its exit or its death. */
    static String ended(StopEvent e) {
        return e.kind() == StopEvent.Kind.EXITED ? "W" + Hex.byteText(e.exitCode()) : "X" + Hex.byteText(fatalSignal(e));
    }

    private static String watchReason(Watchpoint w) {
        String name = switch (w.access()) {
            case WRITE -> "watch";
            case READ -> "rwatch";
            case ACCESS -> "awatch";
        };
        return name + ":" + Long.toHexString(w.address()) + ";";
    }

    private static int fatalSignal(StopEvent e) {
        int signal = e.exitCode() - SIGNAL_EXIT_BASE;
        return signal > 0 && signal < 64 ? signal : SIGSEGV;
    }

    private static String trap(int signal, String reason) {
        return "T" + Hex.byteText(signal) + reason + "thread:" + GdbSession.THREAD + ";";
    }
}
