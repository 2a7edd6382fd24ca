package dev.mimic.cil.metadata;

import dev.mimic.cil.pe.ByteReader;
import java.util.UUID;

/** The {@code #GUID} heap (ECMA-335 II.24.2.5): 16-byte GUIDs addressed by 1-based index. */
public final class GuidHeap {
    private final ByteReader heap;

    GuidHeap(ByteReader heap) {
        this.heap = heap;
    }

    public int count() {
        return (heap.end() - heap.start()) / 16;
    }

    /** The GUID at 1-based {@code index}, or null for 0; indexes were range-checked with the tables. */
    public UUID get(int index) {
        if (index == 0) {
            return null;
        }
        ByteReader r = heap.window("#GUID", heap.start() + (index - 1) * 16, 16);
        // GUIDs are stored as Data1 (u4), Data2 (u2), Data3 (u2) little-endian, then 8 bytes as is.
        long d1 = r.u4() & 0xFFFFFFFFL;
        long d2 = r.u2();
        long d3 = r.u2();
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            lo = lo << 8 | r.u1();
        }
        return new UUID(d1 << 32 | d2 << 16 | d3, lo);
    }
}
