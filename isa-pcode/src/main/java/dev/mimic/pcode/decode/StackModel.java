package dev.mimic.pcode.decode;

import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.pcode.load.Mpb;
import dev.mimic.pcode.runtime.Registers;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The p-machine's expression stack while one straight-line stretch of code is decoded: values
 * pushed in this stretch stay in IR temporaries, and only what is still on the stack when the
 * stretch ends (or before a helper that reads the stack in the store) is written to the store.
 * Values pushed before the stretch are loaded from the store when popped. The JIT so sees
 * register-style code, while the store holds pint's stack at every place execution can stop.
 *
 * <p>The stack grows down. {@code sp} is the base (read from the sp register on first use) plus a
 * displacement known at decode time; the register is written back at {@link #sync()}.
 */
final class StackModel {
    /** The shapes a stack entry takes: chars, booleans and addresses are words. */
    enum Kind {
        WORD(Mpb.INT_SIZE), REAL(Mpb.REAL_SIZE), SET(Mpb.SET_SIZE);

        final int bytes;

        Kind(int bytes) {
            this.bytes = bytes;
        }
    }

    /** One entry held in temporaries (a set in four 64-bit words); {@code constant} is known for ldc values. */
    record Entry(Kind kind, Temp[] temps, OptionalInt constant) {
        Temp word() {
            return temps[0];
        }
    }

    private final RegionBuilder b;
    private final List<Entry> pending = new ArrayList<>();
    /** Store displacement of each pending entry from {@link #base}. */
    private final List<Integer> offsets = new ArrayList<>();
    private Temp base;
    /** True when {@link #base} is a new value the sp register does not hold yet. */
    private boolean baseMoved;
    private int delta;
    /** Told when entries are written to the store, which may change what other code knows of it. */
    private final Runnable spilled;

    StackModel(RegionBuilder b, Runnable spilled) {
        this.b = b;
        this.spilled = spilled;
    }

    // ---- pushing ----

    void pushWord(Temp t) {
        push(new Entry(Kind.WORD, new Temp[] {t}, OptionalInt.empty()));
    }

    void pushConstant(int value) {
        push(new Entry(Kind.WORD, new Temp[] {b.i32(value)}, OptionalInt.of(value)));
    }

    void pushReal(Temp t) {
        push(new Entry(Kind.REAL, new Temp[] {t}, OptionalInt.empty()));
    }

    void pushSet(Temp[] words) {
        push(new Entry(Kind.SET, words.clone(), OptionalInt.empty()));
    }

    void push(Entry e) {
        delta -= e.kind().bytes;
        pending.add(e);
        offsets.add(delta);
    }

    // ---- popping ----

    Temp popWord() {
        return pop(Kind.WORD).word();
    }

    Temp popReal() {
        return pop(Kind.REAL).word();
    }

    Temp[] popSet() {
        return pop(Kind.SET).temps();
    }

    /** The top word, left on the stack. */
    Temp peekWord() {
        Entry e = pop(Kind.WORD);
        push(e);
        return e.word();
    }

    /** The constant value of the top entry, when it is a word pushed by an ldc in this stretch. */
    OptionalInt topConstant() {
        return pending.isEmpty() ? OptionalInt.empty() : pending.get(pending.size() - 1).constant();
    }

    /** Pops one entry of {@code kind}; an entry of another shape is reread from the store as {@code kind}. */
    Entry pop(Kind kind) {
        if (!pending.isEmpty() && pending.get(pending.size() - 1).kind() != kind) {
            spill();
        }
        if (!pending.isEmpty()) {
            Entry e = pending.remove(pending.size() - 1);
            offsets.remove(offsets.size() - 1);
            delta += kind.bytes;
            return e;
        }
        Temp at = address(delta);
        delta += kind.bytes;
        return new Entry(kind, load(kind, at), OptionalInt.empty());
    }

    /** Pops entries covering exactly {@code bytes} (a multiple of 4), top first; rereads words from the store if need be. */
    List<Entry> popBytes(int bytes) {
        List<Entry> taken = new ArrayList<>();
        int left = bytes;
        while (left > 0 && !pending.isEmpty() && pending.get(pending.size() - 1).kind().bytes <= left) {
            Entry e = pop(pending.get(pending.size() - 1).kind());
            taken.add(e);
            left -= e.kind().bytes;
        }
        if (left > 0) {
            spill();
            for (; left > 0; left -= Mpb.INT_SIZE) {
                taken.add(pop(Kind.WORD));
            }
        }
        return taken;
    }

    /** Drops {@code bytes} from the top of the stack. */
    void drop(int bytes) {
        int left = bytes;
        while (left > 0 && !pending.isEmpty() && pending.get(pending.size() - 1).kind().bytes <= left) {
            left -= pop(pending.get(pending.size() - 1).kind()).kind().bytes;
        }
        if (left != 0) {
            spill();
            delta += left;
        }
    }

    // ---- precise state at faults ----

    /** The stack as it was before an instruction, so an error raised by it can put the store back that way. */
    record Snapshot(List<Entry> pending, List<Integer> offsets, Temp base, boolean baseMoved, int delta) {
    }

    Snapshot snapshot() {
        return new Snapshot(List.copyOf(pending), List.copyOf(offsets), base, baseMoved, delta);
    }

    /**
     * Emits code (on a cold path) that makes the store and the sp register hold the stack of
     * {@code s}, without changing what this model holds.
     */
    void materialize(Snapshot s) {
        Temp at = s.base() != null ? s.base() : b.get(Registers.SP);
        for (int k = 0; k < s.pending().size(); k++) {
            int displacement = s.offsets().get(k);
            store(s.pending().get(k), displacement == 0 ? at : b.add(at, b.i32(displacement)));
        }
        if (s.delta() != 0 || s.baseMoved()) {
            b.set(Registers.SP, s.delta() == 0 ? at : b.add(at, b.i32(s.delta())));
        }
    }

    // ---- the store ----

    /** The current stack pointer as a value. */
    Temp sp() {
        return address(delta);
    }

    /** Writes every entry held in temporaries to its place in the store. */
    void spill() {
        if (!pending.isEmpty()) {
            spilled.run();
        }
        for (int k = 0; k < pending.size(); k++) {
            store(pending.get(k), address(offsets.get(k)));
        }
        pending.clear();
        offsets.clear();
    }

    /** Makes the store and the sp register hold the whole stack, as at a region exit or a resumable point. */
    void sync() {
        spill();
        if (delta != 0 || baseMoved) {
            Temp sp = sp();
            b.set(Registers.SP, sp);
            base = sp;
            delta = 0;
            baseMoved = false;
        }
    }

    /** Forgets everything: the sp register was changed by other code and is read again on next use. */
    void reset() {
        if (!pending.isEmpty() || baseMoved || delta != 0) {
            throw new IllegalStateException("stack reset with unsynchronised entries");
        }
        base = null;
    }

    /** Makes {@code sp} the new stack pointer (ents); the stack must have been synchronised. */
    void moveTo(Temp sp) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("stack moved with entries held in temporaries");
        }
        base = sp;
        delta = 0;
        baseMoved = true;
    }

    /** Drops everything held in temporaries (the stack is being discarded, as by a goto out of a procedure). */
    void discard() {
        pending.clear();
        offsets.clear();
    }

    private Temp address(int displacement) {
        if (base == null) {
            base = b.get(Registers.SP);
        }
        return displacement == 0 ? base : b.add(base, b.i32(displacement));
    }

    private Temp[] load(Kind kind, Temp at) {
        return switch (kind) {
            case WORD -> new Temp[] {b.load(MemoryAccess.S32, Type.I32, at)};
            case REAL -> new Temp[] {b.load(MemoryAccess.W64, Type.F64, at)};
            case SET -> {
                Temp[] words = new Temp[4];
                for (int k = 0; k < 4; k++) {
                    words[k] = b.load(MemoryAccess.W64, Type.I64, k == 0 ? at : b.add(at, b.i32(8 * k)));
                }
                yield words;
            }
        };
    }

    private void store(Entry e, Temp at) {
        switch (e.kind()) {
            case WORD -> b.store(MemoryAccess.S32, at, e.word());
            case REAL -> b.store(MemoryAccess.W64, at, e.word());
            case SET -> {
                for (int k = 0; k < 4; k++) {
                    b.store(MemoryAccess.W64, k == 0 ? at : b.add(at, b.i32(8 * k)), e.temps()[k]);
                }
            }
        }
    }
}
