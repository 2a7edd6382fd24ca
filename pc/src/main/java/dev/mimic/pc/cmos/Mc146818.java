package dev.mimic.pc.cmos;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.clock.ClockEvent;
import dev.mimic.pc.clock.Oscillator;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The Motorola MC146818 real-time clock and its 128 bytes of CMOS RAM, as the PC/AT wires it: the
 * index port 0x70 (bit 7 masks NMI) and the data port 0x71, the periodic, alarm and update-ended
 * interrupts on IRQ 8 (MC146818A datasheet, "Registers" and "Interrupts").
 *
 * <p>The time of day advances with the {@link VirtualClock}: it is a date-time at a known
 * nanosecond, read by adding the whole seconds elapsed since. Registers show it in BCD or binary
 * and in 12- or 24-hour form as register B says; the century lives at 0x32 as the IBM AT put it.
 * The day of the week is computed from the date (1 = Sunday) and writes to it are ignored.
 */
public final class Mc146818 implements PortDevice, Snapshottable {
    private static final long SECOND = 1_000_000_000L;
    /** UIP rises 244 us before the update and stays up through the 1,984 us update cycle. */
    private static final long UIP_BEFORE = 244_000;
    private static final long UIP_AFTER = 1_984_000;

    private static final int SECONDS = 0x00;
    private static final int MINUTES = 0x02;
    private static final int HOURS = 0x04;
    private static final int DAY_OF_WEEK = 0x06;
    private static final int DAY_OF_MONTH = 0x07;
    private static final int MONTH = 0x08;
    private static final int YEAR = 0x09;
    private static final int REG_A = 0x0A;
    private static final int REG_B = 0x0B;
    private static final int REG_C = 0x0C;
    private static final int REG_D = 0x0D;
    private static final int CENTURY = 0x32;

    private static final int B_SET = 0x80;
    private static final int B_PIE = 0x40;
    private static final int B_AIE = 0x20;
    private static final int B_UIE = 0x10;
    private static final int B_BINARY = 0x04;
    private static final int B_24HOUR = 0x02;
    private static final int C_IRQF = 0x80;
    private static final int C_PF = 0x40;
    private static final int C_AF = 0x20;
    private static final int C_UF = 0x10;

    private final VirtualClock clock;
    private final IrqLine irq;
    private final byte[] ram = new byte[128];
    private final ClockEvent secondEvent;
    private final ClockEvent periodicEvent;
    private int index;
    private boolean nmiMasked;
    private int flags;
    /** The time of day at {@link #baseNanos}, a second boundary of the virtual clock. */
    private LocalDateTime base;
    private long baseNanos;
    /**
     * The day of the month as last written: setting a date writes the day before the month, so
     * "31" may arrive while the month is still February and must survive until the month does.
     */
    private int writtenDay;
    /** When register C was last read: periodic flags raised since then are due without PIE too. */
    private long lastFlagsRead;

    /** An RTC showing {@code time} at the clock's present moment, in 24-hour BCD like a PC BIOS leaves it. */
    public Mc146818(VirtualClock clock, IrqLine irq8, LocalDateTime time) {
        this.clock = clock;
        this.irq = irq8;
        this.base = time.withNano(0);
        this.baseNanos = clock.nanos();
        this.writtenDay = base.getDayOfMonth();
        this.lastFlagsRead = clock.nanos();
        this.secondEvent = clock.newEvent(this::secondUpdate);
        this.periodicEvent = clock.newEvent(this::periodicTick);
        ram[REG_A] = 0x26;
        ram[REG_B] = B_24HOUR;
        ram[REG_D] = (byte) 0x80;
        scheduleSecond();
    }

    public void attach(IoBus bus) {
        bus.map(0x70, 2, this);
    }

    /** Whether the last index write set bit 7, which gates NMI on the AT. */
    public boolean nmiMasked() {
        return nmiMasked;
    }

    /** Reads CMOS byte {@code offset} as the guest would, time registers included. */
    public int get(int offset) {
        return readRegister(offset & 0x7F);
    }

