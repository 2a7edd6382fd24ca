package dev.mimic.pc.machine;

import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.X86System;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

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
    private static final Path SOURCE = Path.of("src/test/resources/pc/bootsector/hello.asm");
    private static final Path NASM = Path.of("/usr/bin/nasm");
    private static final int STATUS = 0x10 << 1 | 1;

    @Test
    void bootsFromTheHardDiskAsOnQemu(@TempDir Path work) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        assumeTrue(Files.isExecutable(NASM), "install nasm");
        assumeTrue(Qemu.available(), "install Debian's qemu-system-x86 package");
        Path disk = disk(work);

        Path mimicSerial = work.resolve("mimic-com1.txt");
        RunResult result;
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(List.of("-m", "32", "-no-reboot", "-nographic", "-snapshot",
                        "-hda", disk.toString(), "-serial", "file:" + mimicSerial)),
                new Host(InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                        LocalDateTime.of(2024, 1, 1, 0, 0)), X86System.Options.defaults())) {
            result = pc.run(1_000_000_000L);
        }
        String mimic = Files.readString(mimicSerial, StandardCharsets.ISO_8859_1);
        assertEquals(new RunResult(RunResult.Kind.EXITED, STATUS, ""), result, mimic);
        assertTrue(mimic.contains("sector 2 read through INT 13"), mimic);

        Path qemuSerial = work.resolve("qemu-com1.txt");
        Qemu.run(List.of("-bios", PcOptions.DEFAULT_BIOS.toString(), "-m", "32", "-no-reboot", "-nodefaults", "-nographic",
                "-serial", "file:" + qemuSerial, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                "-drive", "file=" + disk + ",format=raw,if=ide,index=0,snapshot=on"), work, "\0", Duration.ofSeconds(30));
        assertEquals(Files.readString(qemuSerial, StandardCharsets.ISO_8859_1), mimic);
    }

    /** The assembled boot sector and its second sector at the start of a 1 MiB raw image. */
    private static Path disk(Path work) throws Exception {
        Path image = work.resolve("hello.bin");
        Process nasm = new ProcessBuilder(NASM.toString(), "-f", "bin", "-o", image.toString(), SOURCE.toString())
                .redirectErrorStream(true).start();
        String messages = new String(nasm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, nasm.waitFor(), messages);
        byte[] disk = new byte[1 << 20];
        byte[] code = Files.readAllBytes(image);
        System.arraycopy(code, 0, disk, 0, code.length);
        return Files.write(work.resolve("disk.img"), disk);
    }
}
