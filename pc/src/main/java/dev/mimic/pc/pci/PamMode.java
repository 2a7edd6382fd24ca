package dev.mimic.pc.pci;

/**
 * Where reads and writes to a segment of the BIOS area (0xC0000-0xFFFFF) go, as a 440FX PAM
 * register's two bits say: to DRAM, or past it to the PCI bus where the ROM answers. BIOSes
 * "shadow" themselves by copying ROM to DRAM with {@link #WRITE_ONLY} and then switching to
 * {@link #READ_ONLY}.
 */
public enum PamMode {
    /** Reads and writes go to PCI (the ROM). */
    PCI,
    /** Reads from DRAM, writes to PCI. */
    READ_ONLY,
    /** Reads from PCI, writes to DRAM. */
    WRITE_ONLY,
    /** DRAM for both. */
    READ_WRITE;

    static PamMode of(int bits) {
        return values()[bits & 3];
    }
}
