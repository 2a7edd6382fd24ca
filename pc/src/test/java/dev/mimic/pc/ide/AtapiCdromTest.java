package dev.mimic.pc.ide;

import dev.mimic.pc.bus.IoBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtapiCdromTest {
    static final int BASE = 0x170;
    static final int BLOCKS = 100;

    @TempDir
    Path dir;
    DiskImage image;
    final IoBus bus = new IoBus();
    boolean irq;

    /** Block n of the disc starts with the byte n. */
    @BeforeEach
    void setUp() throws IOException {
        byte[] iso = new byte[BLOCKS * 2048];
        for (int n = 0; n < BLOCKS; n++) {
            iso[n * 2048] = (byte) n;
        }
        Path file = dir.resolve("disc.iso");
        Files.write(file, iso);
        image = DiskImage.openReadOnly(file);
        new IdeChannel(level -> irq = level, new AtapiCdrom(image), null).attach(bus, BASE, 0x376);
    }

    @AfterEach
    void close() throws IOException {
        image.close();
    }

    /** Sends a packet with a byte count limit and returns the status after the command phase. */
    int packet(int limit, int... bytes) {
        bus.out(BASE + 1, 1, 0);
        bus.out(BASE + 4, 1, limit & 0xFF);
        bus.out(BASE + 5, 1, limit >> 8);
        bus.out(BASE + 7, 1, 0xA0);
        assertEquals(0x58, bus.in(0x376, 1), "DRQ for the packet");
        assertEquals(0x01, bus.in(BASE + 2, 1), "interrupt reason: command");
        byte[] cdb = new byte[12];
        for (int i = 0; i < bytes.length; i++) {
            cdb[i] = (byte) bytes[i];
        }
        for (int i = 0; i < 12; i += 2) {
            bus.out(BASE, 2, cdb[i] & 0xFF | (cdb[i + 1] & 0xFF) << 8);
        }
        assertTrue(irq);
        return bus.in(BASE + 7, 1);
    }

    /** Reads the piece on offer: its length from LBA mid/high. */
    byte[] piece() {
        assertEquals(0x02, bus.in(BASE + 2, 1), "interrupt reason: data to the host");
        int length = bus.in(BASE + 4, 1) | bus.in(BASE + 5, 1) << 8;
        byte[] data = new byte[length];
        for (int i = 0; i < length; i += 2) {
            int w = bus.in(BASE, 2);
            data[i] = (byte) w;
            data[i + 1] = (byte) (w >> 8);
        }
        return data;
    }

    void assertStatusPhase() {
        assertTrue(irq);
        assertEquals(0x03, bus.in(BASE + 2, 1), "interrupt reason: status");
        assertEquals(0x50, bus.in(BASE + 7, 1));
    }

    @Test
    void signatureAndIdentifyMarkAPacketDevice() {
        assertEquals(0x14, bus.in(BASE + 4, 1));
        assertEquals(0xEB, bus.in(BASE + 5, 1));
        bus.out(BASE + 7, 1, 0xEC);
        assertEquals(0x51, bus.in(BASE + 7, 1), "IDENTIFY DEVICE is aborted");
        assertEquals(0xEB, bus.in(BASE + 5, 1), "with the signature in place");
        bus.out(BASE + 7, 1, 0xA1);
        assertEquals(0x58, bus.in(BASE + 7, 1));
        assertEquals(0x85C0, bus.in(BASE, 2), "ATAPI, CD-ROM, removable, 12-byte packets");
    }

    @Test
    void inquiryNamesACdromDrive() {
        assertEquals(0x58, packet(0xFFFE, 0x12, 0, 0, 0, 36));
        byte[] data = piece();
        assertEquals(36, data.length);
        assertEquals(0x05, data[0]);
        assertEquals((byte) 0x80, data[1]);
        assertEquals("MIMIC   ", new String(data, 8, 8));
        assertStatusPhase();
    }

    @Test
    void readCapacityAndRead10InPiecesOfTheByteCountLimit() {
        packet(0xFFFE, 0x25);
        ByteBuffer capacity = ByteBuffer.wrap(piece());
        assertEquals(BLOCKS - 1, capacity.getInt());
        assertEquals(2048, capacity.getInt());
        assertStatusPhase();
        packet(2048, 0x28, 0, 0, 0, 0, 7, 0, 0, 2);
        assertEquals(7, piece()[0]);
        assertTrue(irq, "the second piece interrupts again");
        assertEquals(0x58, bus.in(BASE + 7, 1));
        assertEquals(8, piece()[0]);
        assertStatusPhase();
    }

    @Test
    void failedPacketsLeaveSenseData() {
        assertEquals(0x51, packet(0xFFFE, 0xFF));
        assertEquals(0x54, bus.in(BASE + 1, 1), "sense key 5 (illegal request) in the error register, with ABRT");
        packet(0xFFFE, 0x03, 0, 0, 0, 18);
        byte[] sense = piece();
        assertEquals(0x70, sense[0]);
        assertEquals(0x05, sense[2]);
        assertEquals(0x20, sense[12], "invalid command operation code");
        packet(0xFFFE, 0x28, 0, 0, 0, 0, BLOCKS, 0, 0, 1);
        packet(0xFFFE, 0x03, 0, 0, 0, 18);
        assertEquals(0x21, piece()[12], "logical block address out of range");
        assertEquals(0x50, packet(0xFFFE, 0x00), "TEST UNIT READY");
        assertFalse((bus.in(BASE + 7, 1) & 0x01) != 0);
    }

    @Test
    void tocListsTrackOneAndTheLeadOutInMsf() {
        packet(0xFFFE, 0x43, 0x02, 0, 0, 0, 0, 0, 0, 20);
        byte[] toc = piece();
        assertEquals(18, toc[1]);
        assertEquals(1, toc[2]);
        assertEquals(1, toc[3]);
        assertEquals(0x14, toc[5]);
        assertEquals(1, toc[6]);
        assertEquals((byte) 0xAA, toc[14]);
        assertEquals(0, toc[17], "lead-out at 250 frames: 0 minutes");
        assertEquals(3, toc[18]);
        assertEquals(25, toc[19]);
    }

    @Test
    void modeSenseOffersTheCapabilitiesPageOnly() {
        packet(0xFFFE, 0x5A, 0, 0x2A, 0, 0, 0, 0, 0, 28);
        byte[] page = piece();
        assertEquals(28, page.length);
        assertEquals(0x2A, page[8]);
        assertEquals(0x51, packet(0xFFFE, 0x5A, 0, 0x01, 0, 0, 0, 0, 0, 28));
    }

    @Test
    void allocationLengthCutsTheAnswer() {
        packet(0xFFFE, 0x12, 0, 0, 0, 8);
        assertEquals(8, piece().length);
    }
}
