package dev.mimic.backend.state;

import dev.mimic.backend.ir.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of one machine's guest state: its named, typed slots and which one is the program
 * counter. IR reads and writes state only through these slots; the debugger finds registers here
 * by name.
 */
public final class StateLayout {
    private final List<Slot> slots;
    private final Map<String, Slot> byName;
    private final Slot pc;
    private final int words;
    private final int floats;
    private final int refs;

    private StateLayout(List<Slot> slots, String pcName) {
        this.slots = List.copyOf(slots);
        this.byName = new LinkedHashMap<>();
        int w = 0, f = 0, r = 0;
        for (Slot s : slots) {
            byName.put(s.name(), s);
            switch (s.type()) {
                case I32, I64 -> w++;
                case F64 -> f++;
                case REF -> r++;
            }
        }
        this.words = w;
        this.floats = f;
        this.refs = r;
        this.pc = byName.get(pcName);
        if (pc == null || !pc.type().isInteger()) {
            throw new IllegalArgumentException("state layout needs an integer program counter slot named " + pcName);
        }
    }

    /** Starts a layout whose program counter slot is called {@code pcName} (declare it like any slot). */
    public static Builder builder(String pcName) {
        return new Builder(pcName);
    }

    public List<Slot> slots() {
        return slots;
    }

    public Slot slot(int id) {
        return slots.get(id);
    }

    public Optional<Slot> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Slot pc() {
        return pc;
    }

    int wordCells() {
        return words;
    }

    int floatCells() {
        return floats;
    }

    int refCells() {
        return refs;
    }

    /** Collects slots in declaration order. */
    public static final class Builder {
        private final String pcName;
        private final List<Slot> slots = new ArrayList<>();
        private final int[] next = new int[Type.values().length];

        private Builder(String pcName) {
            this.pcName = pcName;
        }

        public Slot add(String name, Type type) {
            for (Slot s : slots) {
                if (s.name().equals(name)) {
                    throw new IllegalArgumentException("duplicate state slot " + name);
                }
            }
            Type storage = type == Type.I32 ? Type.I64 : type;
            Slot s = new Slot(slots.size(), name, type, next[storage.ordinal()]++);
            slots.add(s);
            return s;
        }

        public StateLayout build() {
            return new StateLayout(slots, pcName);
        }
    }
}
