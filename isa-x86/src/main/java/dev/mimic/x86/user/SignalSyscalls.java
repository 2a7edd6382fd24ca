package dev.mimic.x86.user;

import dev.mimic.x86.user.GuestMemoryAccess.BadAddress;

/**
 * The signal system calls (kernel/signal.c, kernel/time/itimer.c) over a {@link SignalState}: actions
 * in the rt and the old i386 struct layouts, masks, the pending set, the alternate stack, kill to
 * oneself, the real-time interval timer, and the waits. They only record and generate; delivery
 * happens when the call returns ({@link SignalDelivery}).
 */
final class SignalSyscalls {
    private static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    private static final int MINSIGSTKSZ = 2048;
    private final SignalState signals;
    private final RealTimer timer;
    private final GuestMemoryAccess guest;
    private final int pid;
    private final int uid;

    SignalSyscalls(SignalState signals, RealTimer timer, GuestMemoryAccess guest, int pid, int uid) {
        this.signals = signals;
        this.timer = timer;
        this.guest = guest;
        this.pid = pid;
        this.uid = uid;
    }

    private static boolean valid(int signal) {
        return signal >= 1 && signal <= Signal.MAX;
    }

    private static long address(int pointer) {
        return pointer & 0xFFFF_FFFFL;
    }

    /** rt_sigaction: struct sigaction is handler, flags, restorer, 64-bit mask. */
    long rtSigaction(int signal, int act, int oldact, int setSize) throws BadAddress {
        if (setSize != 8) {
            return -Errno.EINVAL;
        }
        return sigaction(signal, act, oldact, true);
    }

    /** sigaction: the old struct is handler, 32-bit mask, flags, restorer. */
    long oldSigaction(int signal, int act, int oldact) throws BadAddress {
        return sigaction(signal, act, oldact, false);
    }

    private long sigaction(int signal, int act, int oldact, boolean rt) throws BadAddress {
        if (!valid(signal) || act != 0 && (signal == Signal.KILL || signal == Signal.STOP)) {
            return -Errno.EINVAL;
        }
        SignalState.Action old = signals.action(signal);
        SignalState.Action next = null;
        if (act != 0) {
            long a = address(act);
            next = rt ? new SignalState.Action(guest.u32(a), guest.u32(a + 4), guest.u32(a + 8), guest.u64(a + 12))
                    : new SignalState.Action(guest.u32(a), guest.u32(a + 8), guest.u32(a + 12), guest.u32(a + 4) & 0xFFFF_FFFFL);
        }
        if (oldact != 0) {
            long o = address(oldact);
            // do_sigaction reports only the UAPI flags, which leave SA_RESTORER out (as a native run shows).
            int flags = old.flags() & ~SignalState.SA_RESTORER;
            guest.put32(o, old.handler());
            if (rt) {
                guest.put32(o + 4, flags);
                guest.put32(o + 8, old.restorer());
                guest.put64(o + 12, old.mask());
            } else {
                guest.put32(o + 4, (int) old.mask());
                guest.put32(o + 8, flags);
                guest.put32(o + 12, old.restorer());
            }
        }
        if (next != null) {
            signals.setAction(signal, next);
        }
        return 0;
    }

    /** rt_sigprocmask (64-bit sets) and sigprocmask (32-bit ones, which leave the upper half alone). */
    long sigprocmask(int how, int set, int oldset, int setSize, boolean rt) throws BadAddress {
        if (rt && setSize != 8) {
            return -Errno.EINVAL;
        }
        long old = signals.blocked();
        if (set != 0) {
            if (how < SIG_BLOCK || how > SIG_SETMASK) {
                return -Errno.EINVAL;
            }
            long mask = rt ? guest.u64(address(set)) : guest.u32(address(set)) & 0xFFFF_FFFFL;
            signals.setBlocked(switch (how) {
                case SIG_BLOCK -> old | mask;
                case SIG_UNBLOCK -> old & ~mask;
                default -> rt ? mask : old & 0xFFFF_FFFF_0000_0000L | mask;
            });
        }
        putSet(oldset, old, rt);
        return 0;
    }

    /** sigpending and rt_sigpending. */
    long sigpending(int set, boolean rt) throws BadAddress {
        putSet(set, signals.pendingMask() & signals.blocked(), rt);
        return 0;
    }

    private void putSet(int pointer, long set, boolean rt) throws BadAddress {
        if (pointer == 0) {
            return;
        }
        if (rt) {
            guest.put64(address(pointer), set);
        } else {
            guest.put32(address(pointer), (int) set);
        }
    }

    /** sigaltstack: stack_t is ss_sp, ss_flags, ss_size; {@code esp} says whether the process is on it now. */
    long sigaltstack(int stack, int oldStack, int esp) throws BadAddress {
        SignalState.AltStack current = signals.altStack();
        if (stack != 0) {
            long s = address(stack);
            int base = guest.u32(s);
            int flags = guest.u32(s + 4);
            int size = guest.u32(s + 8);
            if (current.holds(esp)) {
                return -Errno.EPERM;
            }
            if ((flags & ~(SignalState.SS_ONSTACK | SignalState.SS_DISABLE)) != 0) {
                return -Errno.EINVAL;
            }
            if ((flags & SignalState.SS_DISABLE) == 0 && Integer.compareUnsigned(size, MINSIGSTKSZ) < 0) {
                return -Errno.ENOMEM;
            }
            signals.setAltStack((flags & SignalState.SS_DISABLE) != 0 ? SignalState.AltStack.DISABLED
                    : new SignalState.AltStack(base, size, true));
        }
        if (oldStack != 0) {
            long o = address(oldStack);
            guest.put32(o, current.base());
            guest.put32(o + 4, current.flags(esp));
            guest.put32(o + 8, current.size());
        }
        return 0;
    }

