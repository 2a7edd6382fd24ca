package dev.mimic.backend.exec;

import dev.mimic.backend.ir.Region;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Decoded regions by guest entry address, with their current executable code and direct links to
 * the regions their exits led to last time (chaining), so a hot path skips the lookup. Exits whose
 * target varies (returns, computed jumps) miss their link; a small direct-mapped table in front of
 * the map answers those without boxing the address.
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

    private final Map<Long, Entry> entries = new HashMap<>();
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
        entries.put(e.pc, e);
        recent[slot(e.pc)] = e;
    }

    /** Drops every region decoded from guest code overlapping [start, end). Returns how many. */
    int invalidate(long start, long end) {
        int dropped = 0;
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.region.overlaps(start, end) || (e.pc >= start && e.pc < end)) {
                e.valid = false;
                it.remove();
                dropped++;
            }
        }
        return dropped;
    }

    void clear() {
        entries.values().forEach(e -> e.valid = false);
        entries.clear();
        Arrays.fill(recent, null);
    }
}
