package dev.mimic.pc.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A kernel for the Multiboot Specification 0.6.96 (version 1), as qemu-system-i386 {@code -kernel}
 * takes one: a header in the first 8 KiB (magic 0x1BADB002, flags, a checksum that makes the
 * three words sum to zero), then either the addresses of the "a.out kludge" (flag bit 16: where
 * the file's bytes load, where loading and BSS end, the entry point) or, without that flag, an
 * ELF32 executable whose PT_LOAD segments go to their physical addresses. Either way the result is
 * one block of memory from {@link #loadAddress()}, BSS zeroed, and an entry point.
 *
 * @param loadAddress where {@link #image()} goes in guest memory
 * @param image       the kernel as it lies in memory, BSS included
 * @param entry       where the boot loader jumps, in protected mode with EAX = 0x2BADB002
 */
public record MultibootKernel(long loadAddress, byte[] image, long entry) {
    public static final int HEADER_MAGIC = 0x1BAD_B002;
    public static final int BOOTLOADER_MAGIC = 0x2BAD_B002;
    /** The header must lie entirely in the first 8 KiB: 48 bytes with the video fields. */
    private static final int SEARCH_LIMIT = 8192 - 48;
    private static final int HAS_ADDRESSES = 1 << 16;
    private static final int ELF_MAGIC = 0x464C_457F;
    private static final int ELFCLASS32 = 1;
    private static final int EM_386 = 3;
    private static final int PT_LOAD = 1;

    /** The offset of the first valid multiboot header, or -1 if {@code file} has none. */
    public static int headerOffset(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < SEARCH_LIMIT && at + 12 <= file.length; at += 4) {
            if (b.getInt(at) == HEADER_MAGIC && b.getInt(at) + b.getInt(at + 4) + b.getInt(at + 8) == 0) {
                return at;
            }
        }
        return -1;
    }

    /** Parses {@code file} (which {@link #headerOffset} found a header in); {@code name} appears in every error. */
    public static MultibootKernel parse(String name, byte[] file) {
        int header = headerOffset(file);
        if (header < 0) {
            throw new BootImageException(name, "no multiboot header in the first 8 KiB");
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        return (b.getInt(header + 4) & HAS_ADDRESSES) != 0 ? fromAddresses(name, b, header) : fromElf(name, b);
    }

    /** The a.out kludge: header_addr, load_addr, load_end_addr, bss_end_addr and entry_addr after flags and checksum. */
    private static MultibootKernel fromAddresses(String name, ByteBuffer b, int header) {
        if (header + 32 > b.capacity()) {
            throw new BootImageException(name, header, "the multiboot header's addresses run past the end of the file");
        }
        long headerAddress = address(b, header + 12);
        long load = address(b, header + 16);
        long loadEnd = address(b, header + 20);
        long bssEnd = address(b, header + 24);
        if (headerAddress < load || headerAddress - load > header) {
            throw new BootImageException(name, header + 16, String.format("load_addr 0x%x does not fit header_addr 0x%x", load, headerAddress));
        }
        long fileStart = header - (headerAddress - load);
        long loadSize = loadEnd == 0 ? b.capacity() - fileStart : loadEnd - load;
        if (loadSize < 0 || fileStart + loadSize > b.capacity()) {
            throw new BootImageException(name, header + 20, String.format("load_end_addr 0x%x is outside the file", loadEnd));
        }
        long size = bssEnd == 0 ? loadSize : bssEnd - load;
        if (size < loadSize || size > Integer.MAX_VALUE) {
            throw new BootImageException(name, header + 24, String.format("bss_end_addr 0x%x is before the end of the loaded part", bssEnd));
        }
        byte[] image = new byte[(int) size];
        b.get((int) fileStart, image, 0, (int) loadSize);
        return new MultibootKernel(load, image, address(b, header + 28));
    }

    /** An ELF32 i386 executable: its PT_LOAD segments, from the lowest physical address to the highest end. */
    private static MultibootKernel fromElf(String name, ByteBuffer b) {
        if (b.capacity() < 52 || b.getInt(0) != ELF_MAGIC) {
            throw new BootImageException(name, 0, "the multiboot header has no load addresses (flag 16) and the file is not ELF");
        }
        if (b.get(4) != ELFCLASS32 || b.getShort(18) != EM_386) {
            throw new BootImageException(name, 4, "not a 32-bit i386 ELF file; a multiboot kernel must be one");
        }
        long table = address(b, 28);
        int entrySize = b.getShort(42) & 0xFFFF;
        int count = b.getShort(44) & 0xFFFF;
        if (table + (long) entrySize * count > b.capacity() || entrySize < 32) {
            throw new BootImageException(name, 28, "the program header table is outside the file");
        }
        long low = Long.MAX_VALUE;
        long high = 0;
        for (int i = 0; i < count; i++) {
            int ph = (int) (table + (long) i * entrySize);
            if (b.getInt(ph) == PT_LOAD) {
                low = Math.min(low, address(b, ph + 12));
                high = Math.max(high, address(b, ph + 12) + address(b, ph + 20));
            }
        }
        if (low == Long.MAX_VALUE || high - low > Integer.MAX_VALUE) {
            throw new BootImageException(name, table, "no loadable segments");
        }
        byte[] image = new byte[(int) (high - low)];
        for (int i = 0; i < count; i++) {
            int ph = (int) (table + (long) i * entrySize);
            long offset = address(b, ph + 4);
            long fileSize = address(b, ph + 16);
            if (b.getInt(ph) != PT_LOAD) {
                continue;
            }
            if (offset + fileSize > b.capacity() || fileSize > address(b, ph + 20)) {
                throw new BootImageException(name, ph, "a loadable segment's bytes are outside the file");
            }
            b.get((int) offset, image, (int) (address(b, ph + 12) - low), (int) fileSize);
        }
        return new MultibootKernel(low, image, address(b, 24));
    }

    private static long address(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }
}
