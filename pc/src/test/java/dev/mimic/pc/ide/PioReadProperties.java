package dev.mimic.pc.ide;

import dev.mimic.pc.bus.IoBus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PioReadProperties {
    static final int SECTORS = 300;

    /** An in-memory image whose sector n holds the bytes (n * 3 + i) & 0xFF. */
    static final class PatternImage implements DiskImage {
        @Override
        public long sectors() {
            return SECTORS;
        }

        @Override
        public void read(long lba, int count, byte[] buffer, int offset) {
            for (int i = 0; i < count * SECTOR; i++) {
                buffer[offset + i] = (byte) ((lba + i / SECTOR) * 3 + i % SECTOR);
            }
        }

        @Override
        public void write(long lba, int count, byte[] buffer, int offset) throws IOException {
            throw new IOException("read-only pattern");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * READ SECTORS and READ MULTIPLE deliver every requested sector in order, whatever the start,
     * the count, the block size and whether the host reads words or dwords, and end with DRQ clear.
     */
    @Property(tries = 200)
    void pioReadsDeliverTheRequestedSectors(@ForAll @IntRange(max = SECTORS - 1) int lba,
                                            @ForAll @IntRange(min = 1, max = 40) int wanted,
                                            @ForAll @IntRange(max = 4) int multipleLog2,
                                            @ForAll boolean multiple, @ForAll boolean dwords) {
        int count = Math.min(wanted, SECTORS - lba);
        IoBus bus = new IoBus();
        new IdeChannel(level -> { }, new AtaDisk(new PatternImage()), null).attach(bus, 0x1F0, 0x3F6);
        int block = 1 << multipleLog2;
        if (multiple) {
            bus.out(0x1F2, 1, block);
            bus.out(0x1F7, 1, 0xC6);
        }
        bus.out(0x1F2, 1, count);
        bus.out(0x1F3, 1, lba);
        bus.out(0x1F4, 1, lba >> 8);
        bus.out(0x1F5, 1, 0);
        bus.out(0x1F6, 1, 0xE0);
        bus.out(0x1F7, 1, multiple ? 0xC4 : 0x20);
        int size = dwords ? 4 : 2;
        for (int sector = 0; sector < count; sector++) {
            for (int i = 0; i < 512; i += size) {
                assertEquals(0x08, bus.in(0x3F6, 1) & 0x08, Map.of("sector", sector, "byte", i).toString());
                int value = bus.in(0x1F0, size);
                for (int b = 0; b < size; b++) {
                    assertEquals((byte) ((lba + sector) * 3 + i + b), (byte) (value >>> (8 * b)));
                }
            }
        }
        assertEquals(0x50, bus.in(0x1F7, 1));
    }
}
