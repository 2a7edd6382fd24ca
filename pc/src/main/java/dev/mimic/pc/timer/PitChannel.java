package dev.mimic.pc.timer;

import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.clock.ClockEvent;
import dev.mimic.pc.clock.Oscillator;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One counter of the 8254: its programmed mode, access mode (low byte, high byte or both) and BCD
 * flag, the count, the output and the latches (8254 datasheet, "Operation" and "Modes").
 *
 * <p>Nothing ticks: the counter keeps the tick at which counting started and computes value and
 * output from the ticks elapsed since ({@code d}). A channel wired to an interrupt schedules a
 * clock event at each output transition so the line follows the output exactly.
 */
final class PitChannel implements Snapshottable {
    private final VirtualClock clock;
    private final IrqLine line;
    private final ClockEvent transition;

    /**
     * The counter's output is undefined at power-on; it starts as an unloaded mode 3 counter, whose
     * output is high, so the BIOS programming the usual mode 2 or 3 sees no spurious first edge.
     */
    private int mode = 3;
    private int access = 3;
    private boolean bcd;
    private int count;
    private boolean loaded;
    private boolean running;
    /** Modes 1 and 5: a gate rising edge has started the one-shot. */
    private boolean triggered;
    private long startTick;
    /** {@code d} while not running (gate low, or waiting for a trigger). */
    private long frozen;
    private boolean gate = true;
    private boolean nullCount = true;
    private boolean writeLowNext = true;
    private int lowByteWritten;
    private boolean readLowNext = true;
    private int latchedValue;
    /** Bytes of the latched count still to read; 0 when no count is latched. */
    private int latchedBytes;
    private boolean latchLowNext;
    private int latchedStatus = -1;

    PitChannel(VirtualClock clock, IrqLine line) {
        this.clock = clock;
        this.line = line;
        this.transition = line == null ? null : clock.newEvent(this::outputChanged);
        outputChanged();
    }

    /** A control word for this channel: mode and access; the count must be written again. */
    void program(int accessMode, int newMode, boolean bcdCounting) {
        access = accessMode;
        mode = newMode > 5 ? newMode - 4 : newMode;
        bcd = bcdCounting;
        loaded = false;
        running = false;
        triggered = false;
        nullCount = true;
        writeLowNext = true;
        readLowNext = true;
        latchedBytes = 0;
        latchedStatus = -1;
        outputChanged();
    }

    void writeCount(int value) {
        switch (access) {
            case 1 -> load(value);
            case 2 -> load(value << 8);
            default -> {
                if (writeLowNext) {
                    lowByteWritten = value;
                    writeLowNext = false;
                    return;
                }
                writeLowNext = true;
                load(lowByteWritten | value << 8);
            }
        }
    }

    private void load(int value) {
        count = value & 0xFFFF;
        loaded = true;
        nullCount = false;
        triggered = false;
        frozen = 0;
        boolean startsNow = gate && mode != 1 && mode != 5;
        if (startsNow) {
            start();
        } else {
            running = false;
        }
        outputChanged();
    }

    private void start() {
        running = true;
        startTick = Oscillator.PIT.ticksAt(clock.nanos());
    }

    /**
     * The gate input: it pauses modes 0 and 4, and in modes 2 and 3 holds the output high and
     * reloads on the rising edge; in modes 1 and 5 a rising edge (re)starts the one-shot.
     */
    void setGate(boolean high) {
        boolean rising = high && !gate;
        boolean falling = !high && gate;
        gate = high;
        if (!loaded) {
            return;
        }
        if (rising) {
            switch (mode) {
                case 0, 4 -> {
                    startTick = Oscillator.PIT.ticksAt(clock.nanos()) - frozen;
                    running = true;
                }
                case 1, 5 -> {
                    triggered = true;
                    start();
                }
                default -> start();
            }
        } else if (falling && mode != 1 && mode != 5) {
            frozen = elapsed();
            running = false;
        }
        outputChanged();
    }

    private long elapsed() {
        return running ? Oscillator.PIT.ticksAt(clock.nanos()) - startTick : frozen;
    }

    /** The initial count: 0 stands for 2^16 (or 10^4 in BCD). */
    private long period() {
        if (count == 0) {
            return bcd ? 10_000 : 65_536;
        }
        return bcd ? fromBcd(count) : count;
    }

