package dev.mimic.pc.board;

import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pc.ide.AtaDisk;
import dev.mimic.pc.ide.DiskImage;
import dev.mimic.pc.ide.IdeDrive;
import dev.mimic.pc.memory.RamLayout;
import dev.mimic.pc.serial.SerialBackend;
import dev.mimic.pc.serial.StreamBackend;
import dev.mimic.x86.system.InterruptRequests;
import dev.mimic.x86.system.IoPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcBoardTest {
    final ByteArrayOutputStream com1 = new ByteArrayOutputStream();
    final ByteArrayOutputStream debug = new ByteArrayOutputStream();
    final List<Integer> exits = new ArrayList<>();
    int resets;

    PcBoard board(List<IdeDrive> disks) {
        SerialBackend serial = new StreamBackend(null, com1, false);
        BoardSettings settings = new BoardSettings(RamLayout.of(64L << 20), 1, "cd", true, List.of(serial), disks, List.of(),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5), debug, () -> resets++, exits::add, true);
        return new PcBoard(new FlatMemory(64 << 20), settings);
    }

    static void initialisePics(IoPorts io) {
        int[][] sequence = {{0x20, 0x11}, {0x21, 0x08}, {0x21, 0x04}, {0x21, 0x01}, {0xA0, 0x11}, {0xA1, 0x70}, {0xA1, 0x02}, {0xA1, 0x01}};
        for (int[] write : sequence) {
            io.out(write[0], 1, write[1]);
        }
    }

    /** PIT channel 0 in mode 2 at about 100 Hz (divisor 11931), as a BIOS or Linux sets it. */
    private static void startPitTicks(IoPorts io) {
        io.out(0x43, 1, 0x34);
        io.out(0x40, 1, 0x9B);
        io.out(0x40, 1, 0x2E);
    }

    @Test
    void timerTickReachesTheCpuAsVector8() {
        PcBoard board = board(List.of());
        IoPorts io = board.io();
        InterruptRequests cpu = board.interrupts();
        initialisePics(io);
        startPitTicks(io);
        assertFalse(cpu.pending(), "programming mode 2 leaves the output high: no edge yet");
        board.clock().advanceBy(15_000_000);
        assertTrue(cpu.pending());
        assertEquals(0x08, cpu.acknowledge(), "BIOS vector base 8, IRQ 0");
        io.out(0x20, 1, 0x20);
    }

    @Test
    void timerTickReachesTheCpuThroughIoApicPin2OnceLinuxRoutesIt() {
        PcBoard board = board(List.of());
        IoPorts io = board.io();
        InterruptRequests cpu = board.interrupts();
        initialisePics(io);
        io.out(0x21, 1, 0xFF);                                      // the 8259A masked, as Linux leaves it
        board.localApic().write(0xF0, 4, 0x1FF);                    // software enable
        board.localApic().write(0x350, 4, 0x1_0700);                // LINT0 masked
        board.ioApic().write(0x00, 4, 0x14);                        // pin 2's entry: vector 0x30, fixed, edge
        board.ioApic().write(0x10, 4, 0x30);
        startPitTicks(io);
        board.clock().advanceBy(15_000_000);
        assertTrue(cpu.pending());
        assertEquals(0x30, cpu.acknowledge());
    }

    @Test
    void serialInterruptFlowsThroughTheSlaveFreeMasterOnIrq4() {
        PcBoard board = board(List.of());
        IoPorts io = board.io();
        initialisePics(io);
        io.out(0x3F8 + 4, 1, 0x08);
        io.out(0x3F8 + 1, 1, 0x02);
        assertEquals(0x0C, board.interrupts().acknowledge());
        io.out(0x3F8, 1, 'k');
        assertEquals("k", com1.toString());
    }

    @Test
    void rtcInterruptCascadesThroughIrq2() {
        PcBoard board = board(List.of());
        IoPorts io = board.io();
        initialisePics(io);
        io.out(0x70, 1, 0x0B);
        io.out(0x71, 1, 0x12);
        board.clock().advanceBy(1_000_000_000L);
        assertEquals(0x70, board.interrupts().acknowledge(), "IRQ 8 is the slave's first vector");
    }

    @Test
    void firmwareFindsItsDevices() {
        PcBoard board = board(List.of());
        IoPorts io = board.io();
        io.out(0xCF8, 4, 0x8000_0000);
        assertEquals(0x1237_8086, io.in(0xCFC, 4));
        io.out(0x510, 2, 0);
        assertEquals('Q', io.in(0x511, 1));
        io.out(0x70, 1, 0x34);
        assertEquals((64 - 16) * 16, io.in(0x71, 1) | readCmos(io, 0x35) << 8);
        assertEquals(0x32, readCmos(io, 0x3D), "boot order: disk (2) first, in the low nibble, then CD-ROM (3)");
        assertEquals(0x05, readCmos(io, 0x00), "RTC started at 03:04:05");
        assertEquals(0xE9, io.in(0xE9, 1));
        io.out(0x402, 1, '!');
        assertEquals("!", debug.toString());
        io.out(0xF4, 1, 3);
        assertEquals(List.of(7), exits);
        io.out(0x92, 1, 0x01);
        io.out(0x64, 1, 0xFE);
        assertEquals(2, resets);
        io.out(0x92, 1, 0x00);
        assertFalse(board.a20().enabled());
        io.out(0x3C4, 1, 0x02);
        assertEquals(0x02, io.in(0x3C4, 1), "the VGA sequencer answers");
    }

    static int readCmos(IoPorts io, int index) {
        io.out(0x70, 1, index);
        return io.in(0x71, 1);
    }

    @Test
    void diskAnswersOnThePrimaryChannel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hda.img");
        Files.write(file, new byte[64 * 512]);
        try (DiskImage image = DiskImage.open(file, true)) {
            PcBoard board = board(List.of(new AtaDisk(image)));
            IoPorts io = board.io();
            io.out(0x1F6, 1, 0xA0);
            io.out(0x1F7, 1, 0xEC);
            assertEquals(0x58, io.in(0x1F7, 1));
            assertEquals(0x0040, io.in(0x1F0, 2));
            assertEquals(0x00, io.in(0x177, 1) & 0x00, "no secondary channel");
            assertEquals(0xFF, io.in(0x177, 1));
        }
    }
}
