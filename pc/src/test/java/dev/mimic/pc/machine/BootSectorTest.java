package dev.mimic.pc.machine;

import dev.mimic.pc.config.PcOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A boot sector (src/test/resources/pc/bootsector/hello.asm) on a disk image, booted by SeaBIOS
 * from -hda: it prints through INT 10h what the BIOS gave it and a sector it read with INT 13h,
 * and exits through isa-debug-exit. COM1 (SeaBIOS's serial console) must carry the same bytes on
 * Mimic as on qemu-system-i386, and both must end with the boot sector's status.
 */
class BootSectorTest {
    private static final int STATUS = 0x10 << 1 | 1;

    @Test
    void bootsFromTheHardDiskAsOnQemu(@TempDir Path work) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        assumeTrue(Files.isExecutable(BootedGuest.NASM), "install nasm");
        assumeTrue(Qemu.available(), "install Debian's qemu-system-x86 package");
        Path disk = disk(work);

        BootedGuest mimic = BootedGuest.onMimic(work, "-snapshot", "-hda", disk.toString());
        assertEquals(new RunResult(RunResult.Kind.EXITED, STATUS, ""), mimic.result(), mimic.com1());
        assertTrue(mimic.com1().contains("sector 2 read through INT 13"), mimic.com1());

        String qemu = BootedGuest.onQemu(work, "-drive", "file=" + disk + ",format=raw,if=ide,index=0,snapshot=on");
        assertEquals(qemu, mimic.com1());
    }

    /** The assembled boot sector and its second sector at the start of a 1 MiB raw image. */
    private static Path disk(Path work) throws Exception {
        byte[] code = Files.readAllBytes(BootedGuest.nasm("bootsector/hello.asm", work.resolve("hello.bin")));
        byte[] disk = new byte[1 << 20];
        System.arraycopy(code, 0, disk, 0, code.length);
        return Files.write(work.resolve("disk.img"), disk);
    }
}
