package dev.mimic.pc.machine;

import dev.mimic.pc.config.PcOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An El Torito CD (src/test/resources/pc/cdboot/boot.asm as a no-emulation boot image, put on an
 * ISO 9660 disc by xorriso) booted by SeaBIOS with {@code -cdrom x.iso -boot d}: it prints the
 * drive SeaBIOS gave it and the disc's volume descriptor, read with INT 13h's extended read, and
 * exits through isa-debug-exit. COM1 must carry the same bytes on Mimic as on qemu-system-i386.
 */
class CdromBootTest {
    private static final Path XORRISO = Path.of("/usr/bin/xorriso");
    private static final int STATUS = 0x12 << 1 | 1;

    @Test
    void bootsANoEmulationImageFromTheCdAsOnQemu(@TempDir Path work) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        assumeTrue(Files.isExecutable(BootedGuest.NASM), "install nasm");
        assumeTrue(Files.isExecutable(XORRISO), "install xorriso");
        assumeTrue(Qemu.available(), "install Debian's qemu-system-x86 package");
        Path iso = disc(work);

        BootedGuest mimic = BootedGuest.onMimic(work, "-cdrom", iso.toString(), "-boot", "d");
        assertEquals(new RunResult(RunResult.Kind.EXITED, STATUS, ""), mimic.result(), mimic.com1());
        assertTrue(mimic.com1().contains("Booting from DVD/CD...\r\nEl Torito boot image: drive E0\r\n"
                + "volume descriptor: CD001\r\n"), mimic.com1());

        String qemu = BootedGuest.onQemu(work, "-drive", "file=" + iso + ",format=raw,if=ide,index=2,media=cdrom", "-boot", "d");
        assertEquals(qemu, mimic.com1());
    }

    /** An ISO 9660 image whose El Torito catalogue boots boot.bin, four 512-byte sectors loaded at 0000:7C00. */
    private static Path disc(Path work) throws Exception {
        Path root = Files.createDirectory(work.resolve("disc"));
        BootedGuest.nasm("cdboot/boot.asm", root.resolve("boot.bin"));
        Path iso = work.resolve("boot.iso");
        Process xorriso = new ProcessBuilder(XORRISO.toString(), "-as", "mkisofs", "-quiet", "-o", iso.toString(),
                "-b", "boot.bin", "-no-emul-boot", "-boot-load-size", "4", root.toString()).redirectErrorStream(true).start();
        String messages = new String(xorriso.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, xorriso.waitFor(), messages);
        return iso;
    }
}
