package dev.mimic.pc.pci;

/**
 * The PIIX3's IDE controller, function 1 of 00:01, 8086:7010. Its channels sit at the legacy ISA
 * addresses (0x1F0/IRQ 14, 0x170/IRQ 15), so the only base address register is BMIBA at 0x20:
 * 16 I/O ports of bus-master IDE registers. Timing registers IDETIM (0x40-0x43) and SIDETIM
 * (0x44) hold what the BIOS writes.
 */
public final class Piix3Ide extends PciFunction {
    private static final int BMIBA = 0x20;
    private static final int IO_SPACE_ENABLE = 0x01;

    public Piix3Ide() {
        super(0x8086, 0x7010, 0x00, 0x010180, 0x00);
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

    /** The bus-master registers' I/O base, or -1 while I/O decoding is off. */
    public int busMasterBase() {
        return (read(COMMAND, 2) & IO_SPACE_ENABLE) == 0 ? -1 : read(BMIBA, 4) & 0xFFF0;
    }
}
