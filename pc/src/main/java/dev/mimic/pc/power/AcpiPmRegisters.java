package dev.mimic.pc.power;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.clock.ClockEvent;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The ACPI fixed hardware of the PIIX4's power-management function, what an ACPI operating system
 * drives through the FADT: the PM1 event block (status, enable), the PM1 control block (SCI_EN
 * and the sleep request, ACPI 6.5 4.8.3.2), the 24-bit 3.579545 MHz power-management timer, the
 * general-purpose event block GPE0 at 0xAFE0 where the BIOS's FADT puts it on QEMU's PC, and the
 * APM control and status ports 0xB2/0xB3, through which the OS asks for ACPI mode. With no system
 * management mode on this board, writing the FADT's ACPI_ENABLE (0xF1) to 0xB2 sets SCI_EN at once
 * and ACPI_DISABLE (0xF0) clears it, which is what the BIOS's SMI handler would do.
 *
 * <p>Setting SLP_EN with SLP_TYP 0 (the PIIX4's "soft off", which the BIOS's DSDT gives as
 * {@code \_S5}) powers the machine off. The other sleep types (suspend to RAM and the power-on
 * suspend states) are not modelled: the request is ignored and the guest runs on. The SCI is a
 * level on IRQ 9 while SCI_EN is set and an enabled PM1 or GPE0 status bit is set.
 */
public final class AcpiPmRegisters implements Snapshottable {
    /** The PM I/O block's size in ports (PIIX4 PMBA, 64 bytes). */
    public static final int BLOCK_PORTS = 64;
    public static final int SCI_IRQ = 9;
    public static final int GPE0_BASE = 0xAFE0;
    public static final int APM_CONTROL = 0xB2;
    /** ACPI's PM timer frequency, Hz. */
    public static final long TIMER_HZ = 3_579_545;

    static final int PM1_STATUS = 0x00, PM1_ENABLE = 0x02, PM1_CONTROL = 0x04, PM_TIMER = 0x08;
    static final int TIMER_OVERFLOW = 1, SCI_ENABLE = 1, SLEEP_ENABLE = 1 << 13;
    private static final int SLEEP_TYPE_SHIFT = 10, SLEEP_TYPE_MASK = 7, SOFT_OFF = 0;
    /** PM1 status bits of the PIIX4: timer overflow, bus master, global, power button, RTC, wake. */
    private static final int PM1_STATUS_BITS = 0x8D31, PM1_ENABLE_BITS = 0x0521;
    private static final int ACPI_ENABLE = 0xF1, ACPI_DISABLE = 0xF0;
    private static final long TIMER_MSB = 1 << 23;

    private final VirtualClock clock;
    private final IrqLine sci;
    private final Runnable powerOff;
    private final ClockEvent timerMsbToggle;
    private int pm1Status, pm1Enable, pm1Control, gpeStatus, gpeEnable, apmControl, apmStatus;

    /** The PM1 and timer block, which the PCI function places at its PMBA. */
    private final Ports pmBlock = new Ports(0) {
        @Override
        int readByte(int offset) {
            return switch (offset & ~1) {
                case PM1_STATUS -> pm1Status >>> 8 * (offset & 1);
                case PM1_ENABLE -> pm1Enable >>> 8 * (offset & 1);
                case PM1_CONTROL -> pm1Control >>> 8 * (offset & 1);
                case PM_TIMER, PM_TIMER + 2 -> (int) (timer() >>> 8 * (offset - PM_TIMER));
                default -> 0;
            };
        }

        @Override
        void writeAt(int offset, int value, int width) {
            for (int i = 0; i < width; i++) {
                writeByte(offset + i, value >>> 8 * i & 0xFF);
            }
            if (offset <= PM1_CONTROL + 1 && offset + width > PM1_CONTROL) {
                requestSleep();
            }
            updateSci();
        }

        private void writeByte(int offset, int b) {
            int shift = 8 * (offset & 1);
            switch (offset & ~1) {
                case PM1_STATUS -> pm1Status &= ~(b << shift & PM1_STATUS_BITS);
                case PM1_ENABLE -> {
                    pm1Enable = (pm1Enable & ~(0xFF << shift) | b << shift) & PM1_ENABLE_BITS;
                    scheduleOverflow();
                }
                case PM1_CONTROL -> pm1Control = pm1Control & ~(0xFF << shift) | b << shift;
                default -> { }
            }
        }
    };

    /** GPE0: two status bytes (write one to clear) then two enable bytes. */
    private final Ports gpeBlock = new Ports(GPE0_BASE) {
        @Override
        int readByte(int offset) {
            return (offset < 2 ? gpeStatus : gpeEnable) >>> 8 * (offset & 1);
        }

        @Override
        void writeAt(int offset, int value, int width) {
            for (int i = 0; i < width; i++) {
                int o = offset + i, b = (value >>> 8 * i & 0xFF) << 8 * (o & 1);
                if (o < 2) {
                    gpeStatus &= ~b;
                } else {
                    gpeEnable = gpeEnable & ~(0xFF << 8 * (o & 1)) | b;
                }
            }
            updateSci();
        }
    };

