package dev.mimic.pc.machine;

import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.X86System;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A guest from src/test/resources/pc booted by SeaBIOS on Mimic and on qemu-system-i386, with
 * 32 MiB, no reboot and COM1 in a file: how each run ended and what each left on COM1.
 *
 * @param result how the Mimic run ended
 * @param com1   what Mimic's COM1 carried
 */
record BootedGuest(RunResult result, String com1) {
    static final Path NASM = Path.of("/usr/bin/nasm");
    private static final Path RESOURCES = Path.of("src/test/resources/pc");

    /** Assembles {@code src/test/resources/pc/<source>} (which may include bootsector/announce.mac and boot.inc) into {@code output}. */
    static Path nasm(String source, Path output) throws Exception {
        return nasm(RESOURCES.resolve(source), RESOURCES.resolve("bootsector"), output);
    }

    /** Assembles {@code source} into the flat binary {@code output}, its includes searched in {@code includes}. */
    static Path nasm(Path source, Path includes, Path output) throws Exception {
        Process nasm = new ProcessBuilder(NASM.toString(), "-f", "bin", "-i", includes + "/", "-o", output.toString(), source.toString())
                .redirectErrorStream(true).start();
        String messages = new String(nasm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, nasm.waitFor(), messages);
        return output;
    }

    /** Boots Mimic's PC with QEMU's {@code options} (the disks and -boot) added to the common ones. */
    static BootedGuest onMimic(Path work, String... options) throws Exception {
        Path serial = work.resolve("mimic-com1.txt");
        List<String> args = new ArrayList<>(List.of("-m", "32", "-no-reboot", "-nographic", "-serial", "file:" + serial));
        args.addAll(List.of(options));
        RunResult result;
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(args),
                new Host(InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                        LocalDateTime.of(2024, 1, 1, 0, 0)), X86System.Options.defaults())) {
            result = pc.run(1_000_000_000L);
        }
        return new BootedGuest(result, Files.readString(serial, StandardCharsets.ISO_8859_1));
    }

    /** What COM1 carried when qemu-system-i386 booted with SeaBIOS, isa-debug-exit and {@code flags} (the disks). */
    static String onQemu(Path work, String... flags) throws Exception {
        Path serial = work.resolve("qemu-com1.txt");
        List<String> args = new ArrayList<>(List.of("-bios", "/usr/share/seabios/bios.bin", "-m", "32", "-no-reboot",
                "-nodefaults", "-nographic", "-serial", "file:" + serial, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"));
        args.addAll(List.of(flags));
        Qemu.run(args, work, "\0", Duration.ofSeconds(30));
        return Files.readString(serial, StandardCharsets.ISO_8859_1);
    }
}