    /** Sets a CMOS RAM byte directly (configuration written before boot). */
    public void set(int offset, int value) {
        ram[offset & 0x7F] = (byte) value;
    }

    @Override
    public int read(int port, int size) {
        return port == 0x71 ? readRegister(index) : 0xFF;
    }

    @Override
    public void write(int port, int size, int value) {
        if (port == 0x70) {
            index = value & 0x7F;
            nmiMasked = (value & 0x80) != 0;
        } else {
            writeRegister(index, value & 0xFF);
        }
    }

    private boolean setMode() {
        return (ram[REG_B] & B_SET) != 0;
    }

    private LocalDateTime now() {
        return setMode() ? base : base.plusSeconds((clock.nanos() - baseNanos) / SECOND);
    }

    private int readRegister(int reg) {
        LocalDateTime t = now();
        return switch (reg) {
            case SECONDS -> encode(t.getSecond());
            case MINUTES -> encode(t.getMinute());
            case HOURS -> encodeHour(t.getHour());
            case DAY_OF_WEEK -> encode(t.getDayOfWeek().getValue() % 7 + 1);
            case DAY_OF_MONTH -> encode(setMode() ? writtenDay : t.getDayOfMonth());
            case MONTH -> encode(t.getMonthValue());
            case YEAR -> encode(t.getYear() % 100);
            case CENTURY -> encode(t.getYear() / 100);
            case REG_A -> ram[REG_A] & 0x7F | (updateInProgress() ? 0x80 : 0);
            case REG_C -> readFlags();
            default -> ram[reg] & 0xFF;
        };
    }

    private boolean updateInProgress() {
        if (setMode()) {
            return false;
        }
        long phase = Math.floorMod(clock.nanos() - baseNanos, SECOND);
        return phase >= SECOND - UIP_BEFORE || phase < UIP_AFTER;
    }

    private void writeRegister(int reg, int value) {
        if (!setMode() && reg != DAY_OF_MONTH) {
            writtenDay = now().getDayOfMonth();
        }
        switch (reg) {
            case SECONDS -> setTime(now().withSecond(Math.min(decode(value), 59)));
            case MINUTES -> setTime(now().withMinute(Math.min(decode(value), 59)));
            case HOURS -> setTime(now().withHour(decodeHour(value)));
            case DAY_OF_WEEK -> { }
            case DAY_OF_MONTH -> {
                writtenDay = Math.clamp(decode(value), 1, 31);
                setTime(now());
            }
            case MONTH -> setTime(now().withDayOfMonth(1).withMonth(Math.clamp(decode(value), 1, 12)));
            case YEAR -> setTime(now().withDayOfMonth(1).withYear(now().getYear() / 100 * 100 + decode(value) % 100));
            case CENTURY -> setTime(now().withDayOfMonth(1).withYear(decode(value) * 100 + now().getYear() % 100));
            case REG_A -> {
                ram[REG_A] = (byte) (value & 0x7F);
                schedulePeriodic();
            }
            case REG_B -> writeRegisterB(value);
            case REG_C, REG_D -> { }
            default -> ram[reg] = (byte) value;
        }
    }

    /** Makes {@code time}, with the written day clamped to its month, the time of day from now on. */
    private void setTime(LocalDateTime time) {
        long phase = Math.floorMod(clock.nanos() - baseNanos, SECOND);
        base = time.withDayOfMonth(Math.min(writtenDay, YearMonth.from(time).lengthOfMonth()));
        baseNanos = setMode() ? clock.nanos() : clock.nanos() - phase;
    }

    /** Setting SET freezes the time and clears UIE; clearing it starts the seconds from this moment. */
    private void writeRegisterB(int value) {
        boolean wasSet = setMode();
        if ((value & B_SET) != 0 && !wasSet) {
            base = now();
            writtenDay = base.getDayOfMonth();
            value &= ~B_UIE;
        }
        ram[REG_B] = (byte) value;
        if (wasSet && !setMode()) {
            baseNanos = clock.nanos();
        }
        scheduleSecond();
        schedulePeriodic();
        updateIrq();
    }

