package dev.mimic.pc.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A Linux x86 kernel image in bzImage form, split as the boot protocol describes it
 * (Documentation/arch/x86/boot.rst): the real-mode setup code, {@code setup_sects + 1} sectors
 * that begin with the boot sector and carry the setup header at 0x1F1, followed by the
 * protected-mode kernel, which is loaded at 1 MiB. Parsing checks what a loader relies on:
 * the 0xAA55 boot flag, the "HdrS" magic, protocol 2.04 or newer, and LOADED_HIGH.
 */
public final class BzImage {
    /** Offsets of setup header fields in the image (and in boot_params, which copies the header). */
    static final int SETUP_SECTS = 0x1F1;
    static final int SYSSIZE = 0x1F4;
    static final int VID_MODE = 0x1FA;
    static final int BOOT_FLAG = 0x1FE;
    static final int JUMP = 0x200;
    static final int HEADER_MAGIC = 0x202;
    static final int VERSION = 0x206;
    static final int TYPE_OF_LOADER = 0x210;
    static final int LOADFLAGS = 0x211;
    static final int CODE32_START = 0x214;
    static final int RAMDISK_IMAGE = 0x218;
    static final int RAMDISK_SIZE = 0x21C;
    static final int HEAP_END_PTR = 0x224;
    static final int CMD_LINE_PTR = 0x228;
    static final int INITRD_ADDR_MAX = 0x22C;
    static final int CMDLINE_SIZE = 0x238;

    static final int LOADED_HIGH = 0x01;
    static final int CAN_USE_HEAP = 0x80;
    private static final int HDRS = 0x5372_6448;
    private static final int MINIMUM_VERSION = 0x0204;
    private static final int SECTOR = 512;

    private final String name;
    private final byte[] setup;
    private final byte[] kernel;

    private BzImage(String name, byte[] setup, byte[] kernel) {
        this.name = name;
        this.setup = setup;
        this.kernel = kernel;
    }

    /** Whether {@code image} carries the setup header's "HdrS" magic, which is how QEMU tells a Linux kernel from a multiboot one. */
    public static boolean hasLinuxHeader(byte[] image) {
        return image.length >= HEADER_MAGIC + 4
                && ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).getInt(HEADER_MAGIC) == HDRS;
    }

    /** Parses {@code image}; {@code name} (the file) appears in every error message. */
    public static BzImage parse(String name, byte[] image) {
        if (image.length < CMDLINE_SIZE + 4) {
            throw new BootImageException(name, 0, "only " + image.length + " bytes, too short for a Linux setup header");
        }
        ByteBuffer header = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        if ((header.getShort(BOOT_FLAG) & 0xFFFF) != 0xAA55) {
            throw new BootImageException(name, BOOT_FLAG, String.format("boot flag is 0x%04x, not 0xaa55", header.getShort(BOOT_FLAG) & 0xFFFF));
        }
        if (header.getInt(HEADER_MAGIC) != HDRS) {
            throw new BootImageException(name, HEADER_MAGIC, "no \"HdrS\" magic: not a Linux bzImage");
        }
        int version = header.getShort(VERSION) & 0xFFFF;
        if (version < MINIMUM_VERSION) {
            throw new BootImageException(name, VERSION, String.format("boot protocol %d.%02d is too old; 2.04 or newer is needed", version >> 8, version & 0xFF));
        }
        if ((image[LOADFLAGS] & LOADED_HIGH) == 0) {
            throw new BootImageException(name, LOADFLAGS, "LOADED_HIGH is clear: a zImage, which loads below 1 MiB and is not supported");
        }
        int sectors = image[SETUP_SECTS] & 0xFF;
        int setupBytes = ((sectors == 0 ? 4 : sectors) + 1) * SECTOR;
        if (setupBytes >= image.length) {
            throw new BootImageException(name, SETUP_SECTS, "setup_sects " + sectors + " puts the kernel past the end of the " + image.length + "-byte file");
        }
        // syssize counts 16-byte paragraphs, so it may round the kernel's length up (memtest86+'s does).
        long kernelBytes = (header.getInt(SYSSIZE) & 0xFFFF_FFFFL) * 16;
        long present = image.length - setupBytes;
        if (kernelBytes == 0 || kernelBytes >= present + 16) {
            throw new BootImageException(name, SYSSIZE, "syssize says " + kernelBytes + " bytes of kernel, but " + present + " follow the setup code");
        }
        return new BzImage(name, Arrays.copyOf(image, setupBytes), Arrays.copyOfRange(image, setupBytes, setupBytes + (int) kernelBytes));
    }

    public String name() {
        return name;
    }

    /** The real-mode setup code with the header, a copy the caller may patch. */
    public byte[] setup() {
        return setup.clone();
    }

    /** The protected-mode kernel, to be loaded at 1 MiB. */
    public byte[] kernel() {
        return kernel.clone();
    }

    int kernelSize() {
        return kernel.length;
    }

    public int version() {
        return u16(VERSION);
    }

    public long code32Start() {
        return u32(CODE32_START);
    }

    /** The highest address the initrd may occupy. */
    public long initrdAddrMax() {
        return u32(INITRD_ADDR_MAX);
    }

    /** The longest command line the kernel accepts, without the terminating zero (2.06+; 255 before). */
    public int cmdlineSize() {
        return version() >= 0x0206 ? (int) Math.min(u32(CMDLINE_SIZE), Integer.MAX_VALUE) : 255;
    }

    /** Where the setup header ends: the jump at 0x200 skips it, so 0x202 plus the jump's offset byte. */
    int headerEnd() {
        return JUMP + 2 + (setup[JUMP + 1] & 0xFF);
    }

    int u16(int offset) {
        return (setup[offset] & 0xFF) | (setup[offset + 1] & 0xFF) << 8;
    }

    long u32(int offset) {
        return (u16(offset) | (long) u16(offset + 2) << 16) & 0xFFFF_FFFFL;
    }
}
