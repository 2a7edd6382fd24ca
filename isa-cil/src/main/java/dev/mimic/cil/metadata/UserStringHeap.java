package dev.mimic.cil.metadata;

import dev.mimic.cil.pe.ByteReader;

/**
 * The {@code #US} heap (ECMA-335 II.24.2.4): the UTF-16 literals {@code ldstr} loads, each a blob
 * whose last byte flags non-ASCII content.
 */
public final class UserStringHeap {
    private final ByteReader heap;

    UserStringHeap(ByteReader heap) {
        this.heap = heap;
    }

    public int size() {
        return heap.end() - heap.start();
    }

    /** The string at {@code offset} (the low 24 bits of an {@code ldstr} token). */
    public String get(int offset) {
        if (offset <= 0 || offset >= size()) {
            throw heap.error("user string offset 0x%x is outside #US (0x%x bytes)".formatted(offset, size()));
        }
        ByteReader len = heap.window("#US", heap.start() + offset, size() - offset);
        int n = len.compressed();
        ByteReader body = len.window("#US string", len.position(), n);
        char[] chars = new char[n / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) body.u2();
        }
        return new String(chars);
    }
}
