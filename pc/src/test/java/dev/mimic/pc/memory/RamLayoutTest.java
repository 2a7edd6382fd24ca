package dev.mimic.pc.memory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RamLayoutTest {
    @Test
    void smallRamIsAllBelow4g() {
        RamLayout ram = RamLayout.of(128L << 20);
        assertEquals(new RamLayout(128L << 20, 0), ram);
        assertEquals(List.of(
                new E820Entry(0, 0x9FC00, 1),
                new E820Entry(0x9FC00, 0x400, 2),
                new E820Entry(0xF0000, 0x10000, 2),
                new E820Entry(0x100000, (128L << 20) - 0x100000, 1),
                new E820Entry(0xFFFC0000L, 0x40000, 2)), ram.biosMap());
    }

    @Test
    void largeRamIsSplitAroundThePciHole() {
        RamLayout ram = RamLayout.of(4L << 30);
        assertEquals(0xE000_0000L, ram.below4g());
        assertEquals((4L << 30) - 0xE000_0000L, ram.above4g());
        assertEquals(new E820Entry(1L << 32, ram.above4g(), 1), ram.ramEntries().get(1));
        assertEquals(new E820Entry(1L << 32, ram.above4g(), 1), ram.biosMap().get(5));
    }

    @Test
    void entriesPackInTwentyBytes() {
        byte[] packed = E820Entry.encode(List.of(new E820Entry(0x100000, 0x200, 2)));
        assertEquals(20, packed.length);
        assertEquals(0x10, packed[2]);
        assertEquals(0x02, packed[9]);
        assertEquals(2, packed[16]);
    }

    @Test
    void tooLittleRamIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RamLayout.of(1 << 20));
    }
}
