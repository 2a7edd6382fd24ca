package dev.mimic.pc.bus;

import dev.mimic.x86.system.IoPorts;

/**
 * The PC's I/O address space: devices claim port ranges, and an access goes to the device that
 * claimed its port. A port nobody claimed reads as all ones (the bus floats high) and swallows
 * writes. An access wider than the device takes is split into byte accesses, low port first, each
 * routed on its own, so a word read across two devices or half into the void still composes.
 */
public final class IoBus implements IoPorts {
    private static final int PORTS = 0x10000;
    private final PortDevice[] devices = new PortDevice[PORTS];

    /** Gives ports [base, base + count) to {@code device}; a port already claimed is an error. */
    public void map(int base, int count, PortDevice device) {
        if (base < 0 || count <= 0 || base + count > PORTS) {
            throw new IllegalArgumentException("port range 0x" + Integer.toHexString(base) + "+" + count + " is outside 0-0xffff");
        }
        for (int p = base; p < base + count; p++) {
            if (devices[p] != null) {
                throw new IllegalArgumentException("port 0x" + Integer.toHexString(p) + " is already claimed");
            }
        }
        for (int p = base; p < base + count; p++) {
            devices[p] = device;
        }
    }

    /** Releases ports [base, base + count), as when a PCI BAR moves. */
    public void unmap(int base, int count) {
        for (int p = base; p < base + count && p < PORTS; p++) {
            devices[p] = null;
        }
    }

    @Override
    public int in(int port, int size) {
        port &= PORTS - 1;
        PortDevice device = devices[port];
        if (device != null && device.accepts(port, size)) {
            return device.read(port, size) & mask(size);
        }
        int value = 0;
        for (int i = 0; i < size; i++) {
            int p = (port + i) & (PORTS - 1);
            PortDevice d = devices[p];
            value |= (d == null ? 0xFF : d.read(p, 1) & 0xFF) << (8 * i);
        }
        return value;
    }

    @Override
    public void out(int port, int size, int value) {
        port &= PORTS - 1;
        PortDevice device = devices[port];
        if (device != null && device.accepts(port, size)) {
            device.write(port, size, value & mask(size));
            return;
        }
        for (int i = 0; i < size; i++) {
            int p = (port + i) & (PORTS - 1);
            PortDevice d = devices[p];
            if (d != null) {
                d.write(p, 1, (value >>> (8 * i)) & 0xFF);
            }
        }
    }

    private static int mask(int size) {
        return size == 4 ? -1 : (1 << (8 * size)) - 1;
    }
}
