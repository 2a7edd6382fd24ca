package dev.mimic.pc.vga;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * What the framebuffer shows in a Bochs VBE mode: XRES by YRES pixels from the panning offset,
 * VIRT_WIDTH pixels from one line to the next, little-endian pixels of 8 bits (through the DAC),
 * 15 (x:5:5:5), 16 (5:6:5), 24 (B, G, R bytes) or 32 (B, G, R, x). Narrow components are widened
 * by repeating their top bits below them, so the brightest is 0xFF (as QEMU's display does).
 */
final class VbeScreen {
    private final VgaRegisters registers;
    private final VbeRegisters vbe;
    private final byte[] framebuffer;

    VbeScreen(VgaRegisters registers, VbeRegisters vbe, byte[] framebuffer) {
        this.registers = registers;
        this.vbe = vbe;
        this.framebuffer = framebuffer;
    }

    BufferedImage render() {
        int width = Math.max(1, vbe.width());
        int height = Math.max(1, vbe.height());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int bytes = vbe.bytesPerPixel();
        int bpp = vbe.bitsPerPixel();
        int[] palette = registers.palette(vbe.eightBitDac());
        for (int y = 0; y < height; y++) {
            long line = vbe.start() + (long) y * vbe.stride();
            for (int x = 0; x < width; x++) {
                long at = line + (long) x * bytes;
                if (at + bytes > framebuffer.length) {
                    return image;
                }
                pixels[y * width + x] = pixel(bpp, (int) at, palette);
            }
        }
        return image;
    }

    private int pixel(int bpp, int at, int[] palette) {
        byte[] fb = framebuffer;
        return switch (bpp) {
            case 8 -> palette[fb[at] & 0xFF];
            case 15 -> {
                int v = fb[at] & 0xFF | (fb[at + 1] & 0xFF) << 8;
                yield widen(v >> 10, 5) << 16 | widen(v >> 5, 5) << 8 | widen(v, 5);
            }
            case 16 -> {
                int v = fb[at] & 0xFF | (fb[at + 1] & 0xFF) << 8;
                yield widen(v >> 11, 5) << 16 | widen(v >> 5, 6) << 8 | widen(v, 5);
            }
            case 24, 32 -> (fb[at + 2] & 0xFF) << 16 | (fb[at + 1] & 0xFF) << 8 | fb[at] & 0xFF;
            default -> 0;
        };
    }

    /** A {@code bits}-wide component (the low bits of {@code value}) as eight bits. */
    private static int widen(int value, int bits) {
        int component = value & (1 << bits) - 1;
        return component << (8 - bits) | component >> (2 * bits - 8);
    }
}
