package dev.mimic.pc.vga;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * What a VGA in one of its own graphics modes shows, scanned from the planes the way the CRT
 * controller fetches them (FreeVGA "CRT Controller Registers", "Graphics Controller Registers"):
 * one memory address per character clock, shifted left by two in doubleword mode (CR14 bit 6) and
 * by one in word mode (CR17 bit 6 clear), CR13 words from one row to the next, rows repeated by
 * the maximum scan line and double scan (CR09), and the address restarting at zero below the line
 * compare scan line. With CR17 bit 0 clear the row scan counter's bit 0 replaces address bit 13,
 * and with bit 1 clear its bit 1 replaces address bit 14: the CGA's and Hercules's interleave of
 * scan lines in banks. With the 256-colour shift (GR05 bit 6) the four planes' bytes at an address
 * are four pixels in a row, each two dots wide, straight through the DAC (mode 13h and the
 * unchained "mode X"); with the interleaved shift (GR05 bit 5) plane 0's byte then plane 1's are
 * four pixels each, two bits a pixel from the most significant end, planes 2 and 3 giving the
 * colour's upper bits (CGA modes 04h and 05h); otherwise a pixel's bit from each plane makes a
 * 4-bit colour (modes 06h, 0Dh, 0Eh, 10h, 12h). Both go through the plane enable (AR12) and the
 * attribute palette.
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
        int shiftMode = registers.graphics[5] >> 5 & 3;
        for (int y = 0; y < height; y++) {
            int scan = y <= lineCompare ? y : y - lineCompare - 1;
            int rowAddress = (y <= lineCompare ? start : 0) + scan / scansPerRow * cr[0x13] * 2;
            int rowScan = (scan >> (cr[9] >> 7 & 1)) % ((cr[9] & 0x1F) + 1);
            if (shiftMode >= 2) {
                drawLine256(pixels, y * width, width, rowAddress, rowScan, palette);
            } else {
                drawLineAttributed(pixels, y * width, width / dotsPerPixel, dotsPerPixel, rowAddress, rowScan, palette, shiftMode == 1);
            }
        }
        return image;
    }

    /**
     * The plane offset the CRT controller reads for memory address counter value {@code counter}
     * on a scan line whose row scan counter is {@code rowScan}.
     */
    private int planeAddress(int counter, int rowScan) {
        int[] cr = registers.crtc;
        int shift = (cr[0x14] & 0x40) != 0 ? 2 : (cr[0x17] & 0x40) == 0 ? 1 : 0;
        int address = counter << shift;
        if ((cr[0x17] & 0x01) == 0) {
            address = address & ~0x2000 | (rowScan & 1) << 13;
        }
        if ((cr[0x17] & 0x02) == 0) {
            address = address & ~0x4000 | (rowScan & 2) << 13;
        }
        return address & (VgaMemory.PLANE_SIZE - 1);
    }

    /** Four pixels per address, one per plane, each two dots wide. */
    private void drawLine256(int[] pixels, int at, int width, int rowAddress, int rowScan, int[] palette) {
        for (int dot = 0; dot < width; dot++) {
            int pixel = dot >> 1;
            int address = planeAddress(rowAddress + (pixel >> 2), rowScan);
            pixels[at + dot] = palette[memory.planes[pixel & 3][address] & 0xFF];
        }
    }

    /**
     * Eight pixels per address through the attribute palette: one bit of each plane per pixel, most
     * significant bit first, or with {@code interleaved} two bits of plane 0 (and 2) per pixel for
     * the first four and of plane 1 (and 3) for the last four.
     */
    private void drawLineAttributed(int[] pixels, int at, int pixelCount, int dotsPerPixel, int rowAddress, int rowScan,
            int[] palette, boolean interleaved) {
        int planeEnable = registers.attribute[0x12] & 0x0F;
        for (int pixel = 0; pixel < pixelCount; pixel++) {
            int address = planeAddress(rowAddress + (pixel >> 3), rowScan);
            int color = interleaved ? interleavedColor(address, pixel & 7) : planarColor(address, 7 - (pixel & 7));
            int rgb = palette[registers.attributeColor(color & planeEnable)];
            for (int d = 0; d < dotsPerPixel; d++) {
                pixels[at + pixel * dotsPerPixel + d] = rgb;
            }
        }
    }

    /** Bit {@code bit} of each plane at {@code address}, plane 0 the least significant. */
    private int planarColor(int address, int bit) {
        int color = 0;
        for (int p = 0; p < 4; p++) {
            color |= (memory.planes[p][address] >> bit & 1) << p;
        }
        return color;
    }

    /**
     * Pixel {@code index} (0-7) of an address in the CGA's packing: its two bits from plane 0 for
     * pixels 0-3 and plane 1 for 4-7, and the next two bits from plane 2 or 3.
     */
    private int interleavedColor(int address, int index) {
        int plane = index >> 2;
        int shift = 6 - 2 * (index & 3);
        return (memory.planes[plane][address] >> shift & 3) | (memory.planes[plane + 2][address] >> shift & 3) << 2;
    }
}
