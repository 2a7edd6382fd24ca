package dev.mimic.pc.ide;

import dev.mimic.pc.bus.IoBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdeChannelTest {
    static final int SECTORS = 2200;
    static final int BASE = 0x1F0;

    @TempDir
    Path dir;
    Path file;
    DiskImage image;
    final IoBus bus = new IoBus();
    boolean irq;

    /** Sector n is filled with bytes (n + i) & 0xFF. */
    void setUp(boolean snapshot) throws IOException {
        file = dir.resolve("disk.img");
        byte[] bytes = new byte[SECTORS * 512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i / 512 + i % 512);
        }
        Files.write(file, bytes);
        image = DiskImage.open(file, snapshot);
        new IdeChannel(level -> irq = level, new AtaDisk(image), null).attach(bus, BASE, 0x3F6);
    }

    @AfterEach
    void close() throws IOException {
        image.close();
    }

    int status() {
        return bus.in(BASE + 7, 1);
    }

    byte[] readWords(int bytes) {
        byte[] data = new byte[bytes];
        for (int i = 0; i < bytes; i += 2) {
            int w = bus.in(BASE, 2);
            data[i] = (byte) w;
            data[i + 1] = (byte) (w >>> 8);
        }
        return data;
    }

    static byte[] sector(long n) {
        byte[] s = new byte[512];
        for (int i = 0; i < 512; i++) {
            s[i] = (byte) (n + i);
        }
        return s;
    }

    /** Writes the sector count and the three LBA (or sector, cylinder low, cylinder high) registers. */
    void taskFile(int count, int low, int mid, int high) {
        bus.out(BASE + 2, 1, count);
        bus.out(BASE + 3, 1, low);
        bus.out(BASE + 4, 1, mid);
        bus.out(BASE + 5, 1, high);
    }

    void lba28(long lba, int count) {
        taskFile(count, (int) lba, (int) (lba >>> 8), (int) (lba >>> 16));
        bus.out(BASE + 6, 1, 0xE0 | (int) (lba >>> 24 & 0xF));
    }

    @Test
    void afterResetTheChannelShowsTheAtaSignature() throws IOException {
        setUp(false);
        bus.out(0x3F6, 1, 0x04);
        assertEquals(0x80, bus.in(0x3F6, 1), "busy while SRST is held");
        bus.out(0x3F6, 1, 0x00);
        assertEquals(0x50, status());
        assertEquals(1, bus.in(BASE + 2, 1));
        assertEquals(1, bus.in(BASE + 3, 1));
        assertEquals(0, bus.in(BASE + 4, 1));
        assertEquals(0, bus.in(BASE + 5, 1));
        assertEquals(1, bus.in(BASE + 1, 1), "diagnostic code: no error");
    }

    @Test
    void identifyReportsSizeGeometryAndModel() throws IOException {
        setUp(false);
        bus.out(BASE + 6, 1, 0xA0);
        bus.out(BASE + 7, 1, 0xEC);
        assertTrue(irq);
        assertEquals(0x58, status(), "DRQ: the block is ready");
        assertFalse(irq, "reading status acknowledges");
        byte[] id = readWords(512);
        assertEquals(0x50, status());
        assertEquals(SECTORS / (16 * 63), word(id, 1));
        assertEquals(16, word(id, 3));
        assertEquals(63, word(id, 6));
        assertEquals(SECTORS, word(id, 60) | word(id, 61) << 16);
        assertEquals(SECTORS, word(id, 100));
        assertEquals(0x0300, word(id, 49) & 0x0300, "LBA and DMA");
        assertEquals('M' << 8 | 'i', word(id, 27), "ATA strings put the first character in the high byte");
    }

    static int word(byte[] id, int index) {
        return id[2 * index] & 0xFF | (id[2 * index + 1] & 0xFF) << 8;
    }

    @Test
    void readSectorsInLba28InterruptsPerSector() throws IOException {
        setUp(false);
        lba28(1234, 2);
        bus.out(BASE + 7, 1, 0x20);
        assertTrue(irq);
        status();
        assertArrayEquals(sector(1234), readWords(512));
        assertTrue(irq, "next sector ready");
        assertEquals(0x58, status());
        assertArrayEquals(sector(1235), readWords(512));
        assertEquals(0x50, status());
    }

    @Test
    void chsAddressingUsesTheBiosGeometry() throws IOException {
        setUp(false);
        taskFile(1, 5, 1, 0);
        bus.out(BASE + 6, 1, 0xA3);
        bus.out(BASE + 7, 1, 0x20);
        status();
        assertArrayEquals(sector((16 + 3) * 63 + 4), readWords(512), "cylinder 1, head 3, sector 5");
    }

    @Test
    void lba48ReadUsesTheHighOrderBytes() throws IOException {
        setUp(false);
        taskFile(0, 0, 0, 0);
        taskFile(1, 0x10, 0x08, 0);
        bus.out(BASE + 6, 1, 0x40);
        bus.out(0x3F6, 1, 0x80);
        assertEquals(0, bus.in(BASE + 2, 1), "HOB reads the earlier byte");
        bus.out(BASE + 7, 1, 0x24);
        status();
        assertArrayEquals(sector(0x0810), readWords(512));
    }

    @Test
    void writeSectorsReachTheImageAndReadBack() throws IOException {
        setUp(false);
        writeSector(7, (byte) 0x5A);
        byte[] onDisk = Files.readAllBytes(file);
        assertEquals(0x5A, onDisk[7 * 512 + 100]);
    }

    void writeSector(long lba, byte fill) {
        lba28(lba, 1);
        bus.out(BASE + 7, 1, 0x30);
        assertEquals(0x58, bus.in(0x3F6, 1), "DRQ without an interrupt for the first block");
        assertFalse(irq);
        for (int i = 0; i < 128; i++) {
            bus.out(BASE, 4, (fill & 0xFF) * 0x01010101);
        }
        assertTrue(irq);
        assertEquals(0x50, status());
    }

    @Test
    void snapshotWritesStayInTheOverlay() throws IOException {
        setUp(true);
        byte[] before = Files.readAllBytes(file);
        writeSector(7, (byte) 0x5A);
        assertArrayEquals(before, Files.readAllBytes(file), "the image file is untouched");
        lba28(7, 1);
        bus.out(BASE + 7, 1, 0x20);
        status();
        assertEquals(0x5A5A, bus.in(BASE, 2));
    }

    @Test
    void readMultipleMovesBlocksOfTheSetSize() throws IOException {
        setUp(false);
        bus.out(BASE + 7, 1, 0xC4);
        assertEquals(0x51, status(), "no multiple count yet: aborted");
        assertEquals(0x04, bus.in(BASE + 1, 1));
        bus.out(BASE + 2, 1, 4);
        bus.out(BASE + 7, 1, 0xC6);
        status();
        lba28(100, 8);
        bus.out(BASE + 7, 1, 0xC4);
        status();
        byte[] block = readWords(4 * 512);
        assertEquals(sector(103)[0], block[3 * 512]);
        assertTrue(irq, "one interrupt per block");
        status();
        readWords(4 * 512);
        assertEquals(0x50, status());
    }

    @Test
    void outOfRangeSectorsAndUnknownCommandsFail() throws IOException {
        setUp(false);
        lba28(SECTORS, 1);
        bus.out(BASE + 7, 1, 0x20);
        assertEquals(0x51, status());
        assertEquals(0x10, bus.in(BASE + 1, 1), "IDNF");
        bus.out(BASE + 7, 1, 0xA1);
        assertEquals(0x04, bus.in(BASE + 1, 1), "IDENTIFY PACKET DEVICE is aborted by a disk");
    }

    @Test
    void nienMasksTheInterruptAndAbsentSlaveReadsZero() throws IOException {
        setUp(false);
        bus.out(0x3F6, 1, 0x02);
        bus.out(BASE + 7, 1, 0xE7);
        assertFalse(irq);
        bus.out(BASE + 6, 1, 0xB0);
        assertEquals(0, status());
    }

    @Test
    void readNativeMaxAddressReportsTheLastSector() throws IOException {
        setUp(false);
        bus.out(BASE + 6, 1, 0xE0);
        bus.out(BASE + 7, 1, 0xF8);
        status();
        int max = bus.in(BASE + 3, 1) | bus.in(BASE + 4, 1) << 8 | bus.in(BASE + 5, 1) << 16;
        assertEquals(SECTORS - 1, max);
    }
}
