package dev.mimic.pc.ide;

/**
 * An ATA hard disk over a {@link DiskImage}: its geometry for CHS addressing (16 heads, 63
 * sectors per track, as BIOSes translate) and the 256 words of IDENTIFY DEVICE data (ATA/ATAPI-6,
 * 8.15) that tell a driver its size, LBA and LBA48 support, and its PIO and DMA modes. It reports
 * a write cache, enabled, since writes reach the host's page cache and only FLUSH CACHE makes them
 * durable: so a guest's fsync ends in a flush.
 */
public final class AtaDisk implements IdeDrive {
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

    /**
     * The IDENTIFY DEVICE block; {@code multipleCount} is the current READ/WRITE MULTIPLE setting
     * and {@code dmaMode} the transfer mode SET FEATURES selected.
     */
    byte[] identify(int multipleCount, int dmaMode) {
        long total = image.sectors();
        long chsSectors = (long) cylinders() * HEADS * SECTORS_PER_TRACK;
        long lba28 = Math.min(total, LBA28_LIMIT);
        IdentifyBlock id = new IdentifyBlock()
                .set(0, 0x0040)
                .set(1, cylinders())
                .set(3, HEADS)
                .set(6, SECTORS_PER_TRACK)
                .names("Mimic ATA disk")
                .set(47, 0x8000 | MAX_MULTIPLE)
                .set(49, 0x0200)
                .set(50, 0x4000)
                .set(51, 0x0200)
                .set(53, 0x0003)
                .set(54, cylinders())
                .set(55, HEADS)
                .set(56, SECTORS_PER_TRACK)
                .set(57, (int) chsSectors)
                .set(58, (int) (chsSectors >>> 16))
                .set(59, multipleCount == 0 ? 0 : 0x0100 | multipleCount)
                .set(60, (int) lba28)
                .set(61, (int) (lba28 >>> 16))
                .set(64, 0x0003)
                .set(65, 120).set(66, 120).set(67, 120).set(68, 120)
                .set(80, 0x007E)
                .set(82, 0x4020)
                .set(83, 0x7400)
                .set(84, 0x4000)
                .set(85, 0x4020)
                .set(86, 0x3400)
                .set(87, 0x4000)
                .dma(dmaMode);
        for (int i = 0; i < 4; i++) {
            id.set(100 + i, (int) (total >>> (16 * i)));
        }
        return id.bytes();
    }
}
