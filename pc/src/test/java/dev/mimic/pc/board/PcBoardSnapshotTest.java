package dev.mimic.pc.board;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pc.ide.AtaDisk;
import dev.mimic.pc.ide.AtapiCdrom;
import dev.mimic.pc.ide.DiskImage;
import dev.mimic.pc.memory.RamLayout;
import dev.mimic.pc.serial.StreamBackend;
import dev.mimic.x86.system.IoPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A board restored from a snapshot behaves exactly like the one saved: both are driven into
 * the middle of many operations, one is saved and restored into a fresh board, and from then on
 * both must answer the same port reads and deliver the same interrupts at the same times.
 */
class PcBoardSnapshotTest {
    @TempDir
    Path dir;
    final List<DiskImage> images = new ArrayList<>();
    Path disk;
    Path disc;

    @BeforeEach
    void images() throws IOException {
        disk = dir.resolve("hda.img");
        byte[] sectors = new byte[64 * 512];
        for (int i = 0; i < sectors.length; i++) {
            sectors[i] = (byte) (i * 7 + i / 512);
        }
        Files.write(disk, sectors);
        disc = dir.resolve("disc.iso");
        Files.write(disc, new byte[16 * 2048]);
    }

    @AfterEach
    void close() throws IOException {
        for (DiskImage image : images) {
            image.close();
        }
    }

    PcBoard board() throws IOException {
        DiskImage hda = DiskImage.open(disk, true);
        DiskImage cd = DiskImage.openReadOnly(disc);
        images.add(hda);
        images.add(cd);
        BoardSettings settings = new BoardSettings(RamLayout.of(32L << 20), 1, "c", true,
                List.of(new StreamBackend(null, OutputStream.nullOutputStream(), false)),
                List.of(new AtaDisk(hda)), List.of(new AtapiCdrom(cd)), LocalDateTime.of(2026, 3, 4, 5, 6, 7),
                OutputStream.nullOutputStream(), () -> { }, status -> { }, true);
        return new PcBoard(new FlatMemory(1 << 20), settings);
    }

    /** Leaves many devices in the middle of something. */
    static void driveIntoMidState(PcBoard board) {
        IoPorts io = board.io();
        PcBoardTest.initialisePics(io);
        io.out(0x21, 1, 0x00);
        io.out(0x43, 1, 0x34);
        io.out(0x40, 1, 0x00);
        io.out(0x40, 1, 0x10);
        io.out(0x61, 1, 0x01);
        io.out(0x43, 1, 0xB6);
        io.out(0x42, 1, 0x34);
        io.out(0x70, 1, 0x0B);
        io.out(0x71, 1, 0x52);
        io.out(0x3F8 + 2, 1, 0x87);
        io.out(0x3F8 + 4, 1, 0x0B);
        io.out(0x3F8 + 1, 1, 0x01);
        io.out(0x60, 1, 0xF2);
        board.keyboardController().pressKey(0x1C);
        io.out(0xCF8, 4, 0x8000_0058);
        io.out(0xCFD, 1, 0x33);
        io.out(0x510, 2, 0x0000);
        io.in(0x511, 1);
        io.out(0x1F2, 1, 2);
        io.out(0x1F3, 1, 5);
        io.out(0x1F6, 1, 0xE0);
        io.out(0x1F7, 1, 0x20);
        for (int i = 0; i < 100; i++) {
            io.in(0x1F0, 2);
        }
        io.out(0x3C2, 1, 0x67);
        io.out(0x3C4, 2, 0x0F02);
        board.vga().memory().write(0x18000, 2, 0x1F41);
        board.clock().advanceBy(3_333_333);
    }

    static byte[] save(PcBoard board) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        board.saveState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    /** What a guest would observe: port reads with their side effects, and interrupts as time passes. */
    static List<Long> observe(PcBoard board) {
        IoPorts io = board.io();
        List<Long> seen = new ArrayList<>();
        int[] ports = {0x20, 0x21, 0xA1, 0x40, 0x40, 0x42, 0x61, 0x60, 0x60, 0x64, 0x60, 0x3FA, 0x3FD, 0x511, 0x511,
            0x1F7, 0x1F0, 0x1F0, 0x3D5, 0x3C5, 0x174};
        io.out(0x3F8 + 0, 1, 'x');
        for (int port : ports) {
            seen.add((long) io.in(port, 1));
        }
        io.out(0xCF8, 4, 0x8000_0058);
        seen.add((long) io.in(0xCFC, 4));
        for (int reg : new int[] {0x00, 0x02, 0x04, 0x0A, 0x0C}) {
            io.out(0x70, 1, reg);
            seen.add((long) io.in(0x71, 1));
        }
        seen.add((long) board.vga().memory().read(0x18000, 2));
        for (int step = 0; step < 40; step++) {
            board.clock().advanceBy(700_000);
            seen.add(board.clock().nanos());
            if (board.interrupts().pending()) {
                int vector = board.interrupts().acknowledge();
                seen.add((long) vector);
                io.out(vector >= 0x70 ? 0xA0 : 0x20, 1, 0x20);
                if (vector >= 0x70) {
                    io.out(0x20, 1, 0x20);
                    io.out(0x70, 1, 0x0C);
                    seen.add((long) io.in(0x71, 1));
                }
            }
        }
        return seen;
    }

    /** A fresh board built the same way, restored from {@code board}'s snapshot. */
    PcBoard restoredCopyOf(PcBoard board) throws IOException {
        PcBoard copy = board();
        copy.restoreState(new DataInputStream(new ByteArrayInputStream(save(board))));
        return copy;
    }

    @Test
    void aRestoredBoardBehavesLikeTheSavedOne() throws IOException {
        PcBoard original = board();
        driveIntoMidState(original);
        PcBoard restored = restoredCopyOf(original);
        assertEquals(observe(original), observe(restored));
    }

    @Test
    void savingTheRestoredBoardGivesTheSameBytes() throws IOException {
        PcBoard board = board();
        driveIntoMidState(board);
        assertArrayEquals(save(board), save(restoredCopyOf(board)));
    }

    @Test
    void aBoardBuiltDifferentlyRefusesTheSnapshot() throws IOException {
        PcBoard board = board();
        byte[] snapshot = save(board);
        BoardSettings fewer = new BoardSettings(RamLayout.of(32L << 20), 1, "c", true, List.of(), List.of(), List.of(),
                LocalDateTime.of(2026, 1, 1, 0, 0), OutputStream.nullOutputStream(), () -> { }, status -> { }, true);
        PcBoard other = new PcBoard(new FlatMemory(1 << 20), fewer);
        assertEquals("the snapshot's PC has 19 devices with state, this one 16; restore with the same serial ports and drives",
                assertThrows(MachineException.class, () -> other.restoreState(new DataInputStream(new ByteArrayInputStream(snapshot)))).getMessage());
    }
}
