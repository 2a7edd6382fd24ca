package dev.mimic.pc.config;

import dev.mimic.pc.serial.SerialSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PC as QEMU's command line describes it, already checked: {@link PcOptionsParser} makes one
 * from {@code -m 512M -kernel vmlinuz -append "console=ttyS0" -nographic ...}.
 *
 * @param memoryBytes RAM size ({@code -m}, default 128 MiB)
 * @param kernel      a Linux bzImage to boot ({@code -kernel})
 * @param initrd      its initial RAM disk ({@code -initrd})
 * @param append      the kernel command line ({@code -append})
 * @param hda         the first IDE disk's image ({@code -hda})
 * @param cdrom       the CD-ROM's image ({@code -cdrom})
 * @param bootOrder   boot device letters, first choice first ({@code -boot}: a floppy, c disk, d CD-ROM, n network)
 * @param bios        the firmware image ({@code -bios})
 * @param serial      what COM1, COM2, ... connect to ({@code -serial}, in order)
 * @param nographic   no display; COM1 on stdio unless {@code -serial} says otherwise
 * @param snapshot    disk writes go to a temporary overlay, never to the images
 * @param noReboot    a guest reboot ends the emulator instead
 * @param gdbPort     port of the GDB stub ({@code -s} is port 1234)
 * @param startPaused {@code -S}: wait for the debugger before the first instruction
 * @param acpi        the PIIX4 power-management function, from which the BIOS builds ACPI tables
 *                    ({@code -machine acpi=off} leaves it out, as QEMU does)
 */
public record PcOptions(long memoryBytes, Optional<Path> kernel, Optional<Path> initrd, String append,
                        Optional<Path> hda, Optional<Path> cdrom, String bootOrder, Path bios,
                        List<SerialSpec> serial, boolean nographic, boolean snapshot, boolean noReboot,
                        OptionalInt gdbPort, boolean startPaused, boolean acpi) {
    public static final Path DEFAULT_BIOS = Path.of("/usr/share/seabios/bios.bin");
    public static final long DEFAULT_MEMORY = 128L << 20;
    public static final int DEFAULT_GDB_PORT = 1234;

    public PcOptions {
        serial = List.copyOf(serial);
    }
}
