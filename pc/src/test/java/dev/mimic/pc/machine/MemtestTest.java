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
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's memtest86+ (6.x, {@code memtest86+ia32.bin}, a Linux boot protocol image) on 64 MiB with
 * its screen on the serial console: it finds the RAM SeaBIOS reports and runs its tests without
 * errors: one test runs its first {@link #INSTRUCTIONS} instructions (30 virtual seconds) into the
 * third test, so a breakage shows early; the other runs a full pass of the default tests (#0 and
 * #2-#10, the status line going to "Pass: 1" with "Errors: 0"; the README gives its measured time).
 */
@Tag("long")
class MemtestTest {
    static final Path MEMTEST = Path.of("/boot/memtest86+ia32.bin");
    static final long INSTRUCTIONS = 30_000_000_000L;
    /** Twice what a pass took when measured (virtual time: one instruction a nanosecond). */
    static final long FULL_PASS_BUDGET = 600_000_000_000L;
    private static final long SLICE = 5_000_000_000L;
    private static final Pattern ERRORS = Pattern.compile("Errors: *[1-9]");

    @Test
    void memtestTestsTheRamWithoutErrors() throws Exception {
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        try (PcMachine pc = memtest(com1)) {
            RunResult result = pc.run(INSTRUCTIONS);
            String screen = com1.toString(StandardCharsets.ISO_8859_1);
            assertEquals(RunResult.Kind.BUDGET, result.kind(), result + "\n" + tail(screen));
            assertTrue(screen.contains("Moving inversions"), "memtest reached its third test\n" + tail(screen));
            assertNoErrors(screen);
        }
    }

    @Test
    void aFullPassFindsNoErrors() throws Exception {
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        try (PcMachine pc = memtest(com1)) {
            for (long spent = 0; spent < FULL_PASS_BUDGET && !com1.toString(StandardCharsets.ISO_8859_1).contains("Pass:  1"); spent += SLICE) {
                RunResult result = pc.run(SLICE);
                assertEquals(RunResult.Kind.BUDGET, result.kind(), result + "\n" + tail(com1.toString(StandardCharsets.ISO_8859_1)));
            }
            String screen = com1.toString(StandardCharsets.ISO_8859_1);
            assertTrue(screen.contains("Pass:  1"), "a pass within the budget\n" + tail(screen));
            for (String test : List.of("#0  [Address test, walking ones", "#7  [Block move]", "#9  [Modulo 20")) {
                assertTrue(screen.contains(test), test + "\n" + tail(screen));
            }
            assertNoErrors(screen);
        }
    }

    private static void assertNoErrors(String screen) {
        assertFalse(ERRORS.matcher(screen).find(), tail(screen));
        assertTrue(tail(screen).contains("Errors: 0"), tail(screen));
    }

    private static PcMachine memtest(ByteArrayOutputStream com1) {
        assumeTrue(Files.isReadable(MEMTEST), "install Debian's memtest86+ package");
        assumeTrue(SeaBiosBootTest.seabiosPresent(), "install Debian's seabios package");
        return PcMachine.create(PcOptionsParser.parse(List.of("-m", "64", "-nographic", "-no-reboot", "-kernel",
                        MEMTEST.toString(), "-append", "console=ttyS0,115200")),
                new Host(InputStream.nullInputStream(), com1, OutputStream.nullOutputStream(), LocalDateTime.of(2024, 1, 1, 0, 0)),
                X86System.Options.defaults());
    }

    private static String tail(String screen) {
        return screen.substring(Math.max(0, screen.length() - 4000));
    }
}
