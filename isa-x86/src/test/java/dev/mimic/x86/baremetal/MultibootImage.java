package dev.mimic.x86.baremetal;

import dev.mimic.x86.system.PhysicalMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A multiboot v1 kernel with the a.out kludge (header flag 16): a flat image that says itself where it
 * loads and where it starts, as {@code qemu-system-i386 -kernel} loads it.
 */
record MultibootImage(byte[] bytes, int headerOffset, int headerAddress, int loadAddress, int loadEnd, int bssEnd,
                      int entry) {
    static final int MAGIC = 0x1BADB002, BOOTLOADER_MAGIC = 0x2BADB002;

    static MultibootImage parse(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 32 <= Math.min(bytes.length, 8192); at += 4) {
            if (b.getInt(at) == MAGIC && (b.getInt(at + 4) & 1 << 16) != 0) {
                return new MultibootImage(bytes, at, b.getInt(at + 12), b.getInt(at + 16), b.getInt(at + 20),
                        b.getInt(at + 24), b.getInt(at + 28));
            }
        }
        throw new IllegalArgumentException("no multiboot header with the a.out kludge in the first 8 KiB");
    }

    /** Copies the image to its load address and clears its BSS. */
    void load(PhysicalMemory memory) {
        int fileStart = headerOffset - (headerAddress - loadAddress);
        int length = loadEnd == 0 ? bytes.length - fileStart : loadEnd - loadAddress;
        memory.write(loadAddress & 0xFFFF_FFFFL, bytes, fileStart, length);
        for (long a = loadAddress + (long) length; a < (bssEnd & 0xFFFF_FFFFL); a++) {
            memory.store8(a, 0);
        }
    }
}
