package dev.mimic.pc.machine;

import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptions;
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
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The monitor's NMI reaches a guest through the local APIC's LINT1, which SeaBIOS programs in NMI
 * mode: a boot sector spinning with interrupts disabled (src/test/resources/pc/nmi/nmi.asm) runs
 * its vector 2 handler only when {@link PcMachine#nmi} is sent.
 */
class NmiTest {
    private static final int HANDLER_RAN = 0x4E << 1 | 1;

    @Test
    void theNmiInterruptsAGuestThatDisabledInterrupts(@TempDir Path work) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        assumeTrue(Files.isExecutable(BootedGuest.NASM), "install nasm");
        byte[] code = Files.readAllBytes(BootedGuest.nasm(Path.of("src/test/resources/pc/nmi/nmi.asm"), work, work.resolve("nmi.bin")));
        byte[] disk = new byte[1 << 20];
        System.arraycopy(code, 0, disk, 0, code.length);
        Path image = Files.write(work.resolve("disk.img"), disk);
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(List.of("-m", "32", "-nographic", "-no-reboot", "-hda", image.toString())),
                new Host(InputStream.nullInputStream(), com1, OutputStream.nullOutputStream(), LocalDateTime.of(2024, 1, 1, 0, 0)),
                X86System.Options.defaults())) {
            for (int slice = 0; slice < 100 && !com1.toString(StandardCharsets.ISO_8859_1).endsWith("W"); slice++) {
                assertEquals(RunResult.Kind.BUDGET, pc.run(10_000_000L).kind(), com1.toString(StandardCharsets.ISO_8859_1));
            }
            assertEquals(RunResult.Kind.BUDGET, pc.run(1_000_000L).kind(), "spinning until the NMI");
            pc.nmi();
            assertEquals(new RunResult(RunResult.Kind.EXITED, HANDLER_RAN, ""), pc.run(1_000_000L));
            assertEquals("WN", com1.toString(StandardCharsets.ISO_8859_1).substring(com1.size() - 2));
        }
    }
}
