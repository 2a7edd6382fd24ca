package dev.mimic.backend.memory;

import dev.mimic.backend.exec.GuestFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FlatMemoryTest {
    private final FlatMemory memory = new FlatMemory(1 << 16, 8);
    private final List<String> written = new ArrayList<>();

    FlatMemoryTest() {
        memory.setCodeWriteListener((start, end) -> written.add(start + ".." + end));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 2, 4, 8})
    void accessesOutsideMemory_faultAndWriteNothing(int width) {
        long size = memory.size();
        memory.store64(size - 8, -1L);
        memory.store64(0, -1L);
        assertEquals(0xFF, memory.load8(size - 1));
        for (long address : new long[] {-1, size - width + 1, size, 1L << 32, (1L << 32) + 8, Long.MIN_VALUE}) {
            GuestFault f = assertThrows(GuestFault.class, () -> load(width, address), "load at " + address);
            assertEquals(GuestFault.Kind.MEMORY, f.kind());
            assertEquals(address, f.address());
            GuestFault g = assertThrows(GuestFault.class, () -> store(width, address), "store at " + address);
            assertEquals(GuestFault.Kind.MEMORY, g.kind());
        }
        assertEquals(-1L, memory.load64(size - 8), "a faulting store writes nothing");
        assertEquals(-1L, memory.load64(0), "an address above 4 GiB does not wrap to 0");
    }

    private long load(int width, long address) {
        return switch (width) {
            case 1 -> memory.load8(address);
            case 2 -> memory.load16(address);
            case 4 -> memory.load32(address);
            default -> memory.load64(address);
        };
    }

    private void store(int width, long address) {
        switch (width) {
            case 1 -> memory.store8(address, 0);
            case 2 -> memory.store16(address, 0);
            case 4 -> memory.store32(address, 0);
            default -> memory.store64(address, 0);
        }
    }

    @Test
    void storeIntoTrackedPage_isReported() {
        memory.trackCode(0x300, 0x310);
        memory.store32(0x3FE, 7);
        memory.store8(0x300, 1);
        assertEquals(List.of("1022..1026", "768..769"), written);
    }

    @Test
    void storeStraddlingIntoTrackedPage_isReported() {
        memory.trackCode(0x300, 0x310);
        memory.store64(0x2FC, 1);
        assertEquals(List.of("764..772"), written);
    }

    @Test
    void storeBetweenTrackedPages_isNotReported() {
        memory.trackCode(0x100, 0x110);
        memory.trackCode(0x800, 0x810);
        memory.store32(0x400, 1);
        memory.store32(0x7FC, 1);
        memory.store32(0x900, 1);
        assertEquals(List.of(), written);
    }

    @Test
    void untrackAllCode_forgetsEveryPage() {
        memory.trackCode(0x100, 0x110);
        memory.untrackAllCode();
        memory.store32(0x100, 1);
        memory.write(0x100, new byte[4], 0, 4);
        assertEquals(List.of(), written);
    }

    @Test
    void blockWriteOverTrackedPage_isReportedOnce() {
        memory.trackCode(0x200, 0x210);
        memory.write(0x100, new byte[0x300], 0, 0x300);
        memory.write(0x400, new byte[0x10], 0, 0x10);
        assertEquals(List.of("256..1024"), written);
    }

    @Test
    void emptyRange_tracksNothing() {
        memory.trackCode(0x100, 0x100);
        memory.store32(0x100, 1);
        assertEquals(List.of(), written);
    }
}
