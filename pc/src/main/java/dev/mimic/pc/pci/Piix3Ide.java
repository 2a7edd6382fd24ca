package dev.mimic.pc.pci;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.ide.BusMaster;

/**
 * The PIIX3's IDE controller, function 1 of 00:01, 8086:7010. Its channels sit at the legacy ISA
 * addresses (0x1F0/IRQ 14, 0x170/IRQ 15), so the only base address register is BMIBA at 0x20:
 * 16 I/O ports of bus-master IDE registers, the primary channel's {@link BusMaster} in the first
 * eight and the secondary's in the rest. They answer while the command register's I/O space bit
 * is set. Timing registers IDETIM (0x40-0x43) and SIDETIM (0x44) hold what the BIOS writes.
 */
public final class Piix3Ide extends PciFunction {
    private static final int BMIBA = 0x20;
    private static final int IO_SPACE_ENABLE = 0x01;
    private static final int BLOCK_PORTS = 16;

    private final IoBus bus;
    private final BusMaster[] channels;
    private final PortDevice registers = new PortDevice() {
        @Override
        public int read(int port, int size) {
            int offset = port - mappedBase;
            return channels[offset >> 3].read(offset & 7, size);
        }

        @Override
        public void write(int port, int size, int value) {
            int offset = port - mappedBase;
            channels[offset >> 3].write(offset & 7, size, value);
        }

        @Override
        public boolean accepts(int port, int size) {
            return ((port - mappedBase) & 7) + size <= 8 && (size != 4 || (port & 3) == 0);
        }
    };
    /** Where the bus-master block is on the bus, or -1. */
    private int mappedBase = -1;

    public Piix3Ide(IoBus bus, BusMaster primary, BusMaster secondary) {
        super(0x8086, 0x7010, 0x00, 0x010180, 0x00);
        this.bus = bus;
        this.channels = new BusMaster[] {primary, secondary};
        initial(STATUS, 2, 0x0280);
        writable(COMMAND, 2, 0x0005);
        writeOneToClear(STATUS, 2, 0x3800);
        writable(0x0D, 1, 0xF0);
        // Bit 0 is hard-wired to 1 (I/O space); bits 31:4 are the 16-byte block's address. The
        // datasheet reserves 31:16, but a BIOS sizes the BAR as ~(value & ~3) + 1 over all 32 bits
        // (SeaBIOS does), so they must read back ones, as QEMU's do.
        initial(BMIBA, 4, 0x0000_0001);
        writable(BMIBA, 4, 0xFFFF_FFF0);
        writable(0x40, 4, 0xF3FF_F3FF);
        writable(0x44, 1, 0xFF);
    }

    /** The bus-master registers' I/O base, or -1 while I/O decoding is off or the BAR points past the 64 KiB of ports. */
    public int busMasterBase() {
        int bar = read(BMIBA, 4) & ~0xF;
        return (read(COMMAND, 2) & IO_SPACE_ENABLE) == 0 || bar >>> 16 != 0 ? -1 : bar;
    }

    /**
     * Moves the block to where BMIBA and the command register now put it. A base of 0 (not yet
     * assigned) or one over ports another device holds does not decode, as a BAR a BIOS never
     * placed answers nowhere.
     */
    @Override
    protected void configWritten(int offset, int size) {
        if (!touches(offset, size, COMMAND, 2) && !touches(offset, size, BMIBA, 4)) {
            return;
        }
        int base = busMasterBase();
        if (base == mappedBase) {
            return;
        }
        if (mappedBase >= 0) {
            bus.unmap(mappedBase, BLOCK_PORTS);
            mappedBase = -1;
        }
        if (base > 0) {
            try {
                bus.map(base, BLOCK_PORTS, registers);
                mappedBase = base;
            } catch (IllegalArgumentException taken) {
                mappedBase = -1;
            }
        }
    }
}
