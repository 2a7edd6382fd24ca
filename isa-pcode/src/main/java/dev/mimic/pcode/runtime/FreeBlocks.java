package dev.mimic.pcode.runtime;

import dev.mimic.backend.memory.GuestMemory;

/**
 * An index of the heap's free blocks, so new and dispose do not walk every block of the heap the
 * way pint does (which makes building and freeing a large tree quadratic). The heap layout stays
 * exactly pint's: first fit in address order, adjacent free blocks merged, free blocks at the top
 * given back to the free space. The index is derived from the store; anything else that changes
 * the heap (a snapshot, the debugger, release) drops it and the next operation rebuilds it.
 */
final class FreeBlocks {
    private final AddressSet headers = new AddressSet();
    private boolean valid;

    void invalidate() {
        valid = false;
    }

    /** Rebuilds the index from the blocks in [base, np) if it was dropped; returns the (maybe lowered) np. */
    int ensure(GuestMemory m, int base, int np, int word) {
        if (valid) {
            return np;
        }
        headers.clear();
        int previousFree = -1;
        for (int at = base; at < np; ) {
            int l = m.load32(at);
            int length = Math.abs(l);
            if (length < word || (long) at + length > np) {
                throw P5Error.HEAP_INVALID.fault();
            }
            if (l >= 0 && previousFree >= 0) {
                m.store32(previousFree, m.load32(previousFree) + l);
            } else if (l >= 0) {
                previousFree = at;
                headers.add(at);
            } else {
                previousFree = -1;
            }
            at += length;
        }
        valid = true;
        return giveBackTop(m, np);
    }

    /** The first free block of at least {@code size} bytes (header included), or -1. */
    int firstFit(GuestMemory m, long size) {
        for (int at = headers.ceiling(0); at >= 0; at = headers.ceiling(at + 1)) {
            if (m.load32(at) >= size) {
                return at;
            }
        }
        return -1;
    }

    /** The free block at {@code header} became allocated; a split-off rest at {@code rest} (or -1) stays free. */
    void allocated(int header, int rest) {
        headers.remove(header);
        if (rest >= 0) {
            headers.add(rest);
        }
    }

    /**
     * The block at {@code header} (its length already made positive) was freed: merges it with free
     * neighbours and returns the new np, lowered when free space reached the top.
     */
    int freed(GuestMemory m, int header, int np) {
        int start = header;
        int length = m.load32(header);
        int next = header + length;
        if (next < np && headers.contains(next)) {
            length += m.load32(next);
            headers.remove(next);
        }
        int before = headers.floor(header - 1);
        if (before >= 0 && before + m.load32(before) == header) {
            start = before;
            length += m.load32(before);
        }
        m.store32(start, length);
        headers.add(start);
        return giveBackTop(m, np);
    }

    private int giveBackTop(GuestMemory m, int np) {
        if (!headers.isEmpty()) {
            int last = headers.floor(Integer.MAX_VALUE);
            if (last + m.load32(last) == np) {
                headers.remove(last);
                return last;
            }
        }
        return np;
    }
}