    private int readFlags() {
        if (periodPassedSince(lastFlagsRead)) {
            flags |= C_PF;
        }
        lastFlagsRead = clock.nanos();
        int value = flags | (irqRaised() ? C_IRQF : 0);
        flags = 0;
        updateIrq();
        return value;
    }

    private boolean irqRaised() {
        return (flags & ram[REG_B] & (C_PF | C_AF | C_UF)) != 0;
    }

    private void updateIrq() {
        irq.set(irqRaised());
    }

    /** The periodic rate in 32.768 kHz ticks from register A's RS3-RS0 (datasheet table 3), or 0 if off. */
    private long periodTicks() {
        int rate = ram[REG_A] & 0x0F;
        if (rate == 0) {
            return 0;
        }
        return rate <= 2 ? 1L << (rate + 6) : 1L << (rate - 1);
    }

    private boolean periodPassedSince(long nanos) {
        long period = periodTicks();
        return period != 0 && Oscillator.RTC.ticksAt(clock.nanos()) / period > Oscillator.RTC.ticksAt(nanos) / period;
    }

    private void schedulePeriodic() {
        long period = periodTicks();
        if (period == 0 || (ram[REG_B] & B_PIE) == 0) {
            periodicEvent.cancel();
            return;
        }
        long next = (Oscillator.RTC.ticksAt(clock.nanos()) / period + 1) * period;
        periodicEvent.schedule(Oscillator.RTC.nanosAt(next));
    }

    private void periodicTick() {
        flags |= C_PF;
        lastFlagsRead = clock.nanos();
        updateIrq();
        schedulePeriodic();
    }

    private void scheduleSecond() {
        if (setMode()) {
            secondEvent.cancel();
        } else {
            long elapsed = clock.nanos() - baseNanos;
            secondEvent.schedule(baseNanos + (elapsed / SECOND + 1) * SECOND);
        }
    }

    /** The end of an update cycle: UF, and AF when each alarm byte matches or is a don't-care (0xC0-0xFF). */
    private void secondUpdate() {
        flags |= C_UF;
        if (alarmMatches(1, SECONDS) && alarmMatches(3, MINUTES) && alarmMatches(5, HOURS)) {
            flags |= C_AF;
        }
        updateIrq();
        scheduleSecond();
    }

    private boolean alarmMatches(int alarmRegister, int timeRegister) {
        int alarm = ram[alarmRegister] & 0xFF;
        return (alarm & 0xC0) == 0xC0 || alarm == readRegister(timeRegister);
    }

    private boolean binary() {
        return (ram[REG_B] & B_BINARY) != 0;
    }

    private int encode(int value) {
        return binary() ? value : value / 10 << 4 | value % 10;
    }

    private int decode(int value) {
        return binary() ? value : (value >> 4) * 10 + (value & 0xF);
    }

    private int encodeHour(int hour) {
        if ((ram[REG_B] & B_24HOUR) != 0) {
            return encode(hour);
        }
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        return encode(twelve) | (hour >= 12 ? 0x80 : 0);
    }

    private int decodeHour(int value) {
        if ((ram[REG_B] & B_24HOUR) != 0) {
            return Math.min(decode(value), 23);
        }
        int hour = Math.min(decode(value & 0x7F), 12) % 12;
        return (value & 0x80) != 0 ? hour + 12 : hour;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        StateArrays.writeBytes(out, ram);
        out.writeInt(index);
        out.writeBoolean(nmiMasked);
        out.writeInt(flags);
        out.writeLong(base.toEpochSecond(ZoneOffset.UTC));
        out.writeLong(baseNanos);
        out.writeInt(writtenDay);
        out.writeLong(lastFlagsRead);
        secondEvent.saveState(out);
        periodicEvent.saveState(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        StateArrays.readBytes(in, ram);
        index = in.readInt();
        nmiMasked = in.readBoolean();
        flags = in.readInt();
        base = LocalDateTime.ofEpochSecond(in.readLong(), 0, ZoneOffset.UTC);
        baseNanos = in.readLong();
        writtenDay = in.readInt();
        lastFlagsRead = in.readLong();
        secondEvent.restoreState(in);
        periodicEvent.restoreState(in);
    }
}
