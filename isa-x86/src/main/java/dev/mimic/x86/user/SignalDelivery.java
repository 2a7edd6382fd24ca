package dev.mimic.x86.user;

import dev.mimic.backend.state.GuestState;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.user.GuestMemoryAccess.BadAddress;

/**
 * What happens to pending signals on the way back to user mode (arch/x86/kernel/signal.c
 * arch_do_signal_or_restart and handle_signal): each deliverable one is ignored, ends the process
 * with its default action, or gets a frame on the stack and the CPU pointed at its handler, nested
 * when several are pending. A system call a signal interrupted is restarted or fails with EINTR as
 * its restart code and SA_RESTART say.
 */
final class SignalDelivery {
    /** Stands for "no system call to restart": delivery at a fault or between blocks. */
    private static final int NO_CALL = -1;
    /** The INT 0x80 instruction a restarted system call executes again. */
    private static final int INT80_LENGTH = 2;

    private final SignalState signals;
    private final SignalFrame frames;
    private final GuestState state;

    SignalDelivery(SignalState signals, SignalFrame frames, GuestState state) {
        this.signals = signals;
        this.frames = frames;
        this.state = state;
    }

    /** Delivers after a system call numbered {@code call}; returns the signal that ends the process, or null. */
    Signal afterCall(int call) {
        return deliver(call, SignalFrame.Trap.NONE);
    }

    /** Delivers at a block boundary or after a fault described by {@code trap}; returns the signal that ends the process, or null. */
    Signal deliver(SignalFrame.Trap trap) {
        return deliver(NO_CALL, trap);
    }

    private Signal deliver(int call, SignalFrame.Trap trap) {
        int interrupted = call;
        SignalFrame.Trap why = trap;
        for (SignalState.Info info = signals.take(); info != null; info = signals.take()) {
            int n = info.signal();
            SignalState.Action action = signals.action(n);
            if (action.handler() == SignalState.SIG_IGN) {
                continue;
            }
            if (action.handler() == SignalState.SIG_DFL) {
                if (Signal.of(n).ignoredByDefault()) {
                    continue;
                }
                return Signal.of(n);
            }
            if (interrupted != NO_CALL) {
                interruptCall(interrupted, action.has(SignalState.SA_RESTART));
                interrupted = NO_CALL;
            }
            try {
                frames.push(info, action, signals.maskToSave(), signals.altStack(), why);
            } catch (BadAddress e) {
                return Signal.SIGSEGV;
            }
            if (action.has(SignalState.SA_RESETHAND)) {
                signals.setAction(n, SignalState.Action.DEFAULT);
            }
            signals.setBlocked(signals.blocked() | action.mask()
                    | (action.has(SignalState.SA_NODEFER) ? 0 : SignalState.bit(n)));
            why = SignalFrame.Trap.NONE;
        }
        if (interrupted != NO_CALL && isRestartCode(result())) {
            restart(interrupted);
        }
        signals.endSuspend();
        return null;
    }

    private int result() {
        return (int) state.get(Registers.gpr(0));
    }

    private static boolean isRestartCode(int result) {
        return result == -Errno.ERESTARTSYS || result == -Errno.ERESTARTNOHAND;
    }

    /** handle_signal's restart rules: a handler ran, so only an SA_RESTART call to a restartable call runs again. */
    private void interruptCall(int call, boolean saRestart) {
        int result = result();
        if (result == -Errno.ERESTARTSYS && saRestart) {
            restart(call);
        } else if (isRestartCode(result)) {
            state.set(Registers.gpr(0), -Errno.EINTR & 0xFFFF_FFFFL);
        }
    }

    private void restart(int call) {
        state.set(Registers.gpr(0), call & 0xFFFF_FFFFL);
        state.setPc(state.pc() - INT80_LENGTH);
    }
}
