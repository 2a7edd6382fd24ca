package dev.mimic.cil.metadata;

import dev.mimic.cil.pe.ByteReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code #Strings} heap (ECMA-335 II.24.2.3): NUL-terminated UTF-8 identifiers addressed by byte
 * offset. The heap is checked once to end in NUL, so any in-range offset has a terminator.
 */
public final class StringHeap {
    private final ByteReader heap;
    private final Map<Integer, String> cache = new HashMap<>();

    StringHeap(ByteReader heap) {
        if (heap.end() > heap.start() && heap.data()[heap.end() - 1] != 0) {
            throw heap.error(heap.end() - 1, "#Strings heap does not end with NUL");
        }
        this.heap = heap;
    }

    public int size() {
        return heap.end() - heap.start();
    }

    /** The string at {@code offset}; {@code ""} for 0. Offsets were range-checked when the tables were read. */
    public String get(int offset) {
        if (offset == 0) {
            return "";
        }
        return cache.computeIfAbsent(offset, o -> {
            byte[] data = heap.data();
            int start = heap.start() + o;
            int end = start;
            while (data[end] != 0) {
                end++;
            }
            return new String(data, start, end - start, StandardCharsets.UTF_8);
        });
    }

    boolean holds(int offset) {
        return offset >= 0 && (offset < size() || offset == 0);
    }
}
