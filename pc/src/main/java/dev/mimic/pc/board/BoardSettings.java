package dev.mimic.pc.board;

import dev.mimic.pc.ide.IdeDrive;
import dev.mimic.pc.memory.RamLayout;
import dev.mimic.pc.serial.SerialBackend;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * What a {@link PcBoard} is built from: the machine's size and boot order, where its ports lead
 * on the host, and whom to tell when the guest resets the machine or asks to exit.
 *
 * @param ram          the RAM layout (CMOS and fw_cfg report it)
 * @param cpus         processors, for CMOS and fw_cfg
 * @param bootOrder    QEMU's boot letters, such as "cad"
 * @param nographic    whether there is no display (fw_cfg tells the firmware)
 * @param serial       backends for COM1, COM2, ... (at most four)
 * @param primary      up to two drives on the primary IDE channel (0x1F0, IRQ 14), master first
 * @param secondary    up to two drives on the secondary channel (0x170, IRQ 15); QEMU's -cdrom is its master
 * @param rtcStart     the date and time the RTC shows at power-on
 * @param debugConsole where bytes written to ports 0x402 and 0xE9 go
 * @param reset        run when the guest resets the machine (8042, port 0x92, port 0xCF9)
 * @param exit         told the status when the guest writes isa-debug-exit, and 0 when it powers the machine off (ACPI soft-off)
 * @param acpi         whether the PIIX4 power-management function (00:01.3, ACPI) is there
 */
public record BoardSettings(RamLayout ram, int cpus, String bootOrder, boolean nographic, List<SerialBackend> serial,
                            List<IdeDrive> primary, List<IdeDrive> secondary, LocalDateTime rtcStart, OutputStream debugConsole,
                            Runnable reset, IntConsumer exit, boolean acpi) {
    public BoardSettings {
        serial = List.copyOf(serial);
        primary = List.copyOf(primary);
        secondary = List.copyOf(secondary);
        if (serial.size() > 4) {
            throw new IllegalArgumentException("a PC has four serial ports, not " + serial.size());
        }
        if (primary.size() > 2 || secondary.size() > 2) {
            throw new IllegalArgumentException("an IDE channel takes two drives, not " + Math.max(primary.size(), secondary.size()));
        }
    }
}
