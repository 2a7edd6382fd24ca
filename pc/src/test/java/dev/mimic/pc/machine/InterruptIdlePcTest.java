package dev.mimic.pc.machine;

import dev.mimic.backend.exec.StopEvent;
import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.X86System;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A debugger's interrupt (the workbench's Ctrl-C calls the engine's {@code interrupt}) stops a PC
 * whose processor waits in HLT: SeaBIOS's 60-second wait after "No bootable device" is almost all
 * halted time, during which the engine does not run, so the machine itself must see the request.
 * The request comes from a clock event at virtual second 30, inside that wait, so it arrives while
 * the processor is halted, every run alike.
 */
class InterruptIdlePcTest {
    private static final long DURING_THE_WAIT = 30_000_000_000L;

    @Test
    void anInterruptStopsAPcWaitingInHlt() throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(List.of("-m", "32", "-nographic", "-no-reboot")),
                new Host(InputStream.nullInputStream(), com1, OutputStream.nullOutputStream(), LocalDateTime.of(2024, 1, 1, 0, 0)),
                X86System.Options.defaults())) {
            pc.board().clock().newEvent(() -> pc.engine().interrupt()).schedule(DURING_THE_WAIT);
            StopEvent stop = pc.resume(100_000_000_000L);
            assertEquals(StopEvent.Kind.INTERRUPTED, stop.kind(), stop.message());
            assertEquals(DURING_THE_WAIT, pc.board().clock().nanos(), "stopped when the request came");
            assertTrue(com1.toString(StandardCharsets.ISO_8859_1).contains("No bootable device."));
            assertTrue(pc.cpu().isHalted());
        }
    }
}
