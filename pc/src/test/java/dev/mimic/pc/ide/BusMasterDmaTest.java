package dev.mimic.pc.ide;

import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pc.bus.IoBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** READ/WRITE DMA and DMA packets through the bus-master engine, as ata_piix drives them: PRD table, command, start, interrupt, stop. */
class BusMasterDmaTest {
    static final int BASE = 0x1F0;
    static final int TABLE = 0x1000;
    static final int START = 0x01;
    static final int TO_MEMORY = 0x08;

    @TempDir
    Path dir;
    Path file;
    DiskImage image;
    final FlatMemory memory = new FlatMemory(1 << 20);
    final BusMaster engine = new BusMaster(memory);
    final IoBus bus = new IoBus();
    boolean irq;

    void attach(IdeDrive drive) {
        IdeChannel channel = new IdeChannel(level -> irq = level, drive, null);
        channel.attach(bus, BASE, 0x3F6);
        channel.connect(engine);
    }

    void disk() throws IOException {
        file = dir.resolve("disk.img");
        byte[] bytes = new byte[IdeChannelTest.SECTORS * 512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i / 512 + i % 512);
        }
        Files.write(file, bytes);
        image = DiskImage.open(file, false);
        attach(new AtaDisk(image));
    }

    @AfterEach
    void close() throws IOException {
        image.close();
    }

    /** A PRD table of (address, bytes) regions, the last marked end of table. */
    void table(int... regions) {
        for (int i = 0; i < regions.length; i += 2) {
            memory.store32(TABLE + 4L * i, regions[i]);
            int control = regions[i + 1] & 0xFFFF | (i + 2 == regions.length ? 0x8000_0000 : 0);
            memory.store32(TABLE + 4L * i + 4, control);
        }
        engine.write(BusMaster.TABLE, 4, TABLE);
    }

    void command(long lba, int count, int command) {
        bus.out(BASE + 2, 1, count);
        bus.out(BASE + 3, 1, (int) lba);
        bus.out(BASE + 4, 1, (int) (lba >>> 8));
        bus.out(BASE + 5, 1, (int) (lba >>> 16));
        bus.out(BASE + 6, 1, 0xE0);
        bus.out(BASE + 7, 1, command);
    }

    int engineStatus() {
        return engine.read(BusMaster.STATUS, 1);
    }

    byte[] guest(long address, int length) {
        byte[] bytes = new byte[length];
        memory.read(address, bytes, 0, length);
        return bytes;
    }

    static byte[] sectors(long first, int count) {
        byte[] bytes = new byte[count * 512];
        for (int i = 0; i < count; i++) {
            System.arraycopy(IdeChannelTest.sector(first + i), 0, bytes, i * 512, 512);
        }
        return bytes;
    }

    @Test
    void readDmaScattersSectorsOverTheTableAndInterruptsOnce() throws IOException {
        disk();
        table(0x20000, 512, 0x30000, 1024, 0x40000, 512);
        command(100, 4, 0xC8);
        assertEquals(0x58, bus.in(0x3F6, 1), "DRQ: waiting for the engine");
        assertFalse(irq);
        engine.write(BusMaster.COMMAND, 1, START | TO_MEMORY);
        assertTrue(irq);
        assertEquals(0x04, engineStatus(), "interrupt, and inactive: the table ended with the transfer");
        assertArrayEquals(sectors(100, 1), guest(0x20000, 512));
        assertArrayEquals(sectors(101, 2), guest(0x30000, 1024));
        assertArrayEquals(sectors(103, 1), guest(0x40000, 512));
        engine.write(BusMaster.COMMAND, 1, TO_MEMORY);
        assertEquals(0x50, bus.in(BASE + 7, 1));
        assertFalse(irq);
        engine.write(BusMaster.STATUS, 1, 0x04);
        assertEquals(0, engineStatus(), "a one clears the interrupt bit");
    }

    @Test
    void startBeforeTheCommandWorksToo() throws IOException {
        disk();
        table(0x20000, 2048);
        engine.write(BusMaster.COMMAND, 1, START | TO_MEMORY);
        assertEquals(0x01, engineStatus(), "active");
        command(7, 4, 0xC8);
        assertTrue(irq);
        assertArrayEquals(sectors(7, 4), guest(0x20000, 2048));
    }

    @Test
    void writeDmaGathersFromMemoryIntoTheImage() throws IOException {
        disk();
        byte[] data = new byte[1536];
        Arrays.fill(data, (byte) 0x5A);
        data[0] = 1;
        data[1535] = 2;
        memory.write(0x50000, data, 0, 1536);
        table(0x50000, 1024, 0x50400, 512);
        command(2000, 3, 0xCA);
        engine.write(BusMaster.COMMAND, 1, START);
        assertTrue(irq);
        assertEquals(0x04, engineStatus());
        byte[] onDisk = Arrays.copyOfRange(Files.readAllBytes(file), 2000 * 512, 2003 * 512);
        assertArrayEquals(data, onDisk);
    }

    @Test
    void lba48ReadDmaExtTakesTheHighOrderBytes() throws IOException {
        disk();
        table(0x20000, 1024);
        bus.out(BASE + 2, 1, 0);
        bus.out(BASE + 2, 1, 2);
        bus.out(BASE + 3, 1, 0);
        bus.out(BASE + 3, 1, 0x34);
        bus.out(BASE + 4, 1, 0);
        bus.out(BASE + 4, 1, 0x08);
        bus.out(BASE + 5, 1, 0);
        bus.out(BASE + 5, 1, 0);
        bus.out(BASE + 6, 1, 0x40);
        bus.out(BASE + 7, 1, 0x25);
        engine.write(BusMaster.COMMAND, 1, START | TO_MEMORY);
        assertArrayEquals(sectors(0x834, 2), guest(0x20000, 1024));
    }

    /**
     * How the engine's status tells the driver the table and the transfer ended: together
     * (interrupt), table longer (interrupt, still active), table shorter (neither, and the drive
     * still asks for data).
     */
    @ParameterizedTest
    @CsvSource({"1024, 2, true, 0x04, 0x50", "4096, 1, true, 0x05, 0x50", "512, 2, false, 0x00, 0x58"})
    void theStatusSaysHowTableAndTransferEnded(int tableBytes, int sectors, boolean interrupt, int engineStatus, int driveStatus)
            throws IOException {
        disk();
        table(0x20000, tableBytes);
        command(0, sectors, 0xC8);
        engine.write(BusMaster.COMMAND, 1, START | TO_MEMORY);
        assertEquals(interrupt, irq);
        assertEquals(engineStatus, engineStatus());
        assertEquals(driveStatus, bus.in(0x3F6, 1));
    }

    @Test
    void aZeroByteCountMeans64KiB() throws IOException {
        disk();
        table(0x20000, 0);
        command(0, 128, 0xC8);
        engine.write(BusMaster.COMMAND, 1, START | TO_MEMORY);
        assertEquals(0x04, engineStatus());
        assertArrayEquals(sectors(0, 128), guest(0x20000, 65536));
    }

    @Test
    void outOfRangeDmaFailsWithIdNotFound() throws IOException {
        disk();
        table(0x20000, 1024);
        command(IdeChannelTest.SECTORS - 1, 2, 0xC8);
        assertTrue(irq);
        assertEquals(0x51, bus.in(BASE + 7, 1));
        assertEquals(0x10, bus.in(BASE + 1, 1));
    }

    @Test
    void setFeaturesSelectsTheModeIdentifyReports() throws IOException {
        disk();
        bus.out(BASE + 1, 1, 0x03);
        bus.out(BASE + 2, 1, 0x22);
        bus.out(BASE + 7, 1, 0xEF);
        assertEquals(0x50, bus.in(BASE + 7, 1));
        bus.out(BASE + 7, 1, 0xEC);
        bus.in(BASE + 7, 1);
        byte[] id = new byte[512];
        for (int i = 0; i < 512; i += 2) {
            int w = bus.in(BASE, 2);
            id[i] = (byte) w;
            id[i + 1] = (byte) (w >>> 8);
        }
        assertEquals(0x0407, IdeChannelTest.word(id, 63), "multiword DMA 0-2 supported, 2 selected");
        assertEquals(0x003F, IdeChannelTest.word(id, 88), "Ultra DMA 0-5 supported, none selected");
    }

    @Test
    void aPacketWithTheDmaBitAnswersThroughTheEngine() throws IOException {
        byte[] iso = new byte[20 * 2048];
        for (int n = 0; n < 20; n++) {
            iso[n * 2048] = (byte) (n + 1);
        }
        file = dir.resolve("disc.iso");
        Files.write(file, iso);
        image = DiskImage.openReadOnly(file);
        attach(new AtapiCdrom(image));
        table(0x20000, 4096);
        bus.out(BASE + 1, 1, 0x01);
        bus.out(BASE + 7, 1, 0xA0);
        byte[] read10 = {0x28, 0, 0, 0, 0, 5, 0, 0, 2, 0, 0, 0};
        for (int i = 0; i < 12; i += 2) {
            bus.out(BASE, 2, read10[i] & 0xFF | (read10[i + 1] & 0xFF) << 8);
        }
        assertFalse(irq, "waiting for the engine");
        engine.write(BusMaster.COMMAND, 1, START | TO_MEMORY);
        assertTrue(irq);
        assertEquals(0x04, engineStatus());
        assertEquals(0x03, bus.in(BASE + 2, 1), "interrupt reason: status");
        assertEquals(0x50, bus.in(BASE + 7, 1));
        assertEquals(6, memory.load8(0x20000));
        assertEquals(7, memory.load8(0x20000 + 2048));
    }
}
