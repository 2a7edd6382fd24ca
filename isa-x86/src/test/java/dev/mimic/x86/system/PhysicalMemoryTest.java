package dev.mimic.x86.system;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhysicalMemoryTest {
    /** A device that remembers writes and answers reads with offset and size. */
    private static final class Probe implements MmioDevice {
        final List<String> writes = new ArrayList<>();

        @Override
        public int read(long offset, int size) {
            return (int) offset * 16 + size;
        }

        @Override
        public void write(long offset, int size, int value) {
            writes.add(offset + "/" + size + "=" + Integer.toHexString(value));
        }
    }

    @Test
    void ramIsLittleEndianAndWrapsNothing() {
        PhysicalMemory m = new PhysicalMemory(64 * 1024);
        m.store32(0x1000, 0x11223344);
        assertEquals(0x44, m.load8(0x1000));
        assertEquals(0x1122, m.load16(0x1002));
        m.store64(0x0FFC, 0x0102030405060708L);
        assertEquals(0x0102030405060708L, m.load64(0x0FFC));
    }

    @Test
    void unmappedReadsAllOnesAndDropsWrites() {
        PhysicalMemory m = new PhysicalMemory(4096);
        m.store32(0x10000, 0);
        assertEquals(0xFFFF_FFFF, m.load32(0x10000));
        assertEquals(0xFF, m.load8(0xFFFF_FFFFL));
        m.store16(0x0FFF, 0xABCD);
        assertEquals(0xFF, m.load8(0x1000), "the half beyond RAM is dropped");
        assertEquals(0xCD, m.load8(0x0FFF));
    }

    @Test
    void deviceWindowHidesRam() {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        Probe vga = new Probe();
        m.store8(0xA0010, 0x55);
        m.mapDevice(0xA0000, 0x20000, vga);
        assertEquals(0x10 * 16 + 4, m.load32(0xA0010));
        m.store16(0xA0002, 0x1234);
        assertEquals(List.of("2/2=1234"), vga.writes);
        assertEquals(0, m.load8(0x9FFFF), "RAM below the window is still RAM");
    }

    @Test
    void romIgnoresWrites() {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        m.mapRom(0xFFFF0000L, new byte[] {(byte) 0xEA, 0x5B, (byte) 0xE0});
        m.store8(0xFFFF0000L, 0);
        assertEquals(0xEA, m.load8(0xFFFF0000L));
        assertEquals(0xE05BEA | 0xFF000000, m.load32(0xFFFF0000L), "the byte past the image reads as nothing");
    }

    @Test
    void writingTrackedCodeReportsThePhysicalPage() {
        PhysicalMemory m = new PhysicalMemory(1 << 16);
        List<Long> reported = new ArrayList<>();
        m.setCodeWriteListener((start, end) -> reported.add(start));
        m.trackCode(0x2010, 0x2020);
        m.store8(0x3000, 1);
        m.store32(0x2FFE, 1);
        m.store8(0x2000, 1);
        assertEquals(List.of(0x2000L), reported, "reported once, then untracked");
    }

    @Test
    void codeInADeviceWindowIsReportedWhenTheDeviceSaysItChanged() {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        m.mapDevice(0xE0000, 0x20000, new Probe());
        List<Long> reported = new ArrayList<>();
        m.setCodeWriteListener((start, end) -> reported.add(start));
        m.trackCode(0xF0000, 0xF0010);
        m.store16(0xF0004, 1);
        assertEquals(List.of(), reported, "a store is the device's to judge (it may drop it, or store what is there)");
        m.trackCode(0xE1000, 0xE1010);
        m.contentsChanged(0xE0000, 0x20000);
        assertEquals(List.of(0xE1000L, 0xF0000L), reported);
    }
}
