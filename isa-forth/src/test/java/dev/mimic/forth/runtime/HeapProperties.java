package dev.mimic.forth.runtime;

import dev.mimic.backend.memory.FlatMemory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ALLOCATE and FREE in any order never hand out overlapping blocks, and everything freed comes back. */
class HeapProperties {
    @Property(tries = 300)
    void blocksNeverOverlapAndFreedSpaceReturns(@ForAll @Size(max = 60) List<@IntRange(min = -40, max = 600) Integer> steps) {
        Heap heap = new Heap(new FlatMemory(1 << 16), 0x1000, 0x9000);
        TreeMap<Long, Long> live = new TreeMap<>();
        List<Long> order = new ArrayList<>();
        for (int step : steps) {
            if (step < 0 && !order.isEmpty()) {   // free one of the live blocks
                long at = order.remove(Math.floorMod(step, order.size()));
                live.remove(at);
                assertTrue(heap.release(at));
            } else if (step >= 0) {
                long at = heap.reserve(step);
                if (at != 0) {
                    var before = live.floorEntry(at);
                    var after = live.ceilingEntry(at);
                    assertTrue(before == null || before.getKey() + before.getValue() <= at, "overlaps the block before");
                    assertTrue(after == null || at + Math.max(8, step) <= after.getKey(), "overlaps the block after");
                    live.put(at, (long) Math.max(8, (step + 7) & -8));
                    order.add(at);
                }
            }
        }
        for (long at : order) {
            assertTrue(heap.release(at));
        }
        assertEquals(0x1000, heap.reserve(0x8000), "all of the heap is one free block again");
    }
}
