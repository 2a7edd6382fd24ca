package dev.mimic.pc.board;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pc.boot.SyntheticBzImage;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.IoPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoardSetupTest {
    @TempDir
    Path dir;

    BoardSetup open(String... args) {
        PcOptions options = PcOptionsParser.parse(List.of(args));
        return BoardSetup.open(options, new Host(InputStream.nullInputStream(), OutputStream.nullOutputStream(), new ByteArrayOutputStream(),
                LocalDateTime.of(2026, 1, 1, 0, 0)), () -> { }, status -> { });
    }

    @Test
    void optionsBecomeBoardSettings() throws IOException {
        Path disk = dir.resolve("hda.img");
        Files.write(disk, new byte[1 << 20]);
        Path log = dir.resolve("com1.log");
        try (BoardSetup setup = open("-m", "256M", "-hda", disk.toString(), "-snapshot", "-serial", "file:" + log, "-boot", "d")) {
            BoardSettings settings = setup.settings();
            assertEquals(256L << 20, settings.ram().below4g());
            assertEquals("d", settings.bootOrder());
            assertEquals(1, settings.primary().size());
            settings.serial().get(0).write('x');
            PcBoard board = new PcBoard(new FlatMemory(1 << 20), settings);
            IoPorts io = board.io();
            io.out(0x1F6, 1, 0xA0);
            io.out(0x1F7, 1, 0xEC);
            assertEquals(0x58, io.in(0x1F7, 1));
        }
        assertEquals("x", Files.readString(log));
    }

    @Test
    void kernelGoesToFwCfgWithTheOptionRom() throws IOException {
        Path kernel = dir.resolve("vmlinuz");
        Files.write(kernel, SyntheticBzImage.build());
        Path rom = dir.resolve("linuxboot_dma.bin");
        Files.write(rom, new byte[] {0x55, (byte) 0xAA, 1});
        try (BoardSetup setup = open("-kernel", kernel.toString(), "-append", "console=ttyS0")) {
            PcBoard board = new PcBoard(new FlatMemory(1 << 20), setup.settings());
            setup.installKernel(board.fwCfg(), dir);
            IoPorts io = board.io();
            io.out(0x510, 2, 0x15);
            byte[] cmdline = new byte[14];
            for (int i = 0; i < cmdline.length; i++) {
                cmdline[i] = (byte) io.in(0x511, 1);
            }
            assertArrayEquals("console=ttyS0\0".getBytes(), cmdline);
        }
    }

    @Test
    void cdromIsTheSecondaryMaster() throws IOException {
        Path iso = dir.resolve("disc.iso");
        Files.write(iso, new byte[16 * 2048]);
        try (BoardSetup setup = open("-cdrom", iso.toString(), "-boot", "d")) {
            PcBoard board = new PcBoard(new FlatMemory(1 << 20), setup.settings());
            IoPorts io = board.io();
            assertEquals(0x14, io.in(0x174, 1), "ATAPI signature");
            assertEquals(0xEB, io.in(0x175, 1));
            assertEquals(0xFF, io.in(0x1F7, 1), "no primary channel");
        }
    }

    @Test
    void missingFilesAreOneLineErrors() {
        Path missing = dir.resolve("nope.img");
        assertEquals(missing + ": cannot open the disk image: " + missing,
                assertThrows(MachineException.class, () -> open("-hda", missing.toString())).getMessage());
        assertEquals(missing + ": cannot open the disk image: " + missing,
                assertThrows(MachineException.class, () -> open("-cdrom", missing.toString())).getMessage());
    }
}