    /** APMC (0xB2), whose ACPI_ENABLE and ACPI_DISABLE commands switch SCI_EN, and APMS (0xB3), a scratch byte. */
    private final PortDevice apmPorts = new PortDevice() {
        @Override
        public int read(int port, int size) {
            return port == APM_CONTROL ? apmControl : apmStatus;
        }

        @Override
        public void write(int port, int size, int value) {
            if (port != APM_CONTROL) {
                apmStatus = value & 0xFF;
                return;
            }
            apmControl = value & 0xFF;
            if (apmControl == ACPI_ENABLE) {
                pm1Control |= SCI_ENABLE;
            } else if (apmControl == ACPI_DISABLE) {
                pm1Control &= ~SCI_ENABLE;
            }
            updateSci();
        }
    };

    /** @param powerOff run when the guest enters the soft-off state */
    public AcpiPmRegisters(VirtualClock clock, IrqLine sci, Runnable powerOff) {
        this.clock = clock;
        this.sci = sci;
        this.powerOff = powerOff;
        this.timerMsbToggle = clock.newEvent(this::timerOverflowed);
    }

    /** Puts GPE0 and the APM ports on {@code bus}; the PM block goes where the PCI function's PMBA says. */
    public void attach(IoBus bus) {
        bus.map(GPE0_BASE, 4, gpeBlock);
        bus.map(APM_CONTROL, 2, apmPorts);
    }

    /** Puts the PM1 and timer block at {@code base} on {@code bus} (the PCI function's PMBA), or takes it off for a negative base. */
    public void mapPmBlock(IoBus bus, int base) {
        if (pmBlock.base > 0) {
            bus.unmap(pmBlock.base, BLOCK_PORTS);
            pmBlock.base = 0;
        }
        if (base > 0) {
            try {
                bus.map(base, BLOCK_PORTS, pmBlock);
                pmBlock.base = base;
            } catch (IllegalArgumentException taken) {
                pmBlock.base = 0;     // a PMBA over another device's ports does not decode
            }
        }
    }

    /** The PM timer's 24 bits: the virtual clock at 3.579545 MHz. */
    long timer() {
        return ticks(clock.nanos()) & 0xFF_FFFF;
    }

    private static long ticks(long nanos) {
        return nanos / 1_000_000_000L * TIMER_HZ + nanos % 1_000_000_000L * TIMER_HZ / 1_000_000_000L;
    }

    /** When the tick count next reaches a multiple of 2^23 (the timer's MSB toggles), in virtual nanoseconds. */
    private long nextToggle() {
        long next = (ticks(clock.nanos()) / TIMER_MSB + 1) * TIMER_MSB;
        long nanos = next / TIMER_HZ * 1_000_000_000L + (next % TIMER_HZ * 1_000_000_000L + TIMER_HZ - 1) / TIMER_HZ;
        return Math.max(nanos, clock.nanos() + 1);
    }

    /** TMROF_STS is set each time the MSB toggles; only while TMR_EN is set does anyone need the event. */
    private void scheduleOverflow() {
        if ((pm1Enable & TIMER_OVERFLOW) != 0) {
            if (!timerMsbToggle.scheduled()) {
                timerMsbToggle.schedule(nextToggle());
            }
        } else {
            timerMsbToggle.cancel();
        }
    }

    private void timerOverflowed() {
        pm1Status |= TIMER_OVERFLOW;
        scheduleOverflow();
        updateSci();
    }

    private void requestSleep() {
        if ((pm1Control & SLEEP_ENABLE) == 0) {
            return;
        }
        pm1Control &= ~SLEEP_ENABLE;     // write-only: it always reads 0
        if ((pm1Control >>> SLEEP_TYPE_SHIFT & SLEEP_TYPE_MASK) == SOFT_OFF) {
            powerOff.run();
        }
    }

    private void updateSci() {
        boolean pending = (pm1Status & pm1Enable) != 0 || (gpeStatus & gpeEnable) != 0;
        sci.set((pm1Control & SCI_ENABLE) != 0 && pending);
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (int v : new int[] {pm1Status, pm1Enable, pm1Control, gpeStatus, gpeEnable, apmControl, apmStatus}) {
            out.writeInt(v);
        }
        timerMsbToggle.saveState(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        pm1Status = in.readInt();
        pm1Enable = in.readInt();
        pm1Control = in.readInt();
        gpeStatus = in.readInt();
        gpeEnable = in.readInt();
        apmControl = in.readInt();
        apmStatus = in.readInt();
        timerMsbToggle.restoreState(in);
        updateSci();
    }

    /**
     * A block of byte registers reached by byte, word or dword accesses (the PM timer is read as a
     * dword): a read puts the bytes together, a write is handed over whole so that a register sees
     * all of its bytes at once.
     */
    private abstract static class Ports implements PortDevice {
        /** The first port, 0 while not on the bus. */
        int base;

        Ports(int base) {
            this.base = base;
        }

        abstract int readByte(int offset);

        abstract void writeAt(int offset, int value, int width);

        @Override
        public boolean accepts(int port, int size) {
            return size == 1 || size == 2 && (port & 1) == 0 || size == 4 && (port & 3) == 0;
        }

        @Override
        public int read(int port, int size) {
            int v = 0;
            for (int i = 0; i < size; i++) {
                v |= (readByte(port - base + i) & 0xFF) << 8 * i;
            }
            return v;
        }

        @Override
        public void write(int port, int size, int value) {
            writeAt(port - base, value, size);
        }
    }
}