    /**
     * kill, tkill and tgkill: the only process is this one (its pid, 0 for its group or -1 for all it
     * may signal); signal 0 only checks that the target exists.
     */
    long kill(int target, int signal, int code) {
        if (target != pid && target != 0 && target != -1) {
            return -Errno.ESRCH;
        }
        if (signal == 0) {
            return 0;
        }
        if (!valid(signal)) {
            return -Errno.EINVAL;
        }
        signals.raise(new SignalState.Info(signal, code, pid, uid));
        return 0;
    }

    /** alarm: arms the timer for whole seconds; returns the seconds the previous alarm had left, rounded. */
    long alarm(int seconds) {
        long[] old = timer.set((seconds & 0xFFFF_FFFFL) * 1_000_000, 0);
        return (old[0] + 500_000) / 1_000_000 + (old[0] > 0 && old[0] < 500_000 ? 1 : 0);
    }

    /** setitimer and getitimer for ITIMER_REAL: struct itimerval is interval then value, each seconds and microseconds. */
    long setitimer(int which, int value, int oldValue) throws BadAddress {
        if (which != 0) {
            return -Errno.EINVAL;
        }
        long[] old = value == 0 ? timer.get()
                : timer.set(micros(address(value) + 8), micros(address(value)));
        putTimer(oldValue, old);
        return 0;
    }

    long getitimer(int which, int value) throws BadAddress {
        if (which != 0) {
            return -Errno.EINVAL;
        }
        putTimer(value, timer.get());
        return 0;
    }

    private long micros(long timeval) throws BadAddress {
        return (guest.u32(timeval) & 0xFFFF_FFFFL) * 1_000_000 + (guest.u32(timeval + 4) & 0xFFFF_FFFFL);
    }

    private void putTimer(int pointer, long[] valueAndInterval) throws BadAddress {
        if (pointer == 0) {
            return;
        }
        long a = address(pointer);
        guest.put32(a, (int) (valueAndInterval[1] / 1_000_000));
        guest.put32(a + 4, (int) (valueAndInterval[1] % 1_000_000));
        guest.put32(a + 8, (int) (valueAndInterval[0] / 1_000_000));
        guest.put32(a + 12, (int) (valueAndInterval[0] % 1_000_000));
    }

    /** pause: waits for a signal; the result says "interrupted" (EINTR once a handler ran, else pause again). */
    long pause() {
        awaitSignal();
        return -Errno.ERESTARTNOHAND;
    }

    /**
     * A call that cannot go on until a signal arrives (a read of an empty pipe) waits for one; the
     * result says "interrupted, restart if SA_RESTART" (ERESTARTSYS).
     */
    long awaitSignal() {
        try {
            signals.awaitDeliverable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -Errno.ERESTARTSYS;
    }

    /**
     * nanosleep, clock_nanosleep and clock_nanosleep_time64 (relative sleeps; {@code wide} for the
     * 64-bit timespec): a signal cuts the sleep short, the time left goes to {@code remaining}, and the
     * result says "interrupted" (EINTR once a handler ran, else the sleep starts again).
     */
    long sleep(int request, int remaining, boolean wide) throws BadAddress {
        long r = address(request);
        long seconds = wide ? guest.u64(r) : guest.u32(r);
        long nanos = guest.u32(r + (wide ? 8 : 4)) & 0xFFFF_FFFFL;
        if (seconds < 0 || nanos >= 1_000_000_000L) {
            return -Errno.EINVAL;
        }
        long left;
        try {
            left = signals.awaitDeliverable(Math.min(seconds, Long.MAX_VALUE / 1_000_000_000L) * 1_000_000_000L + nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -Errno.EINTR;
        }
        if (left == 0) {
            return 0;
        }
        if (remaining != 0) {
            long m = address(remaining);
            if (wide) {
                guest.put64(m, left / 1_000_000_000L);
                guest.put64(m + 8, left % 1_000_000_000L);
            } else {
                guest.put32(m, (int) (left / 1_000_000_000L));
                guest.put32(m + 4, (int) (left % 1_000_000_000L));
            }
        }
        return -Errno.ERESTARTNOHAND;
    }

    /** rt_sigsuspend (a 64-bit set) and sigsuspend (the old call's mask is its third argument). */
    long sigsuspend(int set, int setSize, boolean rt) throws BadAddress {
        if (rt && setSize != 8) {
            return -Errno.EINVAL;
        }
        long mask = rt ? guest.u64(address(set)) : signals.blocked() & 0xFFFF_FFFF_0000_0000L | set & 0xFFFF_FFFFL;
        try {
            signals.suspend(mask);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -Errno.ERESTARTNOHAND;
    }
}
