package dev.mimic.pc.machine;

import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.X86System;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's memtest86+ (6.x, {@code memtest86+ia32.bin}, a Linux boot protocol image) on 64 MiB with
 * its screen on the serial console: it finds the RAM SeaBIOS reports and runs its tests with
 * paging and PAE, showing progress without errors. A full pass (the status line's "Pass: 1") takes
 * QEMU's TCG about 45 CPU seconds and Mimic far longer, so the test runs the first
 * {@link #INSTRUCTIONS} instructions and checks how far memtest got.
 */
@Tag("long")
class MemtestTest {
    static final Path MEMTEST = Path.of("/boot/memtest86+ia32.bin");
    static final long INSTRUCTIONS = 30_000_000_000L;

    @Test
    void memtestTestsTheRamWithoutErrors() throws Exception {
        assumeTrue(Files.isReadable(MEMTEST), "install Debian's memtest86+ package");
        assumeTrue(SeaBiosBootTest.seabiosPresent(), "install Debian's seabios package");
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(List.of("-m", "64", "-nographic", "-no-reboot", "-kernel",
                        MEMTEST.toString(), "-append", "console=ttyS0,115200")),
                new Host(InputStream.nullInputStream(), com1, OutputStream.nullOutputStream(), LocalDateTime.of(2024, 1, 1, 0, 0)),
                X86System.Options.defaults())) {
            RunResult result = pc.run(INSTRUCTIONS);
            String screen = com1.toString(StandardCharsets.ISO_8859_1);
            String tail = screen.substring(Math.max(0, screen.length() - 4000));
            assertTrue(result.kind() == RunResult.Kind.BUDGET, result + "\n" + tail);
            assertTrue(screen.contains("Moving inversions"), "memtest reached its third test\n" + tail);
            assertTrue(!screen.contains("Errors: 1") && tail.contains("Errors: 0"), tail);
        }
    }
}
