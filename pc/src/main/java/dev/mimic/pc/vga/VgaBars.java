package dev.mimic.pc.vga;

import dev.mimic.x86.system.MmioDevice;

/**
 * The standard VGA's PCI memory windows as the processor reaches them: the framebuffer (BAR0),
 * the register window (BAR2) and the VGA BIOS (the expansion ROM BAR) wherever the firmware put
 * them. The machine maps this device over the whole PCI memory hole once, from the top of low RAM
 * to {@link #HOLE_END}, since the BARs move after the memory map is built; where no BAR answers,
 * reads give all ones and writes are dropped, as on a PCI bus.
 */
public final class VgaBars implements MmioDevice {
    /** Where the PCI memory hole ends: the I/O APIC's page, above which the chipset's devices and the BIOS sit. */
    public static final long HOLE_END = 0xFEC0_0000L;

    private final VgaPciFunction function;
    private final byte[] framebuffer;
    private final VgaMmio mmio;
    private final byte[] rom;
    private final long holeStart;

    VgaBars(VgaPciFunction function, byte[] framebuffer, VgaMmio mmio, byte[] rom, long holeStart) {
        this.function = function;
        this.framebuffer = framebuffer;
        this.mmio = mmio;
        this.rom = rom;
        this.holeStart = holeStart;
    }

    @Override
    public int read(long offset, int size) {
        long address = holeStart + offset;
        long inside = inside(address, function.framebufferBase(), framebuffer.length, size);
        if (inside >= 0) {
            return bytes(framebuffer, (int) inside, size);
        }
        inside = inside(address, function.mmioBase(), VgaMmio.SIZE, size);
        if (inside >= 0) {
            return mmio.read(inside, size);
        }
        inside = rom.length == 0 ? -1 : inside(address, function.romBase(), rom.length, size);
        return inside >= 0 ? bytes(rom, (int) inside, size) : -1;
    }

    @Override
    public void write(long offset, int size, int value) {
        long address = holeStart + offset;
        long inside = inside(address, function.framebufferBase(), framebuffer.length, size);
        if (inside >= 0) {
            for (int i = 0; i < size; i++) {
                framebuffer[(int) inside + i] = (byte) (value >>> (8 * i));
            }
            return;
        }
        inside = inside(address, function.mmioBase(), VgaMmio.SIZE, size);
        if (inside >= 0) {
            mmio.write(inside, size, value);
        }
    }

    /** The offset of an access of {@code size} at {@code address} in the window at {@code base}, or -1 if not all inside. */
    private static long inside(long address, long base, int length, int size) {
        long at = address - base;
        return base < 0 || at < 0 || at + size > length ? -1 : at;
    }

    private static int bytes(byte[] from, int at, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= (from[at + i] & 0xFF) << (8 * i);
        }
        return value;
    }
}
