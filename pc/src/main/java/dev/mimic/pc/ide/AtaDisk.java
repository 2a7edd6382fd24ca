package dev.mimic.pc.ide;

import java.nio.charset.StandardCharsets;

/**
 * An ATA hard disk over a {@link DiskImage}: its geometry for CHS addressing (16 heads, 63
 * sectors per track, as BIOSes translate) and the 256 words of IDENTIFY DEVICE data (ATA/ATAPI-6,
 * 8.15) that tell a driver its size, LBA and LBA48 support and PIO modes. It advertises no DMA
 * modes, so drivers use PIO.
 */
public final class AtaDisk {
    static final int HEADS = 16;
    static final int SECTORS_PER_TRACK = 63;
    static final int MAX_MULTIPLE = 16;
    private static final long LBA28_LIMIT = 0x0FFF_FFFF;
    private static final int MAX_CYLINDERS = 16383;

    private final DiskImage image;

    public AtaDisk(DiskImage image) {
        this.image = image;
    }

    DiskImage image() {
        return image;
    }

    long sectors() {
        return image.sectors();
    }

    int cylinders() {
        return Math.clamp(image.sectors() / (HEADS * SECTORS_PER_TRACK), 1, MAX_CYLINDERS);
    }

    /** The IDENTIFY DEVICE block; {@code multipleCount} is the current READ/WRITE MULTIPLE setting. */
    byte[] identify(int multipleCount) {
        int[] words = new int[256];
        long total = image.sectors();
        long chsSectors = (long) cylinders() * HEADS * SECTORS_PER_TRACK;
        long lba28 = Math.min(total, LBA28_LIMIT);
        words[0] = 0x0040;
        words[1] = cylinders();
        words[3] = HEADS;
        words[6] = SECTORS_PER_TRACK;
        string(words, 10, 20, "MIMIC0001");
        string(words, 23, 8, "1.0");
        string(words, 27, 40, "Mimic ATA disk");
        words[47] = 0x8000 | MAX_MULTIPLE;
        words[49] = 0x0200;
        words[50] = 0x4000;
        words[51] = 0x0200;
        words[53] = 0x0003;
        words[54] = cylinders();
        words[55] = HEADS;
        words[56] = SECTORS_PER_TRACK;
        words[57] = (int) (chsSectors & 0xFFFF);
        words[58] = (int) (chsSectors >>> 16 & 0xFFFF);
        words[59] = multipleCount == 0 ? 0 : 0x0100 | multipleCount;
        words[60] = (int) (lba28 & 0xFFFF);
        words[61] = (int) (lba28 >>> 16);
        words[64] = 0x0003;
        words[65] = 120;
        words[66] = 120;
        words[67] = 120;
        words[68] = 120;
        words[80] = 0x007E;
        words[82] = 0x4000;
        words[83] = 0x7400;
        words[84] = 0x4000;
        words[85] = 0x4000;
        words[86] = 0x3400;
        words[87] = 0x4000;
        for (int i = 0; i < 4; i++) {
            words[100 + i] = (int) (total >>> (16 * i) & 0xFFFF);
        }
        byte[] block = new byte[DiskImage.SECTOR];
        for (int i = 0; i < 256; i++) {
            block[2 * i] = (byte) words[i];
            block[2 * i + 1] = (byte) (words[i] >>> 8);
        }
        return block;
    }

    /** ATA strings hold two characters per word, the first in the high byte, padded with spaces. */
    private static void string(int[] words, int first, int length, String text) {
        byte[] padded = String.format("%-" + length + "s", text).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length / 2; i++) {
            words[first + i] = (padded[2 * i] & 0xFF) << 8 | padded[2 * i + 1] & 0xFF;
        }
    }
}
