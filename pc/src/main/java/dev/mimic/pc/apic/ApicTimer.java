package dev.mimic.pc.apic;

import dev.mimic.pc.clock.ClockEvent;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The local APIC's timer (SDM vol. 3 10.5.4): a count loaded from the initial-count register that
 * runs down at the bus clock divided by the divide configuration, and on reaching zero signals
 * {@code expired} and, in periodic mode, reloads. The count is derived from the virtual clock rather
 * than stored, so it reads the same whenever it is read. The bus clock is 1 GHz, QEMU's.
 */
final class ApicTimer implements Snapshottable {
    /** Nanoseconds per bus clock tick. */
    static final long TICK_NANOS = 1;

    private final VirtualClock clock;
    private final Runnable expired;
    private final ClockEvent event;
    private int initial;
    private int divideConfiguration;
    private boolean periodic;
    /** When the count was last loaded (or reloaded by a period ending). */
    private long start;

    ApicTimer(VirtualClock clock, Runnable expired) {
        this.clock = clock;
        this.expired = expired;
        this.event = clock.newEvent(this::fire);
    }

    void reset() {
        event.cancel();
        initial = 0;
        divideConfiguration = 0;
        periodic = false;
        start = clock.nanos();
    }

    /** A write to the initial-count register: loads the count and starts counting (0 stops the timer). */
    void load(int count) {
        initial = count;
        start = clock.nanos();
        schedule();
    }

    int initial() {
        return initial;
    }

    /** The current-count register. */
    int current() {
        if (!event.scheduled()) {
            return 0;
        }
        long ticks = (clock.nanos() - start) / tickNanos();
        return (int) (Integer.toUnsignedLong(initial) - ticks);
    }

    /** Bits 0, 1 and 3 select divide by 2, 4, ... 128, or by 1 for 0b1011 (SDM vol. 3 figure 10-10). */
    void setDivideConfiguration(int value) {
        divideConfiguration = value & 0xB;
        schedule();
    }

    int divideConfiguration() {
        return divideConfiguration;
    }

    /** The LVT timer's mode: periodic reloads the count at zero, one-shot stops there. */
    void setPeriodic(boolean on) {
        periodic = on;
    }

    private long tickNanos() {
        int code = (divideConfiguration >> 1 & 4) | (divideConfiguration & 3);
        return TICK_NANOS << (code == 7 ? 0 : code + 1);
    }

    private void schedule() {
        if (initial == 0) {
            event.cancel();
        } else {
            event.schedule(start + Integer.toUnsignedLong(initial) * tickNanos());
        }
    }

    private void fire() {
        if (periodic) {
            start = clock.nanos();
            schedule();
        }
        expired.run();
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(initial);
        out.writeInt(divideConfiguration);
        out.writeBoolean(periodic);
        out.writeLong(start);
        event.saveState(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        initial = in.readInt();
        divideConfiguration = in.readInt();
        periodic = in.readBoolean();
        start = in.readLong();
        event.restoreState(in);
    }
}
