package dev.mimic.pc.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A minimal bzImage: four setup sectors after the boot sector, a patterned 4 KiB kernel, protocol 2.15. */
public final class SyntheticBzImage {
    static final int SETUP_BYTES = 5 * 512;
    static final int KERNEL_BYTES = 4096;

    private SyntheticBzImage() {
    }

    public static byte[] build() {
        ByteBuffer image = ByteBuffer.allocate(SETUP_BYTES + KERNEL_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        image.put(0x1F1, (byte) 4);
        image.putInt(0x1F4, KERNEL_BYTES / 16);
        image.putShort(0x1FE, (short) 0xAA55);
        image.put(0x200, (byte) 0xEB).put(0x201, (byte) 0x66);
        image.putInt(0x202, 0x53726448);
        image.putShort(0x206, (short) 0x020F);
        image.put(0x211, (byte) 0x01);
        image.putInt(0x214, 0x100000);
        image.putInt(0x22C, 0x7FFF_FFFF);
        image.putInt(0x238, 2047);
        image.putInt(0x260, 0x20000);
        for (int i = 0; i < KERNEL_BYTES; i++) {
            image.put(SETUP_BYTES + i, (byte) (i * 7));
        }
        return image.array();
    }
}
