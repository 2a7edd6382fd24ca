package dev.mimic.pc.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a PC's RAM appears in the physical address space: from 0 up to {@code below4g}, then any
 * rest from 4 GiB up, because the top of the 32-bit space belongs to PCI and the BIOS ROM. As in
 * QEMU's i440FX machine, RAM of 3.5 GiB or more is split at 0xE0000000.
 *
 * @param below4g bytes of RAM from address 0
 * @param above4g bytes of RAM from address 4 GiB
 */
public record RamLayout(long below4g, long above4g) {
    public static final long FOUR_GIB = 1L << 32;
    private static final long PCI_HOLE_START = 0xE000_0000L;
    private static final long EBDA = 0x9FC00;
    private static final long LOW_MEMORY_END = 0xA0000;
    private static final long BIOS_AREA = 0xF0000;
    private static final long ONE_MIB = 0x100000;
    private static final long BIOS_ROM = 0xFFFC_0000L;

    /** The layout of {@code ramBytes} of RAM. */
    public static RamLayout of(long ramBytes) {
        if (ramBytes < 2 * ONE_MIB) {
            throw new IllegalArgumentException("a PC needs at least 2 MiB of RAM, not " + ramBytes + " bytes");
        }
        long below = ramBytes >= PCI_HOLE_START ? PCI_HOLE_START : ramBytes;
        return new RamLayout(below, ramBytes - below);
    }

    /** Just the RAM, as QEMU hands it to the firmware in fw_cfg's etc/e820; the BIOS adds its own holes. */
    public List<E820Entry> ramEntries() {
        List<E820Entry> entries = new ArrayList<>();
        entries.add(new E820Entry(0, below4g, E820Entry.USABLE));
        if (above4g > 0) {
            entries.add(new E820Entry(FOUR_GIB, above4g, E820Entry.USABLE));
        }
        return entries;
    }

    /**
     * The map a BIOS reports with INT 15h E820 and a boot loader puts in boot_params: conventional
     * memory up to the extended BIOS data area, the BIOS area and ROM reserved, RAM above 1 MiB.
     */
    public List<E820Entry> biosMap() {
        List<E820Entry> entries = new ArrayList<>();
        entries.add(new E820Entry(0, EBDA, E820Entry.USABLE));
        entries.add(new E820Entry(EBDA, LOW_MEMORY_END - EBDA, E820Entry.RESERVED));
        entries.add(new E820Entry(BIOS_AREA, ONE_MIB - BIOS_AREA, E820Entry.RESERVED));
        entries.add(new E820Entry(ONE_MIB, below4g - ONE_MIB, E820Entry.USABLE));
        entries.add(new E820Entry(BIOS_ROM, FOUR_GIB - BIOS_ROM, E820Entry.RESERVED));
        if (above4g > 0) {
            entries.add(new E820Entry(FOUR_GIB, above4g, E820Entry.USABLE));
        }
        return entries;
    }
}
