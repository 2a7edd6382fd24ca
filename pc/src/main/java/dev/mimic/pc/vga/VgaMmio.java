package dev.mimic.pc.vga;

import dev.mimic.x86.system.MmioDevice;

/**
 * The standard VGA's register window behind BAR2, laid out as QEMU's: the VGA ports 0x3C0-0x3DF
 * at 0x400, the Bochs VBE registers as sixteen-bit words at 0x500, and at 0x600 QEMU's extended
 * registers (the extension's size, and the framebuffer's byte order: little-endian). Linux's
 * bochs driver prefers this window to the ports.
 */
final class VgaMmio implements MmioDevice {
    static final int SIZE = 0x1000;
    private static final int VGA_PORTS = 0x400, VGA_PORTS_END = 0x420, VBE = 0x500, VBE_END = 0x516;
    private static final int EXTENSION_SIZE = 0x600, BYTE_ORDER = 0x604;
    private static final int LITTLE_ENDIAN = 0x1E1E1E1E;

    private final VgaRegisters vga;
    private final VbeRegisters vbe;

    VgaMmio(VgaRegisters vga, VbeRegisters vbe) {
        this.vga = vga;
        this.vbe = vbe;
    }

    @Override
    public int read(long offset, int size) {
        if (offset >= VGA_PORTS && offset < VGA_PORTS_END) {
            int value = 0;
            for (int i = 0; i < size; i++) {
                value |= vga.read(port(offset + i), 1) << (8 * i);
            }
            return value;
        }
        if (offset >= VBE && offset < VBE_END) {
            return vbe.register((int) (offset - VBE) >> 1);
        }
        if (offset == EXTENSION_SIZE) {
            return 8;
        }
        return offset == BYTE_ORDER ? LITTLE_ENDIAN : 0;
    }

    @Override
    public void write(long offset, int size, int value) {
        if (offset >= VGA_PORTS && offset < VGA_PORTS_END) {
            for (int i = 0; i < size; i++) {
                vga.write(port(offset + i), 1, value >>> (8 * i) & 0xFF);
            }
        } else if (offset >= VBE && offset < VBE_END) {
            vbe.setRegister((int) (offset - VBE) >> 1, value & 0xFFFF);
        }
    }

    private static int port(long offset) {
        return 0x3C0 + (int) (offset - VGA_PORTS);
    }
}
