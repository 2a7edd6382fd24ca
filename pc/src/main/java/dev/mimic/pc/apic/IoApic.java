package dev.mimic.pc.apic;

import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;
import dev.mimic.x86.system.MmioDevice;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The 82093AA I/O APIC at 0xFEC00000, which turns interrupt pins into messages to the local APICs so
 * an OS can route each ISA interrupt to its own vector instead of through the 8259A pair. Registers are
 * reached indirectly: the index in IOREGSEL (offset 0x00), the value in IOWIN (offset 0x10). Register 0
 * is the ID, 1 the version (0x11, 24 entries), 2 the arbitration ID, and 0x10 + 2n / 0x11 + 2n the low
 * and high halves of pin n's redirection entry (datasheet 3.2).
 *
 * <p>An edge on an unmasked edge-triggered pin sends one message; an edge on a masked one is kept and
 * sent at unmask, as QEMU does. An asserted level-triggered pin sends one message and sets the entry's
 * remote IRR, which the local APIC's EOI for that vector clears ({@link #endOfInterrupt}); a pin still
 * asserted then sends again. Pins carry the asserted state, as the board's IRQ lines do (QEMU models
 * them the same way), so the polarity bit is kept for the OS to read and not applied to the level.
 */
public final class IoApic implements MmioDevice, Snapshottable {
    public static final long BASE = 0xFEC0_0000L;
    public static final int LENGTH = 0x1000;
    public static final int PINS = 24;
    private static final int VERSION = 0x11 | (PINS - 1) << 16;
    private static final int SELECT = 0x00, WINDOW = 0x10;
    private static final int ID = 0, VERSION_REGISTER = 1, ARBITRATION = 2, TABLE = 0x10;
    private static final int MASKED = 1 << 16, LEVEL = 1 << 15, REMOTE_IRR = 1 << 14, LOGICAL = 1 << 11;
    /** Bits the OS may write in an entry's low half: all but delivery status (12) and remote IRR (14). */
    private static final int WRITABLE_LOW = 0x1_AFFF;

    private final ApicBus bus;
    private final int[] low = new int[PINS];
    private final int[] high = new int[PINS];
    /** Pins whose line is high, and pins with an edge or level waiting to be sent. */
    private int levels;
    private int requests;
    private int select;
    private int id;

    public IoApic(ApicBus bus) {
        this.bus = bus;
        reset();
    }

    /** Power-on state: ID 0, every entry masked (datasheet 3.2.4). */
    public void reset() {
        Arrays.fill(low, MASKED);
        Arrays.fill(high, 0);
        levels = 0;
        requests = 0;
        select = 0;
        id = 0;
    }

    /** The wire to input pin {@code pin} (0-23). */
    public IrqLine input(int pin) {
        if (pin < 0 || pin >= PINS) {
            throw new IllegalArgumentException("the I/O APIC has no pin " + pin);
        }
        return level -> setPin(pin, level);
    }

    private void setPin(int pin, boolean level) {
        int bit = 1 << pin;
        boolean was = (levels & bit) != 0;
        levels = level ? levels | bit : levels & ~bit;
        if ((low[pin] & LEVEL) != 0) {
            requests = level ? requests | bit : requests & ~bit;
        } else if (level && !was) {
            requests |= bit;
        }
        service();
    }

    /** The local APIC's EOI for a level-triggered {@code vector}: clears the remote IRR of its entries. */
    public void endOfInterrupt(int vector) {
        for (int pin = 0; pin < PINS; pin++) {
            if ((low[pin] & 0xFF) == vector) {
                low[pin] &= ~REMOTE_IRR;
            }
        }
        service();
    }

    private void service() {
        for (int pin = 0; pin < PINS; pin++) {
            int entry = low[pin];
            if ((requests & 1 << pin) == 0 || (entry & MASKED) != 0) {
                continue;
            }
            boolean level = (entry & LEVEL) != 0;
            if (level) {
                if ((entry & REMOTE_IRR) != 0) {
                    continue;
                }
                low[pin] |= REMOTE_IRR;
            } else {
                requests &= ~(1 << pin);
            }
            bus.deliver(new ApicMessage(entry & 0xFF, DeliveryMode.of(entry), (entry & LOGICAL) != 0,
                    high[pin] >>> 24, level));
        }
    }

    @Override
    public int read(long offset, int size) {
        return switch ((int) offset) {
            case SELECT -> select;
            case WINDOW -> readRegister(select);
            default -> 0;
        };
    }

    @Override
    public void write(long offset, int size, int value) {
        switch ((int) offset) {
            case SELECT -> select = value & 0xFF;
            case WINDOW -> writeRegister(select, value);
            default -> { }
        }
    }

    private int readRegister(int index) {
        return switch (index) {
            case ID, ARBITRATION -> id << 24;
            case VERSION_REGISTER -> VERSION;
            default -> {
                int pin = (index - TABLE) >> 1;
                if (index < TABLE || pin >= PINS) {
                    yield 0;
                }
                yield (index & 1) == 0 ? low[pin] : high[pin];
            }
        };
    }

    private void writeRegister(int index, int value) {
        int pin = (index - TABLE) >> 1;
        if (index == ID) {
            id = value >>> 24 & 0xF;
        } else if (index >= TABLE && pin < PINS) {
            if ((index & 1) == 0) {
                int bit = 1 << pin;
                boolean wasLevel = (low[pin] & LEVEL) != 0;
                low[pin] = low[pin] & ~WRITABLE_LOW | value & WRITABLE_LOW;
                if ((low[pin] & LEVEL) != 0) {
                    requests = requests & ~bit | levels & bit;
                } else if (wasLevel) {
                    low[pin] &= ~REMOTE_IRR;
                    requests &= ~bit;
                }
                service();
            } else {
                high[pin] = value & 0xFF00_0000;
            }
        }
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        StateArrays.writeInts(out, low);
        StateArrays.writeInts(out, high);
        out.writeInt(levels);
        out.writeInt(requests);
        out.writeInt(select);
        out.writeInt(id);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        StateArrays.readInts(in, low);
        StateArrays.readInts(in, high);
        levels = in.readInt();
        requests = in.readInt();
        select = in.readInt();
        id = in.readInt();
    }
}
