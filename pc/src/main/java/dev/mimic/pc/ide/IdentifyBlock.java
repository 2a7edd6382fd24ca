package dev.mimic.pc.ide;

import java.nio.charset.StandardCharsets;

/** The 256 words of an IDENTIFY (PACKET) DEVICE answer, built word by word and packed little-endian. */
final class IdentifyBlock {
    private final int[] words = new int[256];

    IdentifyBlock set(int index, int value) {
        words[index] = value & 0xFFFF;
        return this;
    }

    /** An ATA string: two characters per word, the first in the high byte, padded with spaces. */
    IdentifyBlock string(int first, int length, String text) {
        byte[] padded = String.format("%-" + length + "s", text).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length / 2; i++) {
            words[first + i] = (padded[2 * i] & 0xFF) << 8 | padded[2 * i + 1] & 0xFF;
        }
        return this;
    }

    /** The serial number, firmware revision and model every Mimic drive reports. */
    IdentifyBlock names(String model) {
        return string(10, 20, "MIMIC0001").string(23, 8, "1.0").string(27, 40, model);
    }

    /**
     * The DMA words (ATA-6 8.15.x, words 49, 53, 63 and 88): multiword DMA modes 0-2 and Ultra DMA
     * 0-5 supported, and which one SET FEATURES selected ({@code mode} as its sector count gives
     * it: 0x20 | n for multiword DMA n, 0x40 | n for Ultra DMA n; anything else selects none).
     */
    IdentifyBlock dma(int mode) {
        words[49] |= 0x0100;
        words[53] |= 0x0004;
        words[63] = 0x0007 | ((mode & 0xF8) == 0x20 ? 0x100 << (mode & 7) : 0);
        words[88] = 0x003F | ((mode & 0xF8) == 0x40 ? 0x100 << (mode & 7) : 0);
        return this;
    }

    byte[] bytes() {
        byte[] block = new byte[DiskImage.SECTOR];
        for (int i = 0; i < words.length; i++) {
            block[2 * i] = (byte) words[i];
            block[2 * i + 1] = (byte) (words[i] >>> 8);
        }
        return block;
    }
}
