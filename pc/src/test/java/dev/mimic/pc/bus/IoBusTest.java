package dev.mimic.pc.bus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IoBusTest {
    /** A byte device whose register at port p reads (p & 0xFF) and records writes. */
    static class Recorder implements PortDevice {
        final List<String> writes = new ArrayList<>();

        @Override
        public int read(int port, int size) {
            return port & 0xFF;
        }

        @Override
        public void write(int port, int size, int value) {
            writes.add(Integer.toHexString(port) + "/" + size + "=" + Integer.toHexString(value));
        }
    }

    @Test
    void unclaimedPortsReadAllOnesAtEveryWidth() {
        IoBus bus = new IoBus();
        assertEquals(0xFF, bus.in(0x1234, 1));
        assertEquals(0xFFFF, bus.in(0x1234, 2));
        assertEquals(0xFFFFFFFF, bus.in(0x1234, 4));
        bus.out(0x1234, 4, 0);
    }

    @Test
    void wideAccessToByteDeviceIsSplitLowPortFirst() {
        IoBus bus = new IoBus();
        Recorder r = new Recorder();
        bus.map(0x40, 4, r);
        assertEquals(0x43424140, bus.in(0x40, 4));
        bus.out(0x41, 2, 0xBBAA);
        assertEquals(List.of("41/1=aa", "42/1=bb"), r.writes);
    }

    @Test
    void splitAccessHalfOutsideTheDeviceFloatsHighThere() {
        IoBus bus = new IoBus();
        bus.map(0x60, 1, new Recorder());
        assertEquals(0xFF60, bus.in(0x60, 2));
    }

    @Test
    void deviceTakingWideAccessesGetsThemWhole() {
        IoBus bus = new IoBus();
        Recorder r = new Recorder() {
            @Override
            public boolean accepts(int port, int size) {
                return true;
            }
        };
        bus.map(0xCFC, 4, r);
        bus.out(0xCFC, 4, 0x12345678);
        assertEquals(List.of("cfc/4=12345678"), r.writes);
    }

    @Test
    void overlappingClaimsAreRefusedAndUnmapFreesPorts() {
        IoBus bus = new IoBus();
        bus.map(0x3F8, 8, new Recorder());
        assertThrows(IllegalArgumentException.class, () -> bus.map(0x3FF, 2, new Recorder()));
        bus.unmap(0x3F8, 8);
        assertEquals(0xFF, bus.in(0x3F8, 1));
        bus.map(0x3FF, 2, new Recorder());
    }
}
