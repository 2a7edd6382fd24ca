package dev.mimic.pc.pic;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;
import dev.mimic.x86.system.InterruptRequests;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The PC/AT interrupt controllers: a master 8259A at 0x20/0x21 handling IRQ 0-7 and a slave at
 * 0xA0/0xA1 handling IRQ 8-15 whose output drives the master's IRQ 2, plus the PIIX edge/level
 * control registers (ELCR) at 0x4D0/0x4D1. Devices drive {@link #line}s; the CPU asks
 * {@link #pending()} at instruction boundaries and {@link #acknowledge()}s to get the vector.
 *
 * <p>IRQ 0, 1, 2, 8 and 13 are edge-triggered only (PIIX3 datasheet, ELCR), so their ELCR bits
 * are read-only zero.
 */
public final class PicPair implements InterruptRequests, Snapshottable {
    private static final int CASCADE = 2;
    private static final int SPURIOUS = 7;

    private final Pic8259 master = new Pic8259(0xF8);
    private final Pic8259 slave = new Pic8259(0xDE);
    /** Per input, how many wires {@link #line} handed out and which of them are high. */
    private final int[] wiresPerInput = new int[16];
    private final int[] wireLevels = new int[16];
    /** Per input, who else hears its level (the I/O APIC's pins), or {@link IrqLine#NONE}. */
    private final IrqLine[] listeners = new IrqLine[16];

    public PicPair() {
        Arrays.fill(listeners, IrqLine.NONE);
    }

    /** Claims 0x20-0x21, 0xA0-0xA1 and 0x4D0-0x4D1. */
    public void attach(IoBus bus) {
        bus.map(0x20, 2, ports(master));
        bus.map(0xA0, 2, ports(slave));
        bus.map(0x4D0, 2, new PortDevice() {
            @Override
            public int read(int port, int size) {
                return (port == 0x4D0 ? master : slave).elcr();
            }

            @Override
            public void write(int port, int size, int value) {
                (port == 0x4D0 ? master : slave).writeElcr(value);
                updateCascade();
            }
        });
    }

    private PortDevice ports(Pic8259 chip) {
        return new PortDevice() {
            @Override
            public int read(int port, int size) {
                return (port & 1) == 0 ? readCommand(chip) : chip.readData();
            }

            @Override
            public void write(int port, int size, int value) {
                if ((port & 1) == 0) {
                    chip.writeCommand(value);
                } else {
                    chip.writeData(value);
                }
                updateCascade();
            }
        };
    }

    /** A poll-mode read acknowledges like INTA and returns 0x80 | level, or 0 with nothing pending. */
    private int readCommand(Pic8259 chip) {
        if (!chip.polling()) {
            return chip.readCommand();
        }
        chip.endPoll();
        int irq = chip.highestRequest(chip == master ? CASCADE : -1);
        if (irq < 0) {
            return 0;
        }
        chip.acknowledge(irq);
        updateCascade();
        return 0x80 | irq;
    }

    /**
     * A new wire to ISA interrupt input {@code irq} (0-15; IRQ 2 is the cascade). Several devices
     * may share an input (COM1 and COM3 on IRQ 4): each gets its own wire and the input is high
     * while any of them is, as with devices that let go of the line when idle.
     */
    public IrqLine line(int irq) {
        if (irq < 0 || irq > 15 || irq == CASCADE) {
            throw new IllegalArgumentException("IRQ " + irq + " is not an ISA interrupt input");
        }
        int wire = wiresPerInput[irq]++;
        if (wire >= Integer.SIZE) {
            throw new IllegalStateException("more than 32 devices on IRQ " + irq);
        }
        return level -> {
            int bit = 1 << wire;
            wireLevels[irq] = level ? wireLevels[irq] | bit : wireLevels[irq] & ~bit;
            setIrq(irq, wireLevels[irq] != 0);
        };
    }

    /**
     * Passes each input's level also to {@code inputs.apply(irq)}: on a PC the I/O APIC's pins hang on
     * the same ISA interrupt lines as the 8259A pair, and see the same wired-OR of the devices on each.
     */
    public void alsoDrive(IntFunction<IrqLine> inputs) {
        for (int irq = 0; irq < listeners.length; irq++) {
            listeners[irq] = irq == CASCADE ? IrqLine.NONE : inputs.apply(irq);
        }
    }

    private void setIrq(int irq, boolean level) {
        listeners[irq].set(level);
        if (irq < 8) {
            master.setInput(irq, level);
        } else {
            slave.setInput(irq - 8, level);
            updateCascade();
        }
    }

    private void updateCascade() {
        master.setInput(CASCADE, slave.highestRequest(-1) >= 0);
    }

    @Override
    public boolean pending() {
        return master.highestRequest(CASCADE) >= 0;
    }

    /**
     * The INTA sequence. With nothing to deliver (the request went away between the CPU seeing
     * INTR and acknowledging it) the chip answers IRQ 7's vector, the spurious interrupt.
     */
    @Override
    public int acknowledge() {
        int irq = master.highestRequest(CASCADE);
        if (irq < 0) {
            return master.vector(SPURIOUS);
        }
        master.acknowledge(irq);
        int vector;
        if (irq == CASCADE) {
            int slaveIrq = slave.highestRequest(-1);
            if (slaveIrq < 0) {
                vector = slave.vector(SPURIOUS);
            } else {
                slave.acknowledge(slaveIrq);
                vector = slave.vector(slaveIrq);
            }
        } else {
            vector = master.vector(irq);
        }
        updateCascade();
        return vector;
    }

    /** IRR of both chips, IRQ 8-15 in the high byte, for debuggers and tests. */
    public int requests() {
        return slave.irr() << 8 | master.irr();
    }

    /** ISR of both chips, IRQ 8-15 in the high byte. */
    public int inService() {
        return slave.isr() << 8 | master.isr();
    }

    /** IMR of both chips, IRQ 8-15 in the high byte. */
    public int masks() {
        return slave.imr() << 8 | master.imr();
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        master.saveState(out);
        slave.saveState(out);
        StateArrays.writeInts(out, wireLevels);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        master.restoreState(in);
        slave.restoreState(in);
        StateArrays.readInts(in, wireLevels);
    }
}
