package dev.mimic.pc.machine;

import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.X86System;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's SeaBIOS on Mimic's PC against qemu-system-i386 with the same bios.bin and RAM: the
 * lines of SeaBIOS's debug log that describe the machine (version, fw_cfg, RAM, PCI resources and
 * devices, the VGA BIOS's view of the standard VGA, CPUs, IDE controllers) must be the same, up to "No bootable device".
 */
class SeaBiosBootTest {
    private static final String NO_BOOT = "No bootable device.";
    /**
     * Lines that depend only on the hardware both PCs share: not timing, nor the LPT port and floppy
     * that QEMU has and Mimic lacks, nor the ACPI tables, which QEMU builds itself and SeaBIOS builds
     * on Mimic (the PIIX4 PM function is in both; SeaBIOS moves its PM block from 0xB000 to 0x600
     * only when QEMU's table loader is there, so the PM timer's port differs).
     */
    private static final Pattern STABLE = Pattern.compile("SeaBIOS \\(version .*|BUILD: .*|Running on QEMU.*|Found QEMU fw_cfg|"
            + "QEMU fw_cfg DMA.*|qemu/e820: .*|Relocating init .*|PCI: IO: .*|PCI: 32: .*|PCI: map device .*|"
            + "PCI: init bdf=00:0[012]\\.[013] .*|PIIX3/PIIX4 init: .*|PCI: Using 00:02.0 for primary VGA|Found 1 cpu.*|ATA controller .*|"
            + "Start SeaVGABIOS .*|VBE DISPI: .*|set VGA mode .*|"
            + "PS2 keyboard initialized|sercon: using ioport 0x3f8|No bootable device\\.");

    static boolean seabiosPresent() {
        return Files.isReadable(PcOptions.DEFAULT_BIOS);
    }

    @Test
    void reachesNoBootableDeviceWithQemusDescriptionOfTheMachine(@TempDir Path work) throws Exception {
        assumeTrue(seabiosPresent(), "install Debian's seabios package");
        assumeTrue(Qemu.available(), "install Debian's qemu-system-x86 package");

        ByteArrayOutputStream debug = new ByteArrayOutputStream();
        long start = System.nanoTime();
        RunResult result;
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(List.of("-m", "128", "-no-reboot", "-nographic", "-serial", "none")),
                new Host(InputStream.nullInputStream(), OutputStream.nullOutputStream(), debug, LocalDateTime.of(2024, 1, 1, 0, 0)), X86System.Options.defaults())) {
            result = pc.run(2_000_000_000L);
        }
        Duration mimic = Duration.ofNanos(System.nanoTime() - start);
        String mimicLog = debug.toString(StandardCharsets.ISO_8859_1);
        assertEquals(RunResult.Kind.REBOOT_REFUSED, result.kind(), "after 60 virtual seconds SeaBIOS reboots:\n" + mimicLog);

        Qemu.Run qemu = Qemu.run(List.of("-bios", PcOptions.DEFAULT_BIOS.toString(), "-m", "128", "-no-reboot", "-nodefaults",
                "-vga", "std", "-nographic", "-serial", "none"), work, NO_BOOT, Duration.ofSeconds(60));
        System.out.printf("SeaBIOS to \"%s\": Mimic %d ms (60 virtual seconds of waiting included), qemu-system-i386 %d ms%n",
                NO_BOOT, mimic.toMillis(), qemu.elapsed().toMillis());
        assertTrue(qemu.debugLog().contains(NO_BOOT), "qemu did not get there:\n" + qemu.debugLog());
        assertEquals(stable(qemu.debugLog()), stable(mimicLog));
        assertTrue(qemu.debugLog().contains("Using pmtimer, ioport 0x608"), qemu.debugLog());
        assertTrue(mimicLog.contains("Using pmtimer, ioport 0xb008"), mimicLog);
    }

    private static List<String> stable(String log) {
        return log.lines().map(l -> l.startsWith(NO_BOOT) ? NO_BOOT : l).filter(l -> STABLE.matcher(l).matches()).toList();
    }
}
