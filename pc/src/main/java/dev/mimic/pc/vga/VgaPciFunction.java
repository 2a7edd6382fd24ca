package dev.mimic.pc.vga;

import dev.mimic.pc.pci.PciFunction;

/**
 * QEMU's standard VGA as a PCI function (1234:1111, class 0x0300 VGA) with QEMU's three windows:
 * BAR0 the 16 MiB linear framebuffer (prefetchable 32-bit memory), BAR2 4 KiB of registers
 * ({@link VgaMmio}) and, once a VGA BIOS is installed, the expansion ROM BAR holding it. The BIOS
 * places them; vgabios-stdvga and Linux read BAR0 back to find the framebuffer. The ports and the
 * 0xA0000 window are the legacy VGA's, decoded whatever the command register says, as on a PC's
 * primary display.
 */
public final class VgaPciFunction extends PciFunction {
    public static final int VENDOR = 0x1234;
    public static final int DEVICE = 0x1111;
    private static final int BAR0 = 0x10;
    private static final int BAR2 = 0x18;
    private static final int ROM_BAR = 0x30;
    private static final int PREFETCHABLE = 0x08;
    private static final int MEMORY_SPACE_ENABLE = 0x02;
    private static final int ROM_ENABLE = 0x01;

    VgaPciFunction(int framebufferSize) {
        super(VENDOR, DEVICE, 0x02, 0x030000, 0x00);
        writable(COMMAND, 2, 0x0003);
        initial(BAR0, 4, PREFETCHABLE);
        writable(BAR0, 4, -framebufferSize);
        writable(BAR2, 4, -VgaMmio.SIZE);
    }

    /** Makes the expansion ROM BAR decode {@code size} bytes (a power of two), for the VGA BIOS. */
    void enableRomBar(int size) {
        writable(ROM_BAR, 4, -size | ROM_ENABLE);
    }

    /** The framebuffer's physical address, or -1 while memory decoding is off or BAR0 is unplaced. */
    long framebufferBase() {
        return memoryBar(read(BAR0, 4));
    }

    /** The register window's physical address, or -1. */
    long mmioBase() {
        return memoryBar(read(BAR2, 4));
    }

    /** The ROM's physical address, or -1 while its decoding (bit 0) is off. */
    long romBase() {
        int bar = read(ROM_BAR, 4);
        return (bar & ROM_ENABLE) == 0 ? -1 : memoryBar(bar);
    }

    private long memoryBar(int bar) {
        long base = bar & 0xFFFF_FFF0L & ~0x7FFL;
        return (read(COMMAND, 2) & MEMORY_SPACE_ENABLE) == 0 || base == 0 ? -1 : base;
    }
}
