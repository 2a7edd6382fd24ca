package dev.mimic.pc.vga;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * What a VGA in one of its own graphics modes shows, scanned from the planes the way the CRT
 * controller fetches them (FreeVGA "CRT Controller Registers", "Graphics Controller Registers"):
 * one memory address per character clock, shifted left by two in doubleword mode (CR14 bit 6) and
 * by one in word mode (CR17 bit 6 clear), CR13 words from one row to the next, rows repeated by
 * the maximum scan line and double scan (CR09), and the address restarting at zero below the line
 * compare scan line. With the 256-colour shift (GR05 bit 6) the four planes' bytes at an address
 * are four pixels in a row, each two dots wide, straight through the DAC (mode 13h and the
 * unchained "mode X"); otherwise a pixel's bit from each enabled plane (AR12) makes a 4-bit
 * colour through the attribute palette (modes 0Dh, 0Eh, 10h, 12h).
 *
 * <p>The image has one pixel per dot and per scan line (mode 13h is 640x400, as a monitor and
 * QEMU's screendump see it); SR01 bit 3 halves the dot clock, doubling each pixel.
 */
final class GraphicsScreen {
    private final VgaRegisters registers;
    private final VgaMemory memory;
    private final VbeRegisters vbe;

    GraphicsScreen(VgaRegisters registers, VgaMemory memory, VbeRegisters vbe) {
        this.registers = registers;
        this.memory = memory;
        this.vbe = vbe;
    }

    BufferedImage render() {
        int[] cr = registers.crtc;
        int dotsPerPixel = (registers.sequencer[1] & 0x08) != 0 ? 2 : 1;
        int width = (cr[1] + 1) * 8 * dotsPerPixel;
        int height = registers.verticalDisplayEnd() + 1;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int scansPerRow = ((cr[9] & 0x1F) + 1) << (cr[9] >> 7 & 1);
        int lineCompare = cr[0x18] | (cr[7] & 0x10) << 4 | (cr[9] & 0x40) << 3;
        int start = cr[0x0C] << 8 | cr[0x0D];
        int[] palette = registers.palette(vbe.eightBitDac());
        boolean colors256 = (registers.graphics[5] & 0x40) != 0;
        for (int y = 0; y < height; y++) {
            int rowAddress = y <= lineCompare
                    ? start + y / scansPerRow * cr[0x13] * 2
                    : (y - lineCompare - 1) / scansPerRow * cr[0x13] * 2;
            if (colors256) {
                drawLine256(pixels, y * width, width, rowAddress, palette);
            } else {
                drawLine16(pixels, y * width, width / dotsPerPixel, dotsPerPixel, rowAddress, palette);
            }
        }
        return image;
    }

    /** The plane offset the CRT controller reads for memory address counter value {@code counter}. */
    private int planeAddress(int counter) {
        int[] cr = registers.crtc;
        int shift = (cr[0x14] & 0x40) != 0 ? 2 : (cr[0x17] & 0x40) == 0 ? 1 : 0;
        return counter << shift & (VgaMemory.PLANE_SIZE - 1);
    }

    /** Four pixels per address, one per plane, each two dots wide. */
    private void drawLine256(int[] pixels, int at, int width, int rowAddress, int[] palette) {
        for (int dot = 0; dot < width; dot++) {
            int pixel = dot >> 1;
            int address = planeAddress(rowAddress + (pixel >> 2));
            pixels[at + dot] = palette[memory.planes[pixel & 3][address] & 0xFF];
        }
    }

    /** Eight pixels per address, one bit of each plane per pixel, most significant bit first. */
    private void drawLine16(int[] pixels, int at, int pixelCount, int dotsPerPixel, int rowAddress, int[] palette) {
        int planeEnable = registers.attribute[0x12] & 0x0F;
        for (int pixel = 0; pixel < pixelCount; pixel++) {
            int address = planeAddress(rowAddress + (pixel >> 3));
            int bit = 7 - (pixel & 7);
            int color = 0;
            for (int p = 0; p < 4; p++) {
                color |= (memory.planes[p][address] >> bit & 1) << p;
            }
            int rgb = palette[registers.attributeColor(color & planeEnable)];
            for (int d = 0; d < dotsPerPixel; d++) {
                pixels[at + pixel * dotsPerPixel + d] = rgb;
            }
        }
    }
}
