package dev.mimic.cil.metadata;

import dev.mimic.cil.pe.ByteReader;

/**
 * The {@code #Blob} heap (ECMA-335 II.24.2.4): length-prefixed byte strings addressed by offset,
 * holding signatures, constants and custom attribute values.
 */
public final class BlobHeap {
    private final ByteReader heap;

    BlobHeap(ByteReader heap) {
        this.heap = heap;
    }

    public int size() {
        return heap.end() - heap.start();
    }

    /**
     * A reader over the blob at {@code offset}; {@code context} (e.g. {@code "Field row 3 Signature"})
     * names it in errors. Offset 0 is the empty blob.
     */
    public ByteReader reader(String context, int offset) {
        if (offset == 0 && size() == 0) {
            return heap.window(context, heap.start(), 0);
        }
        if (offset < 0 || offset >= size()) {
            throw heap.error("%s: blob offset 0x%x is past the #Blob heap (0x%x bytes)".formatted(
                    context, offset, size()));
        }
        ByteReader length = heap.window(context, heap.start() + offset, size() - offset);
        int n = length.compressed();
        return length.window(context, length.position(), n);
    }

    /** True when a whole blob starts at {@code offset}: what {@link #reader} checks, without naming it. */
    public boolean holds(int offset) {
        if (offset == 0 && size() == 0) {
            return true;
        }
        if (offset < 0 || offset >= size()) {
            return false;
        }
        try {
            ByteReader length = heap.window("blob", heap.start() + offset, size() - offset);
            int n = length.compressed();
            return n >= 0 && n <= length.remaining();
        } catch (dev.mimic.cil.CilFormatException e) {
            return false;
        }
    }

    /** The bytes of the blob at {@code offset}. */
    public byte[] get(String context, int offset) {
        ByteReader r = reader(context, offset);
        return r.bytes(r.remaining());
    }
}
