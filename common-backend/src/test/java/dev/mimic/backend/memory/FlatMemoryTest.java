package dev.mimic.backend.memory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FlatMemoryTest {
    private final FlatMemory memory = new FlatMemory(1 << 16, 8);
    private final List<String> written = new ArrayList<>();

    FlatMemoryTest() {
        memory.setCodeWriteListener((start, end) -> written.add(start + ".." + end));
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
