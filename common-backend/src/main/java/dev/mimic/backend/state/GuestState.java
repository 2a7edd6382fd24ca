package dev.mimic.backend.state;

import dev.mimic.backend.ir.Type;

import java.util.Arrays;

/**
 * The values of a machine's state slots. Integer slots live in {@link #words} (I32 kept
 * sign-extended), doubles in {@link #floats}, managed values in {@link #refs}; the arrays are public
 * so compiled code reaches a slot with one array access.
 */
public final class GuestState {
    private final StateLayout layout;
    public final long[] words;
    public final double[] floats;
    public final Object[] refs;

    public GuestState(StateLayout layout) {
        this.layout = layout;
        this.words = new long[layout.wordCells()];
        this.floats = new double[layout.floatCells()];
        this.refs = new Object[layout.refCells()];
    }

    public StateLayout layout() {
        return layout;
    }

    public long pc() {
        return words[layout.pc().cell()];
    }

    public void setPc(long pc) {
        set(layout.pc(), pc);
    }

    /** An integer slot's value (I32 sign-extended), or a double slot's raw bits. */
    public long get(Slot s) {
        return switch (s.type()) {
            case I32, I64 -> words[s.cell()];
            case F64 -> Double.doubleToRawLongBits(floats[s.cell()]);
            case REF -> throw new IllegalArgumentException(s.name() + " holds a reference");
        };
    }

    /** Sets an integer slot (I32 slots keep the low 32 bits, sign-extended) or a double's raw bits. */
    public void set(Slot s, long value) {
        switch (s.type()) {
            case I32 -> words[s.cell()] = (int) value;
            case I64 -> words[s.cell()] = value;
            case F64 -> floats[s.cell()] = Double.longBitsToDouble(value);
            case REF -> throw new IllegalArgumentException(s.name() + " holds a reference");
        }
    }

    public Object getRef(Slot s) {
        require(s, Type.REF);
        return refs[s.cell()];
    }

    public void setRef(Slot s, Object value) {
        require(s, Type.REF);
        refs[s.cell()] = value;
    }

    private static void require(Slot s, Type t) {
        if (s.type() != t) {
            throw new IllegalArgumentException(s.name() + " is " + s.type() + ", not " + t);
        }
    }

    /** Copies every primitive slot from {@code other} (same layout); references are shared. */
    public void copyFrom(GuestState other) {
        System.arraycopy(other.words, 0, words, 0, words.length);
        System.arraycopy(other.floats, 0, floats, 0, floats.length);
        System.arraycopy(other.refs, 0, refs, 0, refs.length);
    }

    /** True when both states hold the same values (doubles compared bitwise, references by identity). */
    public boolean sameAs(GuestState other) {
        if (!Arrays.equals(words, other.words) || !Arrays.equals(refs, other.refs)) {
            return false;
        }
        for (int i = 0; i < floats.length; i++) {
            if (Double.doubleToRawLongBits(floats[i]) != Double.doubleToRawLongBits(other.floats[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Slot slot : layout.slots()) {
            s.append(slot.name()).append('=');
            if (slot.type() == Type.REF) {
                s.append(refs[slot.cell()]);
            } else if (slot.type() == Type.F64) {
                s.append(floats[slot.cell()]);
            } else {
                s.append("0x").append(Long.toHexString(words[slot.cell()]));
            }
            s.append(' ');
        }
        return s.toString().trim();
    }
}
