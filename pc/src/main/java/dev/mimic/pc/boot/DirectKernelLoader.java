package dev.mimic.pc.boot;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pc.memory.E820Entry;
import dev.mimic.pc.memory.RamLayout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Boots Linux without firmware, as a boot loader using the 32-bit boot protocol would: writes the
 * protected-mode kernel, the initrd, the command line, a GDT with flat code and data segments
 * and boot_params (the "zero page": the copied setup header, the E820 map, screen_info for an
 * 80x25 VGA text console) into guest memory, and says how to enter the kernel.
 */
public final class DirectKernelLoader {
    static final long ZERO_PAGE = 0x10000;
    static final long GDT = 0x5000;
    /** The loader ID for "undefined" in type_of_loader (boot.rst). */
    private static final int LOADER_UNDEFINED = 0xFF;

    private static final int EXT_MEM_K = 0x002;
    private static final int ORIG_VIDEO_MODE = 0x006;
    private static final int ORIG_VIDEO_COLS = 0x007;
    private static final int ORIG_VIDEO_EGA_BX = 0x00A;
    private static final int ORIG_VIDEO_LINES = 0x00E;
    private static final int ORIG_VIDEO_IS_VGA = 0x00F;
    private static final int ORIG_VIDEO_POINTS = 0x010;
    private static final int ALT_MEM_K = 0x1E0;
    private static final int E820_ENTRIES = 0x1E8;
    private static final int E820_TABLE = 0x2D0;
    private static final int E820_MAX = 128;
    /** Null, unused, then 0x10: code, base 0, limit 4 GiB, DPL 0; 0x18: the same as writable data. */
    private static final long[] GDT_ENTRIES = {0, 0, 0x00CF_9A00_0000_FFFFL, 0x00CF_9200_0000_FFFFL};

    private DirectKernelLoader() {
    }

    /**
     * Loads {@code image} into {@code memory} for a machine with {@code ram}.
     *
     * @param initrd     the initial RAM disk, or null
     * @param initrdName its file name for error messages
     */
    public static BootEntry load(GuestMemory memory, RamLayout ram, BzImage image, byte[] initrd, String initrdName, String cmdline) {
        KernelPlacement placement = KernelPlacement.plan(image, ram, initrdName, initrd == null ? 0 : initrd.length, cmdline);
        byte[] kernel = image.kernel();
        memory.write(KernelPlacement.KERNEL_ADDRESS, kernel, 0, kernel.length);
        if (initrd != null) {
            memory.write(placement.initrdAddress(), initrd, 0, initrd.length);
        }
        memory.write(KernelPlacement.CMDLINE_ADDRESS, placement.cmdline(), 0, placement.cmdline().length);
        byte[] zeroPage = zeroPage(image, ram, placement);
        memory.write(ZERO_PAGE, zeroPage, 0, zeroPage.length);
        for (int i = 0; i < GDT_ENTRIES.length; i++) {
            memory.store64(GDT + 8L * i, GDT_ENTRIES[i]);
        }
        return new BootEntry(image.code32Start(), ZERO_PAGE, GDT, GDT_ENTRIES.length * 8 - 1);
    }

    private static byte[] zeroPage(BzImage image, RamLayout ram, KernelPlacement placement) {
        byte[] page = new byte[4096];
        byte[] setup = image.setup();
        System.arraycopy(setup, BzImage.SETUP_SECTS, page, BzImage.SETUP_SECTS, image.headerEnd() - BzImage.SETUP_SECTS);
        ByteBuffer zp = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        placement.patchHeader(zp, LOADER_UNDEFINED);
        long extendedKib = (ram.below4g() - KernelPlacement.KERNEL_ADDRESS) / 1024;
        zp.putShort(EXT_MEM_K, (short) Math.min(extendedKib, 0xFFFF));
        zp.putInt(ALT_MEM_K, (int) extendedKib);
        // screen_info as the real-mode setup would leave it for mode 3: 80x25 colour text on VGA.
        zp.put(ORIG_VIDEO_MODE, (byte) 3);
        zp.put(ORIG_VIDEO_COLS, (byte) 80);
        zp.put(ORIG_VIDEO_LINES, (byte) 25);
        zp.put(ORIG_VIDEO_IS_VGA, (byte) 1);
        zp.putShort(ORIG_VIDEO_POINTS, (short) 16);
        zp.putShort(ORIG_VIDEO_EGA_BX, (short) 0x0003);
        List<E820Entry> map = ram.biosMap();
        byte[] table = E820Entry.encode(map.subList(0, Math.min(map.size(), E820_MAX)));
        zp.put(E820_ENTRIES, (byte) (table.length / E820Entry.SIZE));
        zp.put(E820_TABLE, table);
        return page;
    }
}
