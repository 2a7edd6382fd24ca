package dev.mimic.x86.memory;

import dev.mimic.backend.memory.CodeWriteListener;

import java.util.Arrays;

/**
 * Which 4 KiB pages of a 32-bit address space hold decoded code, and whom to tell when one is written:
 * the first write to a marked page reports the whole page and unmarks it (the engine drops the
 * translations there; decoding the page again marks it again).
 */
public final class CodePages {
    private static final int PAGE_SHIFT = 12;
    private static final int PAGES = 1 << (32 - PAGE_SHIFT);

    private final boolean[] marked = new boolean[PAGES];
    private CodeWriteListener listener = (s, e) -> { };

    public void setListener(CodeWriteListener listener) {
        this.listener = listener;
    }

    /** Marks the pages of [start, end). */
    public void track(long start, long end) {
        for (long p = start >>> PAGE_SHIFT; p <= (end - 1) >>> PAGE_SHIFT && p < PAGES; p++) {
            marked[(int) p] = true;
        }
    }

    public void untrackAll() {
        Arrays.fill(marked, false);
    }

    /** Notes a write to page {@code page}: reported when it holds code. */
    public void written(int page) {
        if (marked[page]) {
            marked[page] = false;
            long start = (long) page << PAGE_SHIFT;
            listener.codeWritten(start, start + (1 << PAGE_SHIFT));
        }
    }
}
