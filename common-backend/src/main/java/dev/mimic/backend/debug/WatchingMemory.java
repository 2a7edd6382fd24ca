package dev.mimic.backend.debug;

import dev.mimic.backend.memory.CodeWriteListener;
import dev.mimic.backend.memory.GuestMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * Guest memory seen through the watchpoints: every access goes to the real memory and, when it
 * touches a watched range, is recorded with its old and new value. The engine installs it while
 * watchpoints exist and runs one instruction per region then, so it can stop right after the
 * instruction that made the access, identically under every engine.
 */
public final class WatchingMemory extends GuestMemory {
    private final GuestMemory inner;
    private final DebugPoints points;
    private final List<WatchHit> hits = new ArrayList<>();

    public WatchingMemory(GuestMemory inner, DebugPoints points) {
        this.inner = inner;
        this.points = points;
    }

    /** The memory being watched. */
    public GuestMemory inner() {
        return inner;
    }

    /** Takes the hits recorded since the last call. */
    public List<WatchHit> drainHits() {
        List<WatchHit> h = List.copyOf(hits);
        hits.clear();
        return h;
    }

    private void read(long address, int width, long value) {
        points.watching(address, width, false).ifPresent(w -> hits.add(new WatchHit(w, address, width, false, value, value)));
    }

    private void write(long address, int width, long old, long value) {
        points.watching(address, width, true).ifPresent(w -> hits.add(new WatchHit(w, address, width, true, old, value)));
    }

    private boolean writeWatched(long address, int width) {
        return points.watching(address, width, true).isPresent();
    }

    @Override
    public int load8(long address) {
        int v = inner.load8(address);
        read(address, 1, v);
        return v;
    }

    @Override
    public int load16(long address) {
        int v = inner.load16(address);
        read(address, 2, v);
        return v;
    }

    @Override
    public int load32(long address) {
        int v = inner.load32(address);
        read(address, 4, v & 0xFFFF_FFFFL);
        return v;
    }

    @Override
    public long load64(long address) {
        long v = inner.load64(address);
        read(address, 8, v);
        return v;
    }

    @Override
    public void store8(long address, int value) {
        long old = writeWatched(address, 1) ? inner.load8(address) : 0;
        inner.store8(address, value);
        write(address, 1, old, value & 0xFF);
    }

    @Override
    public void store16(long address, int value) {
        long old = writeWatched(address, 2) ? inner.load16(address) : 0;
        inner.store16(address, value);
        write(address, 2, old, value & 0xFFFF);
    }

    @Override
    public void store32(long address, int value) {
        long old = writeWatched(address, 4) ? inner.load32(address) & 0xFFFF_FFFFL : 0;
        inner.store32(address, value);
        write(address, 4, old, value & 0xFFFF_FFFFL);
    }

    @Override
    public void store64(long address, long value) {
        long old = writeWatched(address, 8) ? inner.load64(address) : 0;
        inner.store64(address, value);
        write(address, 8, old, value);
    }

    @Override
    public long size() {
        return inner.size();
    }

    @Override
    public void trackCode(long start, long end) {
        inner.trackCode(start, end);
    }

    @Override
    public void untrackAllCode() {
        inner.untrackAllCode();
    }

    @Override
    public void setCodeWriteListener(CodeWriteListener listener) {
        inner.setCodeWriteListener(listener);
    }
}
