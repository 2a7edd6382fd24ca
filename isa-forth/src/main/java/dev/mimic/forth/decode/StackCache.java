package dev.mimic.forth.decode;

import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.Slot;

import java.util.ArrayList;
import java.util.List;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * One Forth stack (data, return or float) while a stretch of threaded code is decoded: values
 * pushed in the stretch stay in IR temporaries and reach memory only when the stretch ends
 * ({@link #sync()}), so compiled code shuffles registers rather than memory. Values pushed before
 * the stretch are loaded from memory when needed.
 *
 * <p>Stacks grow down; the pointer slot holds the address of the top cell. The pointer is read from
 * its slot on first use and kept as {@code base + delta} cells; the invariant is that stack entry
 * {@code k} (0 is the top) is {@code pending[size-1-k]} for {@code k < size} and lives in memory at
 * {@code base + (delta + k) * CELL} otherwise. Whenever a sync moves the pointer, the new pointer is
 * checked against the stack's bounds so overflows and gross underflows throw the stack's exception
 * instead of corrupting neighbouring memory.
 */
final class StackCache {
    private final RegionBuilder b;
    private final Slot pointer;
    private final Type type;
    private final long limit;
    private final long end;
    private final int which;
    private final Helper fault;
    private final List<Temp> pending = new ArrayList<>();
    private Temp base;
    private int delta;

    /**
     * @param limit the lowest valid pointer (a full stack)
     * @param end   the highest valid pointer (the empty stack); the guard band above it in memory
     *              only absorbs reads made before the check
     * @param which which stack, for {@code fault}, which throws the overflow or underflow exception
     */
    StackCache(RegionBuilder b, Slot pointer, Type type, long limit, long end, int which, Helper fault) {
        this.b = b;
        this.pointer = pointer;
        this.type = type;
        this.limit = limit;
        this.end = end;
        this.which = which;
        this.fault = fault;
    }

    void push(Temp value) {
        if (value.type() != type) {
            throw new IllegalArgumentException("pushing " + value + " on a stack of " + type);
        }
        pending.add(value);
        delta--;
    }

    Temp pop() {
        Temp value = pending.isEmpty() ? b.load(MemoryAccess.W64, type, address(delta)) : pending.remove(pending.size() - 1);
        delta++;
        return value;
    }

    /** Entry {@code k} (0 is the top), left on the stack. */
    Temp peek(int k) {
        int held = pending.size();
        return k < held ? pending.get(held - 1 - k) : b.load(MemoryAccess.W64, type, address(delta + k));
    }

    /** Drops {@code n} entries without loading them. */
    void drop(int n) {
        for (int i = 0; i < n; i++) {
            if (!pending.isEmpty()) {
                pending.remove(pending.size() - 1);
            }
            delta++;
        }
    }

    /** The pointer's current value (entries held in temporaries are not in memory yet). */
    Temp current() {
        return address(delta);
    }

    /** Writes the entries held in temporaries to memory and the pointer to its slot. */
    void sync() {
        int held = pending.size();
        for (int i = 0; i < held; i++) {
            b.store(MemoryAccess.W64, address(delta + held - 1 - i), pending.get(i));
        }
        pending.clear();
        if (delta != 0) {
            moveTo(address(delta));
        }
    }

    /** Makes {@code value} the pointer; entries held in temporaries are written first. */
    void setPointer(Temp value) {
        sync();
        moveTo(value);
    }

    /** Forgets what is known: helpers changed the stack in memory; the pointer is read again on next use. */
    void forget() {
        if (!pending.isEmpty() || delta != 0) {
            throw new IllegalStateException("stack forgotten with unsynchronised entries");
        }
        base = null;
    }

    /** Starts a new block, which the dispatcher may enter: everything is in memory and the slot. */
    void startBlock() {
        pending.clear();
        delta = 0;
        base = null;
    }

    /**
     * How many entries a block entered next should hold in temporaries: those held now, at most
     * {@link #MAX_HELD_ACROSS_BLOCKS}. The first edge decoded into a block fixes its shape.
     */
    List<Temp> entryTemps() {
        int held = Math.min(pending.size(), MAX_HELD_ACROSS_BLOCKS);
        List<Temp> entry = new ArrayList<>(held);
        for (int i = 0; i < held; i++) {
            entry.add(b.temp(type));
        }
        return entry;
    }

    /** Entries carried in temporaries into a block at most (the rest is written to memory on the edge). */
    private static final int MAX_HELD_ACROSS_BLOCKS = 6;

    /**
     * Leaves for a block whose entry holds the top {@code entry.size()} entries in {@code entry}
     * (top last) and the rest in memory below the pointer in its slot: deeper entries held now are
     * written, missing top entries are loaded, and the pointer is moved when it changed. Values are
     * copied before they are assigned, since the entry temporaries may be among them (a loop).
     */
    void transferTo(List<Temp> entry) {
        int k = entry.size();
        int held = pending.size();
        for (int i = k; i < held; i++) {
            b.store(MemoryAccess.W64, address(delta + i), pending.get(held - 1 - i));
        }
        Temp[] values = new Temp[k];
        for (int i = 0; i < k; i++) {
            Temp v = peek(i);
            values[i] = i < held ? b.mov(v) : v;
        }
        for (int i = 0; i < k; i++) {
            b.assign(entry.get(k - 1 - i), values[i]);
        }
        pending.clear();
        if (delta != 0) {
            moveTo(address(delta));
        }
    }

    /** Starts a block entered with the top entries in {@code entry} (top last), the rest in memory. */
    void startBlock(List<Temp> entry) {
        startBlock();
        pending.addAll(entry);
    }

    /** What is known about the stack at one point, to start each edge of a branch from the same knowledge. */
    record Snapshot(Temp base, int delta, List<Temp> pending) {
    }

    Snapshot snapshot() {
        return new Snapshot(base, delta, List.copyOf(pending));
    }

    void restore(Snapshot s) {
        base = s.base();
        delta = s.delta();
        pending.clear();
        pending.addAll(s.pending());
    }

    private void moveTo(Temp value) {
        b.set(pointer, value);
        base = value;
        delta = 0;
        Temp offset = b.sub(value, b.i64(limit));
        Temp inside = b.binary(Op.LEU, offset, b.i64(end - limit));
        int ok = b.newBlock();
        int outside = b.newBlock();
        b.branch(inside, ok, outside);
        // A block of its own for each check: a later block index keeps the branch a forward edge.
        b.switchTo(outside);
        b.helper(fault, b.i32(which), value);
        b.stop(value, 0);
        b.switchTo(ok);
    }

    private Temp address(int cells) {
        if (base == null) {
            base = b.get(pointer);
        }
        return cells == 0 ? base : b.add(base, b.i64((long) cells * CELL));
    }
}
