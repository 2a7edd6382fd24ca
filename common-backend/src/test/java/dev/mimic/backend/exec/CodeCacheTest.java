package dev.mimic.backend.exec;

import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Type;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CodeCacheTest {
    /** A region entered at {@code pc} covering the code ranges given as start, end pairs. */
    private static CodeCache.Entry entry(long pc, long... ranges) {
        RegionBuilder b = new RegionBuilder("r" + pc, pc);
        for (int i = 0; i < ranges.length; i += 2) {
            b.coverCode(ranges[i], ranges[i + 1]);
        }
        b.exit(b.constant(Type.I64, pc), 0);
        Region r = b.build();
        return new CodeCache.Entry(pc, r, new InterpretedCode(r));
    }

    @Test
    void aWriteDropsOnlyTheRegionsOverlappingIt() {
        CodeCache cache = new CodeCache();
        CodeCache.Entry low = entry(0x1000, 0x1000, 0x1010);
        CodeCache.Entry straddling = entry(0x1FF0, 0x1FF0, 0x2008);
        CodeCache.Entry high = entry(0x2100, 0x2100, 0x2110);
        CodeCache.Entry elsewhere = entry(0x1_0000_2000L, 0x9000, 0x9010);
        for (CodeCache.Entry e : new CodeCache.Entry[] {low, straddling, high, elsewhere}) {
            cache.put(e);
        }

        assertEquals(1, cache.invalidate(0x2004, 0x2005));
        assertFalse(straddling.valid);
        assertNull(cache.get(0x1FF0));
        assertSame(low, cache.get(0x1000));
        assertSame(high, cache.get(0x2100));

        assertEquals(1, cache.invalidate(0x9000, 0xA000), "a region is found by its code, not its entry pc");
        assertNull(cache.get(0x1_0000_2000L));
        assertEquals(1, cache.invalidate(0x1000, 0x2000));
        assertTrue(high.valid);
    }

    @Test
    void aRangeWiderThanTheIndexStillFindsEveryRegion() {
        CodeCache cache = new CodeCache();
        CodeCache.Entry a = entry(0x1000, 0x1000, 0x1010);
        CodeCache.Entry b = entry(0x7000_0000L, 0x7000_0000L, 0x7000_0010L);
        cache.put(a);
        cache.put(b);
        assertEquals(2, cache.invalidate(0, Long.MAX_VALUE));
        assertFalse(a.valid || b.valid);
    }

    @Test
    void aRegionDecodedAgainIsDroppedAgain() {
        CodeCache cache = new CodeCache();
        cache.put(entry(0x3000, 0x3000, 0x3004));
        cache.invalidate(0x3000, 0x4000);
        CodeCache.Entry again = entry(0x3000, 0x3000, 0x3004);
        cache.put(again);
        assertSame(again, cache.get(0x3000));
        assertEquals(1, cache.invalidate(0x3000, 0x4000));
        assertNull(cache.get(0x3000));
    }
}
