package dev.mimic.x86.user;

import java.util.concurrent.TimeUnit;

/**
 * A process's signal bookkeeping as the kernel keeps it in task_struct and sighand_struct: the
 * action for each signal, the blocked mask, the pending signals with their siginfo, and the
 * alternate signal stack. The interval timer raises SIGALRM from its own thread, so the pending set
 * is guarded by this object's monitor, and a waiting pause or sigsuspend is woken through it.
 * Standard and real-time signals alike are pending at most once (real-time ones are not queued).
 */
final class SignalState {
    /** sa_handler values that are not addresses. */
    static final int SIG_DFL = 0, SIG_IGN = 1;
    /** sa_flags bits (arch/x86/include/uapi/asm/signal.h). */
    static final int SA_SIGINFO = 4, SA_RESTORER = 0x0400_0000, SA_ONSTACK = 0x0800_0000, SA_RESTART = 0x1000_0000,
            SA_NODEFER = 0x4000_0000, SA_RESETHAND = 0x8000_0000;
    /** si_code values (include/uapi/asm-generic/siginfo.h). */
    static final int SI_USER = 0, SI_KERNEL = 0x80, SI_TKILL = -6;
    /** The signals no mask can hold back. */
    private static final long UNBLOCKABLE = bit(Signal.KILL) | bit(Signal.STOP);

    /** A sigaction: handler address (or SIG_DFL, SIG_IGN), flags, restorer and the mask added while it runs. */
    record Action(int handler, int flags, int restorer, long mask) {
        static final Action DEFAULT = new Action(SIG_DFL, 0, 0, 0);

        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    /**
     * A generated signal's siginfo: number, si_code, and the two words after it (si_pid and si_uid
     * for a kill, si_addr and nothing for a fault).
     */
    record Info(int signal, int code, int first, int second) {
    }

    /** ss_flags bits. */
    static final int SS_ONSTACK = 1, SS_DISABLE = 2;

    /** The alternate stack sigaltstack set: base, size, and whether it is enabled. */
    record AltStack(int base, int size, boolean enabled) {
        static final AltStack DISABLED = new AltStack(0, 0, false);

        /** The ss_flags sigaltstack and a ucontext report while the process's stack pointer is {@code esp}. */
        int flags(int esp) {
            return holds(esp) ? SS_ONSTACK : enabled ? 0 : SS_DISABLE;
        }

        /** Whether {@code esp} lies on this stack (sas_ss_flags' on_sig_stack). */
        boolean holds(int esp) {
            return enabled && Integer.compareUnsigned(esp - base, size) < 0 && esp != base;
        }
    }

    private final Action[] actions = new Action[Signal.MAX + 1];
    private final Info[] pending = new Info[Signal.MAX + 1];
    private long blocked;
    private long suspendedMask = -1;
    private boolean suspended;
    private AltStack altStack = AltStack.DISABLED;

    SignalState() {
        java.util.Arrays.fill(actions, Action.DEFAULT);
    }

    /** The mask bit of signal {@code n} (sigset_t bit n-1). */
    static long bit(int n) {
        return 1L << n - 1;
    }

    synchronized Action action(int signal) {
        return actions[signal];
    }

    /** Sets an action; setting SIG_IGN (or a default that ignores) discards a pending instance. */
    synchronized void setAction(int signal, Action action) {
        actions[signal] = action;
        if (ignored(signal)) {
            pending[signal] = null;
        }
    }

    private boolean ignored(int signal) {
        Action a = actions[signal];
        return a.handler() == SIG_IGN || a.handler() == SIG_DFL && Signal.of(signal).ignoredByDefault();
    }

    synchronized long blocked() {
        return blocked;
    }

    synchronized void setBlocked(long mask) {
        blocked = mask & ~UNBLOCKABLE;
        notifyAll();
    }

    synchronized AltStack altStack() {
        return altStack;
    }

    synchronized void setAltStack(AltStack stack) {
        altStack = stack;
    }

    /** The pending set (sigpending). */
    synchronized long pendingMask() {
        long mask = 0;
        for (int n = 1; n <= Signal.MAX; n++) {
            if (pending[n] != null) {
                mask |= bit(n);
            }
        }
        return mask;
    }

    /**
     * Generates a signal for the process (kill, the timer): an ignored, unblocked one is dropped, as
     * the kernel's sig_ignored does; a blocked one waits, since its action may change before it is
     * unblocked.
     */
    synchronized void raise(Info info) {
        int n = info.signal();
        if (ignored(n) && (blocked & bit(n)) == 0) {
            return;
        }
        if (pending[n] == null) {
            pending[n] = info;
        }
        notifyAll();
    }

    /**
     * Generates a signal for a fault the process caused (force_sig_info): if it is blocked or ignored
     * the process cannot run past the fault, so the action reverts to the default and it is unblocked.
     */
    synchronized void force(Info info) {
        int n = info.signal();
        if (actions[n].handler() == SIG_IGN || (blocked & bit(n)) != 0) {
            actions[n] = Action.DEFAULT;
            blocked &= ~bit(n);
        }
        pending[n] = info;
    }

    /** Whether a pending signal is not blocked. */
    synchronized boolean hasDeliverable() {
        return next() != 0;
    }

    private int next() {
        for (int n = 1; n <= Signal.MAX; n++) {
            if (pending[n] != null && (blocked & bit(n)) == 0) {
                return n;
            }
        }
        return 0;
    }

    /** Removes and returns the lowest-numbered deliverable signal, or null. */
    synchronized Info take() {
        int n = next();
        if (n == 0) {
            return null;
        }
        Info info = pending[n];
        pending[n] = null;
        return info;
    }

    /** Waits until a signal can be delivered (pause). */
    synchronized void awaitDeliverable() throws InterruptedException {
        while (next() == 0) {
            wait();
        }
    }

    /** Waits until a signal can be delivered or {@code nanos} pass; returns the nanoseconds left (0: the time passed). */
    synchronized long awaitDeliverable(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            if (next() != 0) {
                return left;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return 0;
    }

    /**
     * sigsuspend: blocks {@code mask} instead of the current mask until a signal can be delivered; the
     * old mask is what the handler's frame saves, and what returns afterwards.
     */
    synchronized void suspend(long mask) throws InterruptedException {
        suspendedMask = blocked;
        suspended = true;
        setBlocked(mask);
        awaitDeliverable();
    }

    /**
     * The mask a signal frame saves, for sigreturn to put back: the one sigsuspend replaced if the
     * process is in sigsuspend (which the frame then ends), else the current one.
     */
    synchronized long maskToSave() {
        if (suspended) {
            suspended = false;
            return suspendedMask;
        }
        return blocked;
    }

    /** Ends a sigsuspend no handler ended: the mask it replaced returns. */
    synchronized void endSuspend() {
        if (suspended) {
            suspended = false;
            blocked = suspendedMask;
        }
    }
}
