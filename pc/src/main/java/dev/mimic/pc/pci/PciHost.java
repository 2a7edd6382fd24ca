package dev.mimic.pc.pci;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * PCI configuration mechanism #1 (PCI 3.0 section 3.2.2.3.2) on bus 0: the dword
 * CONFIG_ADDRESS register at 0xCF8 (enable bit 31, bus, device, function, register) and the data
 * window at 0xCFC-0xCFF. A function that does not exist, or an access with the enable bit clear,
 * reads as all ones. Port 0xCF9, inside the window's byte range, is the PIIX3 reset control
 * register, whose RST_CPU bit resets the machine.
 */
public final class PciHost implements PortDevice, Snapshottable {
    private static final int ADDRESS_PORT = 0xCF8;
    private static final int RESET_PORT = 0xCF9;
    private static final int DATA_PORT = 0xCFC;
    private static final int RESET_CPU = 0x04;

    private final PciFunction[] functions = new PciFunction[256];
    private final Runnable reset;
    private int address;
    private int resetControl;

    /** @param reset run when the guest asks for a reset through port 0xCF9 */
    public PciHost(Runnable reset) {
        this.reset = reset;
    }

    public void attach(IoBus bus) {
        bus.map(ADDRESS_PORT, 8, this);
    }

    /** Places {@code function} at 00:{@code device}.{@code fn}. */
    public void add(int device, int fn, PciFunction function) {
        int slot = device << 3 | fn;
        if (functions[slot] != null) {
            throw new IllegalArgumentException(String.format("PCI 00:%02x.%d is already taken", device, fn));
        }
        functions[slot] = function;
    }

    @Override
    public boolean accepts(int port, int size) {
        return port == ADDRESS_PORT ? size == 4 : port >= DATA_PORT && (port & 3) + size <= 4;
    }

    @Override
    public int read(int port, int size) {
        if (port >= DATA_PORT) {
            PciFunction f = selected();
            return f == null ? -1 : f.read((address & 0xFC) + (port & 3), size);
        }
        if (port == ADDRESS_PORT && size == 4) {
            return address;
        }
        return port == RESET_PORT ? resetControl : 0xFF;
    }

    /** Byte writes to 0xCF8, 0xCFA and 0xCFB are not configuration cycles and are dropped. */
    @Override
    public void write(int port, int size, int value) {
        if (port >= DATA_PORT) {
            PciFunction f = selected();
            if (f != null) {
                f.write((address & 0xFC) + (port & 3), size, value);
            }
        } else if (port == ADDRESS_PORT && size == 4) {
            address = value & 0x80FF_FFFC;
        } else if (port == RESET_PORT) {
            writeResetControl(value);
        }
    }

    /** RST_CPU going from 0 to 1 starts the reset; SYS_RST (bit 1) would make it a hard one, which is the same here. */
    private void writeResetControl(int value) {
        boolean start = (value & RESET_CPU) != 0 && (resetControl & RESET_CPU) == 0;
        resetControl = value & 0x02;
        if (start) {
            reset.run();
        }
    }

    private PciFunction selected() {
        boolean enabled = address < 0;
        int bus = address >>> 16 & 0xFF;
        return enabled && bus == 0 ? functions[address >>> 8 & 0xFF] : null;
    }

    /** The address register, reset control and every function's configuration space, in slot order. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(address);
        out.writeInt(resetControl);
        for (PciFunction f : functions) {
            if (f != null) {
                f.saveState(out);
            }
        }
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        address = in.readInt();
        resetControl = in.readInt();
        for (PciFunction f : functions) {
            if (f != null) {
                f.restoreState(in);
            }
        }
    }
}
