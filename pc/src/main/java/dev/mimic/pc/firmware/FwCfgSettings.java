package dev.mimic.pc.firmware;

import dev.mimic.pc.memory.E820Entry;
import dev.mimic.pc.memory.RamLayout;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The machine description a QEMU PC gives its firmware through fw_cfg: RAM size, CPU count,
 * whether there is a display, that IRQ 0 is on I/O APIC pin 2, the RAM map (etc/e820) and, when devices have boot priorities,
 * the bootorder file of OpenFirmware device paths (SeaBIOS's "bootorder" support).
 *
 * @param ram       the RAM layout
 * @param cpus      processors present (and the maximum)
 * @param nographic true for {@code -nographic}
 * @param bootOrder device paths, first choice first, such as {@code /pci@i0cf8/ide@1,1/drive@0/disk@0}; may be empty
 */
public record FwCfgSettings(RamLayout ram, int cpus, boolean nographic, List<String> bootOrder) {
    public static final int RAM_SIZE = 0x03;
    public static final int NOGRAPHIC = 0x04;
    public static final int NB_CPUS = 0x05;
    public static final int BOOT_MENU = 0x0E;
    public static final int MAX_CPUS = 0x0F;
    /**
     * Non-zero when the PIT's IRQ 0 reaches the I/O APIC on pin 2, as on QEMU's PC: SeaBIOS's MP table
     * then says so, and Linux routes its timer there instead of falling back to ExtINT.
     */
    public static final int IRQ0_OVERRIDE = 0x8002;
    /** COM1, where SeaBIOS's serial console goes under -nographic. */
    private static final int SERCON_PORT = 0x3F8;

    public void applyTo(FwCfg cfg) {
        cfg.putU64(RAM_SIZE, ram.below4g() + ram.above4g());
        cfg.putU16(NOGRAPHIC, nographic ? 1 : 0);
        cfg.putU16(NB_CPUS, cpus);
        cfg.putU16(MAX_CPUS, cpus);
        cfg.putU16(BOOT_MENU, 0);
        cfg.putU32(IRQ0_OVERRIDE, 1);
        cfg.putFile("etc/e820", E820Entry.encode(ram.ramEntries()));
        if (!bootOrder.isEmpty()) {
            cfg.putFile("bootorder", (String.join("\n", bootOrder) + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        if (nographic) {
            // As QEMU does: SeaBIOS then mirrors its screen output (INT 10h) to COM1.
            cfg.putFile("etc/sercon-port", new byte[] {(byte) SERCON_PORT, SERCON_PORT >>> 8});
        }
    }
}
