package dev.mimic.x86.user;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * ITIMER_REAL, which alarm and setitimer arm: on expiry it raises SIGALRM and asks the running
 * engine to yield, so the signal is delivered at the next block boundary (or wakes a pause). The
 * expiries run on one daemon thread shared by every machine in the process, since a timer is only a
 * deadline and a callback; the machine's own state is touched only through {@link SignalState}'s
 * monitor and the engine's interrupt flag, both safe from another thread.
 */
final class RealTimer {
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mimic-x86-user-itimer");
        t.setDaemon(true);
        return t;
    });

    private final SignalState signals;
    private final Runnable wake;
    private ScheduledFuture<?> next;
    /** Counts arming, so that an expiry already under way when the timer was re-armed does nothing. */
    private long generation;
    private long deadline;
    private long interval;

    /** @param wake makes the running guest yield (the engine's interrupt) */
    RealTimer(SignalState signals, Runnable wake) {
        this.signals = signals;
        this.wake = wake;
    }

    /** The time left and the reload interval, in microseconds (getitimer); zero when disarmed. */
    synchronized long[] get() {
        long left = next == null ? 0 : Math.max(1, deadline - System.nanoTime() / 1000);
        return new long[] {left, interval};
    }

    /**
     * Arms the timer to fire in {@code micros} and then every {@code intervalMicros} (zero: once), or
     * disarms it when {@code micros} is zero; returns what {@link #get} said before.
     */
    synchronized long[] set(long micros, long intervalMicros) {
        long[] old = get();
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        interval = intervalMicros;
        if (micros > 0) {
            schedule(micros);
        }
        return old;
    }

    private void schedule(long micros) {
        deadline = System.nanoTime() / 1000 + micros;
        long armed = ++generation;
        next = CLOCK.schedule(() -> expire(armed), micros, TimeUnit.MICROSECONDS);
    }

    private synchronized void expire(long armed) {
        if (armed != generation || next == null) {
            return;
        }
        next = null;
        if (interval > 0) {
            schedule(interval);
        }
        signals.raise(new SignalState.Info(Signal.ALRM, SignalState.SI_KERNEL, 0, 0));
        wake.run();
    }
}
