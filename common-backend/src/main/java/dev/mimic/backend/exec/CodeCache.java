package dev.mimic.backend.exec;

import dev.mimic.backend.ir.Region;

import dev.mimic.backend.ir.CodeRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoded regions by guest entry address, with their current executable code and direct links to
 * the regions their exits led to last time (chaining), so a hot path skips the lookup. Exits whose
 * target varies (returns, computed jumps) miss their link; a small direct-mapped table in front of
 * the map answers those without boxing the address.
 *
 * <p>Regions are also listed under each 4 KiB block of guest code they were decoded from, so a
 * code write (or a system's page remapping) drops the regions of that page without looking at the
 * tens of thousands a kernel decodes.
 */
final class CodeCache {
    /** A cached region. */
    static final class Entry {
        final long pc;
        final Region region;
        private RegionCode code;
        /** Whether {@link #code} is compiled, kept here so the dispatcher asks no megamorphic interface. */
        private boolean compiled;
        int runs;
        boolean valid = true;
        /** Whether the JIT refused this region (too large); it stays interpreted. */
        boolean uncompilable;
        private Entry[] successors = new Entry[2];
        private Frame frame;

        Entry(long pc, Region region, RegionCode code) {
            this.pc = pc;
            this.region = region;
            setCode(code);
        }

        RegionCode code() {
            return code;
        }

        void setCode(RegionCode code) {
            this.code = code;
            this.compiled = code.compiled();
        }

        boolean compiled() {
            return compiled;
        }

        /** The temporaries for running this region; reused, since the dispatcher never re-enters a region. */
        Frame frame() {
            if (frame == null) {
                frame = new Frame(region.tempCount());
            }
            return frame;
        }

        /** The region exit {@code exit} led to last time, if it still starts at {@code pc}. */
        Entry successor(int exit, long pc) {
            if (exit < successors.length) {
                Entry e = successors[exit];
                if (e != null && e.valid && e.pc == pc) {
                    return e;
                }
            }
            return null;
        }

        void link(int exit, Entry next) {
            if (exit >= successors.length) {
                if (exit > 255) {
                    return;
                }
                Entry[] grown = new Entry[Math.max(exit + 1, successors.length * 2)];
                System.arraycopy(successors, 0, grown, 0, successors.length);
                successors = grown;
            }
            successors[exit] = next;
        }
    }

    private static final int RECENT_BITS = 10;
    private static final int BLOCK_SHIFT = 12;

    private final Map<Long, Entry> entries = new HashMap<>();
    /**
     * Entries by the blocks of their code ranges and entry pc. A list may still hold entries dropped
     * through another block; they are skipped, and pruned when the list grows or its block is dropped.
     */
    private final Map<Long, List<Entry>> byBlock = new HashMap<>();
    /** Entries by a hash of their pc; a slot may hold a stale or other entry, so both are checked. */
    private final Entry[] recent = new Entry[1 << RECENT_BITS];

    Entry get(long pc) {
        int slot = slot(pc);
        Entry e = recent[slot];
        if (e == null || e.pc != pc || !e.valid) {
            e = entries.get(pc);
            if (e == null || !e.valid) {
                return null;
            }
            recent[slot] = e;
        }
        return e;
    }

    private static int slot(long pc) {
        long h = pc * 0x9E3779B97F4A7C15L;
        return (int) (h >>> (64 - RECENT_BITS));
    }

    void put(Entry e) {
        Entry replaced = entries.put(e.pc, e);
        if (replaced != null) {
            replaced.valid = false;
        }
        recent[slot(e.pc)] = e;
        index(e, e.pc, e.pc + 1);
        for (CodeRange r : e.region.code()) {
            index(e, r.start(), r.end());
        }
    }

    private void index(Entry e, long start, long end) {
        for (long b = start >> BLOCK_SHIFT; b <= (Math.max(start, end - 1) >> BLOCK_SHIFT); b++) {
            List<Entry> list = byBlock.computeIfAbsent(b, k -> new ArrayList<>(4));
            if (list.isEmpty() || list.getLast() != e) {
                if (list.size() >= 8 && Integer.bitCount(list.size()) == 1) {
                    list.removeIf(old -> !old.valid);
                }
                list.add(e);
            }
        }
    }

    /** Drops every region decoded from guest code overlapping [start, end), or entered there. Returns how many. */
    int invalidate(long start, long end) {
        if (end <= start) {
            return 0;
        }
        long first = start >> BLOCK_SHIFT, last = (end - 1) >> BLOCK_SHIFT;
        if (last - first >= byBlock.size()) {
            return invalidateScanning(start, end);
        }
        int dropped = 0;
        for (long b = first; b <= last; b++) {
            List<Entry> list = byBlock.get(b);
            if (list == null) {
                continue;
            }
            for (Entry e : list) {
                if (e.valid && hit(e, start, end)) {
                    drop(e);
                    dropped++;
                }
            }
            list.removeIf(e -> !e.valid);
            if (list.isEmpty()) {
                byBlock.remove(b);
            }
        }
        return dropped;
    }

    /** The same for a range wider than the index: looks at every entry. */
    private int invalidateScanning(long start, long end) {
        List<Entry> hits = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (hit(e, start, end)) {
                hits.add(e);
            }
        }
        hits.forEach(this::drop);
        byBlock.values().removeIf(list -> {
            list.removeIf(e -> !e.valid);
            return list.isEmpty();
        });
        return hits.size();
    }

    private static boolean hit(Entry e, long start, long end) {
        return e.region.overlaps(start, end) || (e.pc >= start && e.pc < end);
    }

    private void drop(Entry e) {
        e.valid = false;
        entries.remove(e.pc, e);
    }

    void clear() {
        entries.values().forEach(e -> e.valid = false);
        entries.clear();
        byBlock.clear();
        Arrays.fill(recent, null);
    }
}