    boolean output() {
        if (!loaded) {
            return mode != 0;
        }
        long d = elapsed();
        long n = period();
        return switch (mode) {
            case 0 -> d >= n;
            case 1 -> !triggered || d >= n;
            case 2 -> !gate || n < 2 || d % n != n - 1;
            case 3 -> !gate || n < 2 || d % n < (n + 1) / 2;
            case 4 -> d != n;
            default -> !triggered || d != n;
        };
    }

    /** The counting element's value now, as a latch would capture it. */
    int value() {
        long n = period();
        long d = elapsed();
        long wrap = bcd ? 10_000 : 65_536;
        long v = switch (mode) {
            case 2 -> n - d % n;
            case 3 -> n - 2 * d % n;
            default -> Math.floorMod(n - d, wrap);
        };
        return bcd ? toBcd((int) (v % 10_000)) : (int) (v & 0xFFFF);
    }

    /** The tick of the next output transition, or -1 if the output stays as it is. */
    private long nextTransitionTick() {
        if (!running) {
            return -1;
        }
        long d = elapsed();
        long n = period();
        long k = d % n;
        long after = switch (mode) {
            case 0, 1 -> d < n ? n - d : -1;
            case 2 -> n < 2 ? -1 : k < n - 1 ? n - 1 - k : 1;
            case 3 -> n < 2 ? -1 : k < (n + 1) / 2 ? (n + 1) / 2 - k : n - k;
            default -> d < n ? n - d : d == n ? 1 : -1;
        };
        return after < 0 ? -1 : startTick + d + after;
    }

    private void outputChanged() {
        if (line == null) {
            return;
        }
        line.set(output());
        long tick = nextTransitionTick();
        if (tick < 0) {
            transition.cancel();
        } else {
            transition.schedule(Oscillator.PIT.nanosAt(tick));
        }
    }

    void latchCount() {
        if (latchedBytes == 0) {
            latchedValue = value();
            latchedBytes = access == 3 ? 2 : 1;
            latchLowNext = true;
        }
    }

    /** Read-back's status byte: OUT, null count, then the control word's RW, mode and BCD bits. */
    void latchStatus() {
        if (latchedStatus < 0) {
            latchedStatus = (output() ? 0x80 : 0) | (nullCount ? 0x40 : 0) | access << 4 | mode << 1 | (bcd ? 1 : 0);
        }
    }

    int read() {
        if (latchedStatus >= 0) {
            int status = latchedStatus;
            latchedStatus = -1;
            return status;
        }
        if (latchedBytes > 0) {
            latchedBytes--;
            int b = pick(latchedValue, latchLowNext);
            latchLowNext = false;
            return b;
        }
        int b = pick(value(), readLowNext);
        if (access == 3) {
            readLowNext = !readLowNext;
        }
        return b;
    }

    /** The byte of {@code value} the access mode says comes now: in low-then-high mode, {@code lowTurn} decides. */
    private int pick(int value, boolean lowTurn) {
        boolean low = access == 1 || access == 3 && lowTurn;
        return low ? value & 0xFF : value >>> 8 & 0xFF;
    }

    private static int fromBcd(int v) {
        return (v >> 12 & 0xF) * 1000 + (v >> 8 & 0xF) * 100 + (v >> 4 & 0xF) * 10 + (v & 0xF);
    }

    private static int toBcd(int v) {
        return v / 1000 << 12 | v / 100 % 10 << 8 | v / 10 % 10 << 4 | v % 10;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (int v : new int[] {mode, access, count, lowByteWritten, latchedValue, latchedBytes, latchedStatus}) {
            out.writeInt(v);
        }
        for (boolean flag : new boolean[] {bcd, loaded, running, triggered, gate, nullCount, writeLowNext, readLowNext, latchLowNext}) {
            out.writeBoolean(flag);
        }
        out.writeLong(startTick);
        out.writeLong(frozen);
        if (transition != null) {
            transition.saveState(out);
        }
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        mode = in.readInt();
        access = in.readInt();
        count = in.readInt();
        lowByteWritten = in.readInt();
        latchedValue = in.readInt();
        latchedBytes = in.readInt();
        latchedStatus = in.readInt();
        bcd = in.readBoolean();
        loaded = in.readBoolean();
        running = in.readBoolean();
        triggered = in.readBoolean();
        gate = in.readBoolean();
        nullCount = in.readBoolean();
        writeLowNext = in.readBoolean();
        readLowNext = in.readBoolean();
        latchLowNext = in.readBoolean();
        startTick = in.readLong();
        frozen = in.readLong();
        if (transition != null) {
            transition.restoreState(in);
        }
    }
}
